// A fake backend behind wx.request: routes like 'GET /api/v1/posts/:id' → handler(req) returning
// a body (200) or {status, body}. Every call is recorded for assertions.
const config = require('../../config')

function parseUrl(url) {
  const rest = url.startsWith(config.apiBase) ? url.slice(config.apiBase.length) : url
  const [path, qs = ''] = rest.split('?')
  const query = {}
  qs.split('&').filter(Boolean).forEach((pair) => {
    const [k, v = ''] = pair.split('=')
    query[decodeURIComponent(k)] = decodeURIComponent(v)
  })
  return { path, query }
}

function matchRoute(pattern, path) {
  const a = pattern.split('/')
  const b = path.split('/')
  if (a.length !== b.length) return null
  const params = {}
  for (let i = 0; i < a.length; i += 1) {
    if (a[i].startsWith(':')) params[a[i].slice(1)] = b[i]
    else if (a[i] !== b[i]) return null
  }
  return params
}

function installBackend(routes) {
  const backend = { routes: Object.assign({}, routes), calls: [] }
  backend.find = (method, path) => {
    for (const key of Object.keys(backend.routes)) {
      const [m, pattern] = key.split(' ')
      const params = m === method ? matchRoute(pattern, path) : null
      if (params) return { handler: backend.routes[key], params }
    }
    return null
  }
  global.wx.request = jest.fn((opts) => {
    const method = (opts.method || 'GET').toUpperCase()
    const { path, query } = parseUrl(opts.url)
    const req = { method, path, query, data: opts.data, header: opts.header || {} }
    backend.calls.push(req)
    const found = backend.find(method, path)
    setTimeout(() => {
      if (!found) {
        opts.success({ statusCode: 404, data: { error: { code: 'not_found', message: '内容不存在或无权查看', field: null } } })
        return
      }
      const out = found.handler(Object.assign({ params: found.params }, req))
      if (out && out.transportError) { opts.fail({ errMsg: out.transportError }); return }
      const isFull = out && typeof out === 'object' && 'status' in out && 'body' in out
      opts.success({ statusCode: isFull ? out.status : 200, data: isFull ? out.body : out, header: {} })
    }, 0)
  })
  // wx.uploadFile answered by the same routes (multipart: the body is {name, filePath}, the answer a JSON string).
  global.wx.uploadFile = jest.fn((opts) => {
    const { path, query } = parseUrl(opts.url)
    const req = { method: 'POST', path, query, data: { name: opts.name, filePath: opts.filePath }, header: opts.header || {} }
    backend.calls.push(req)
    const found = backend.find('POST', path)
    setTimeout(() => {
      const out = found ? found.handler(Object.assign({ params: found.params }, req)) : apiError(404, 'not_found', '内容不存在或无权查看')
      if (out && out.transportError) { opts.fail({ errMsg: out.transportError }); return }
      const isFull = out && typeof out === 'object' && 'status' in out && 'body' in out
      opts.success({ statusCode: isFull ? out.status : 200, data: JSON.stringify(isFull ? out.body : out) })
    }, 0)
  })
  backend.callsTo = (method, path) => backend.calls.filter((c) => c.method === method && c.path === path)
  return backend
}

/** The contract's error body with a status. */
function apiError(status, code, message, field = null) {
  return { status, body: { error: { code, message, field } } }
}

module.exports = { installBackend, apiError }
