// Helpers for the suites that render our pages (miniprogram-simulate under jsdom) against the REAL
// backend and WeChat sandbox: the wx boundary of the unit tests, with wx.request over HTTP to the
// backend and wx.login answering the sandbox's `sandbox-<name>` codes.
const fs = require('fs')
const http = require('http')
const path = require('path')
const config = require('../../config')
const { installWx } = require('../helpers/wx')
const nodeWx = require('./node-wx')

const BASE = process.env.KJY_API_BASE
const SANDBOX = process.env.KJY_SANDBOX_BASE

/**
 * Install the wx boundary for one sandbox person. Pages get their own module instances (see
 * tests/helpers/mp.js), so the configured apiBase is mapped to the backend here, at the boundary.
 */
function installLiveWx(name, { base = () => BASE } = {}) {
  installWx()
  const prefix = String(config.apiBase).replace(/\/+$/, '')
  wx.request = jest.fn((opts) => nodeWx.request(Object.assign({}, opts, {
    url: opts.url.startsWith(prefix) ? base() + opts.url.slice(prefix.length) : opts.url,
  })))
  wx.login = jest.fn((o) => setTimeout(() => o.success({ code: `sandbox-${name}`, errMsg: 'login:ok' }), 0))
  wx.uploadFile = jest.fn((opts) => uploadFile(Object.assign({}, opts, {
    url: opts.url.startsWith(prefix) ? base() + opts.url.slice(prefix.length) : opts.url,
  })))
  return wx
}

/** wx.uploadFile over HTTP: the local file as one multipart/form-data part named `name`. */
function uploadFile({ url, filePath, name, header = {}, success, fail }) {
  const boundary = `----kjy${Date.now().toString(16)}`
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${path.basename(filePath)}"\r\n`
    + 'Content-Type: application/octet-stream\r\n\r\n')
  const body = Buffer.concat([head, fs.readFileSync(filePath), Buffer.from(`\r\n--${boundary}--\r\n`)])
  const req = http.request(url, {
    method: 'POST', headers: Object.assign({}, header, { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': body.length }),
  }, (res) => {
    const chunks = []
    res.on('data', (c) => chunks.push(c))
    res.on('end', () => success({ statusCode: res.statusCode, data: Buffer.concat(chunks).toString('utf8'), errMsg: 'uploadFile:ok' }))
  })
  req.on('error', (err) => fail({ errMsg: `uploadFile:fail ${err.message}` }))
  req.end(body)
}

/** Wait (turn by turn of the event loop, no fixed sleep) until `check()` (maybe async) is truthy; return it. */
async function waitFor(check, { within = 15000 } = {}) {
  const deadline = Date.now() + within
  for (;;) {
    const value = await check()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`waitFor: still false after ${within} ms: ${check}`)
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
}

/** One HTTP call with JSON in and out (for test set-up as another person). */
function call(method, url, { headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers: Object.assign({ 'content-type': 'application/json' }, headers) }, (res) => {
      const chunks = []
      res.on('data', (c) => chunks.push(c))
      res.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8')
        let parsed = raw
        try { parsed = JSON.parse(raw) } catch (err) { /* keep the text */ }
        resolve({ status: res.statusCode, body: parsed })
      })
    })
    req.on('error', reject)
    if (body !== undefined) req.write(typeof body === 'string' ? body : JSON.stringify(body))
    req.end()
  })
}

/** Log a sandbox person in over HTTP; return their bearer header. */
async function bearer(name) {
  const res = await call('POST', `${BASE}/api/v1/auth/login`, { body: { code: `sandbox-${name}` } })
  if (res.status !== 200) throw new Error(`login ${name}: ${res.status}`)
  return { authorization: `Bearer ${res.body.token}` }
}

/** The API as another person: api(headers)('POST', '/api/v1/...', body). */
const as = (headers) => (method, path, body) => call(method, `${BASE}${path}`, { headers, body })

/** Upload a local file as the person whose bearer header is given; resolve with {status, body}. */
function upload(url, filePath, headers) {
  return new Promise((resolve, reject) => uploadFile({
    url, filePath, name: 'file', header: headers,
    success: (res) => resolve({ status: res.statusCode, body: JSON.parse(res.data) }),
    fail: (err) => reject(new Error(err.errMsg)),
  }))
}

module.exports = { BASE, SANDBOX, installLiveWx, call, bearer, as, waitFor, upload }
