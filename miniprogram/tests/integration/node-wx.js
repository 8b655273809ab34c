// A Node stand-in for the wx boundary used by the request wrapper: wx.request over Node's fetch,
// wx.login answering the sandbox's `sandbox-<name>` codes, storage in memory, toasts recorded.

function toQuery(data) {
  return Object.keys(data).map((k) => `${encodeURIComponent(k)}=${encodeURIComponent(data[k])}`).join('&')
}

function request({ url, method = 'GET', data, header = {}, timeout = 15000, success, fail }) {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), timeout)
  const init = { method, headers: header, signal: controller.signal }
  let target = url
  if (data !== undefined && method === 'GET' && typeof data === 'object') {
    target += (url.includes('?') ? '&' : '?') + toQuery(data) // what wx.request does with GET data
  } else if (data !== undefined) {
    init.body = typeof data === 'string' ? data : JSON.stringify(data)
  }
  fetch(target, init)
    .then(async (res) => {
      const raw = await res.text()
      let body = raw
      try { body = JSON.parse(raw) } catch (err) { /* not JSON: hand over the text, as wx does */ }
      success({ statusCode: res.status, data: body, header: Object.fromEntries(res.headers.entries()), errMsg: 'request:ok' })
    })
    .catch((err) => fail({ errMsg: `request:fail ${err.name === 'AbortError' ? 'timeout' : err.message}` }))
    .finally(() => clearTimeout(timer))
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

module.exports = { createNodeWx }
