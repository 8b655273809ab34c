// Where a post is: the publish form opens at the person's region (a QR code's region once scanned),
// else at 四川省, and shows the backend's refusal of a region outside the province beside the picker.
const { load, mount, settle, text } = require('../helpers/mp')
const { installBackend, apiError } = require('../helpers/backend')
const { user, signIn } = require('../helpers/fixtures')

let id
beforeAll(() => { id = load('pages/publish/index') })

// In code order, as GET /api/v1/regions answers: 四川 is not the first province.
const REGIONS = {
  '': [{ code: '110000', name: '北京市', level: 'province' }, { code: '510000', name: '四川省', level: 'province' }],
  110000: [{ code: '110100', name: '北京市', level: 'city' }],
  110100: [{ code: '110101', name: '东城区', level: 'county' }],
  510000: [{ code: '510100', name: '成都市', level: 'city' }, { code: '511500', name: '宜宾市', level: 'city' }],
  510100: [{ code: '510104', name: '锦江区', level: 'county' }],
  511500: [{ code: '511502', name: '翠屏区', level: 'county' }, { code: '511523', name: '江安县', level: 'county' }],
}
const PATHS = {
  511523: [REGIONS[''][1], REGIONS[510000][1], REGIONS[511500][1]],
}

async function open(routes = {}) {
  const backend = installBackend(Object.assign({
    'GET /api/v1/regions': (req) => ({ regions: REGIONS[req.query.parent || ''] || [] }),
    'GET /api/v1/regions/:code': (req) => ({ regions: PATHS[req.params.code] || [] }),
  }, routes))
  const page = mount(id)
  page.instance.onLoad({})
  page.instance.onShow()
  await settle(10)
  return { page, backend }
}

const picker = (page) => page.querySelector('.region').instance

test('without a region of their own the picker opens at 四川省', async () => {
  signIn(user({ region_code: null }))
  const { page, backend } = await open()
  expect(picker(page).data.index).toEqual([1, 0, 0])
  expect(picker(page).data.columns[1].map((r) => r.name)).toEqual(['成都市', '宜宾市'])
  expect(backend.calls.map((c) => c.query.parent).filter(Boolean)).toEqual(['510000', '510100'])
  expect(page.data.regionCode).toBe('')
})

test("a QR code's region (the user's region) fills the form and the picker opens at it", async () => {
  signIn(user({ region_code: '511523', campaign_id: 3 }))
  const { page } = await open()
  expect(page.data).toMatchObject({ regionCode: '511523', regionLabel: '四川省 / 宜宾市 / 江安县' })
  expect(text(page, ['.region', '.value'])).toBe('四川省 / 宜宾市 / 江安县')
  expect(picker(page).data.index).toEqual([1, 1, 1])
})

test('the person can change the preset region', async () => {
  signIn(user({ region_code: '511523' }))
  const { page } = await open()
  picker(page).onColumnChange({ detail: { column: 1, value: 0 } })
  await settle()
  picker(page).onChange({ detail: { value: [1, 0, 0] } })
  await settle()
  expect(page.data).toMatchObject({ regionCode: '510104', regionLabel: '四川省 / 成都市 / 锦江区' })
})

test("the backend's refusal of a region outside the province is shown beside the picker", async () => {
  signIn(user({ region_code: '511523' }))
  const message = '本平台只服务四川省，请选择四川省内的地区'
  const { page } = await open({
    'POST /api/v1/posts': () => apiError(422, 'validation_failed', message, 'region_code'),
  })
  picker(page).onColumnChange({ detail: { column: 0, value: 0 } })
  await settle()
  picker(page).onChange({ detail: { value: [0, 0, 0] } })
  page.querySelector('.title-field').instance.input('果园滴灌系统节水改造')
  page.querySelector('.body-field').instance.input('现有果园五十亩，想改造滴灌系统节约用水。')
  await settle()
  expect(page.data.regionCode).toBe('110101')
  page.instance.toggleAgree() // 用户协议 (access.test.js)
  await page.instance.submit()
  await settle()
  expect(text(page, ['.region', '.field-error'])).toBe(message)
})
