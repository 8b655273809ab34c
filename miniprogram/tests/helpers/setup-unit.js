// Fresh wx boundary stubs for every unit test (simulate first: it installs its own wx mock).
require('miniprogram-simulate')
const { installWx } = require('./wx')

beforeEach(() => {
  installWx()
})
