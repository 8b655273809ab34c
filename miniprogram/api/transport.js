// The only place that calls wx.request and wx.uploadFile: URL building, JSON bodies, promise wrapping.
const config = require('../config')
const { fromTransport } = require('./errors')

/** Join the configured base URL, a path and query parameters (empty values are left out). */
function buildUrl(path, query) {
  const base = String(config.apiBase || '').replace(/\/+$/, '')
  const pairs = Object.keys(query || {})
    .filter((key) => query[key] !== undefined && query[key] !== null && query[key] !== '')
    .map((key) => `${encodeURIComponent(key)}=${encodeURIComponent(query[key])}`)
  return `${base}${path}${pairs.length ? `?${pairs.join('&')}` : ''}`
}

/** Send one request; resolve with {statusCode, data} for any HTTP status, reject on transport failure. */
function send({ method = 'GET', path, query, data, token, header }) {
  const headers = Object.assign({ 'content-type': 'application/json' }, header || {})
  if (token) headers.Authorization = `Bearer ${token}`
  return new Promise((resolve, reject) => {
    wx.request({
      url: buildUrl(path, query),
      method,
      data: data === undefined ? undefined : data,
      header: headers,
      timeout: config.requestTimeout,
      success: (res) => resolve({ statusCode: res.statusCode, data: res.data }),
      fail: (err) => reject(fromTransport(err)),
    })
  })
}

/** Upload one local file as multipart field `name`; resolve with {statusCode, data} (JSON parsed when it is). */
function upload({ path, filePath, name = 'file', token }) {
  const header = token ? { Authorization: `Bearer ${token}` } : {}
  return new Promise((resolve, reject) => {
    wx.uploadFile({
      url: buildUrl(path),
      filePath,
      name,
      header,
      timeout: config.requestTimeout * 2,
      success: (res) => {
        let data = res.data
        try { data = typeof data === 'string' ? JSON.parse(data) : data } catch (err) { /* not JSON: keep the text */ }
        resolve({ statusCode: res.statusCode, data })
      },
      fail: (err) => reject(fromTransport(err)),
    })
  })
}

module.exports = { buildUrl, send, upload }
