// A Node stand-in for the wx boundary used by the request wrapper: wx.request over Node's http,
// wx.login answering the sandbox's `sandbox-<name>` codes, storage in memory, toasts recorded.
const http = require('http')

function toQuery(data) {
  return Object.keys(data).map((k) => `${encodeURIComponent(k)}=${encodeURIComponent(data[k])}`).join('&')
}

// Node's http module rather than fetch: the page suites run under jsdom, whose global has no fetch.
function request({ url, method = 'GET', data, header = {}, timeout = 15000, success, fail }) {
  let target = url
  let body
  if (data !== undefined && method === 'GET' && typeof data === 'object') {
    target += (url.includes('?') ? '&' : '?') + toQuery(data) // what wx.request does with GET data
  } else if (data !== undefined) {
    body = typeof data === 'string' ? data : JSON.stringify(data)
  }
  const req = http.request(target, { method, headers: header, timeout }, (res) => {
    const chunks = []
    res.on('data', (chunk) => chunks.push(chunk))
    res.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8')
      let parsed = raw
      try { parsed = JSON.parse(raw) } catch (err) { /* not JSON: hand over the text, as wx does */ }
      success({ statusCode: res.statusCode, data: parsed, header: res.headers, errMsg: 'request:ok' })
    })
  })
  req.on('timeout', () => req.destroy(new Error('timeout')))
  req.on('error', (err) => fail({ errMsg: `request:fail ${err.message}` }))
  if (body !== undefined) req.write(body)
  req.end()
}

/** Build a wx object for one sandbox person; `logins` counts wx.login calls. */
function createNodeWx({ name }) {
  const store = new Map()
  const wx = {
    logins: 0,
    toasts: [],
    request,
    login({ success }) {
      wx.logins += 1
      setTimeout(() => success({ code: `sandbox-${name}`, errMsg: 'login:ok' }), 0)
    },
    getStorageSync: (key) => (store.has(key) ? JSON.parse(store.get(key)) : ''),
    setStorageSync: (key, value) => { store.set(key, JSON.stringify(value)) },
    removeStorageSync: (key) => { store.delete(key) },
    showToast: ({ title }) => { wx.toasts.push(title) },
  }
  return wx
}

module.exports = { createNodeWx, request }
