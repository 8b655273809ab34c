// The only place that calls wx.request: URL building, JSON bodies, promise wrapping.
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

module.exports = { buildUrl, send }
