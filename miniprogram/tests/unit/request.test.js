// The request wrapper: bearer token, silent re-login on 401, error code → friendly Chinese toast.
const api = require('../../api/index')
const session = require('../../api/session')
const { request } = require('../../api/request')
const { installBackend, apiError } = require('../helpers/backend')
const { toasts } = require('../helpers/wx')
const { user, signIn } = require('../helpers/fixtures')

function loginRoute(tokens) {
  let n = 0
  return () => ({ token: tokens[Math.min(n++, tokens.length - 1)], expires_in: 3600, user: user() })
}

test('logs in silently on first use and sends the bearer token', async () => {
  const backend = installBackend({
    'POST /api/v1/auth/login': loginRoute(['tok-A']),
    'GET /api/v1/me': (req) => ({ user: user({ name: req.header.Authorization }) }),
  })
  const me = await api.getMe()
  expect(wx.login).toHaveBeenCalledTimes(1)
  expect(backend.callsTo('POST', '/api/v1/auth/login')[0].data).toEqual({ code: 'wx-code-1' })
  expect(me.name).toBe('Bearer tok-A')
  expect(session.getUser().name).toBe('Bearer tok-A')
})

test('re-logs in once on 401 and replays the request', async () => {
  signIn()
  const backend = installBackend({
    'POST /api/v1/auth/login': loginRoute(['tok-new']),
    'GET /api/v1/posts/:id': (req) => (req.header.Authorization === 'Bearer tok-new'
      ? { post: { id: 7, title: '标题' } }
      : apiError(401, 'unauthorized', '请先登录')),
  })
  const post = await api.getPost(7)
  expect(post.id).toBe(7)
  expect(wx.login).toHaveBeenCalledTimes(1)
  expect(backend.callsTo('GET', '/api/v1/posts/7').map((c) => c.header.Authorization))
    .toEqual(['Bearer tok-1', 'Bearer tok-new'])
  expect(toasts()).toEqual([])
})

test('gives up after one re-login and tells the person', async () => {
  signIn()
  installBackend({
    'POST /api/v1/auth/login': loginRoute(['tok-new']),
    'GET /api/v1/me': () => apiError(401, 'unauthorized', '请先登录'),
  })
  await expect(api.getMe()).rejects.toMatchObject({ status: 401, code: 'unauthorized' })
  expect(wx.login).toHaveBeenCalledTimes(1)
  expect(toasts()).toEqual(['登录已失效，请重新进入小程序'])
})

test('concurrent requests share one login', async () => {
  const backend = installBackend({
    'POST /api/v1/auth/login': loginRoute(['tok-A']),
    'GET /api/v1/regions': () => ({ regions: [] }),
  })
  await Promise.all([api.listRegions(), api.listRegions('510000'), api.listRegions('510100')])
  expect(backend.callsTo('POST', '/api/v1/auth/login')).toHaveLength(1)
  expect(backend.callsTo('GET', '/api/v1/regions').map((c) => c.query.parent)).toEqual([undefined, '510000', '510100'])
})

test.each([
  ['a network failure', () => ({ transportError: 'request:fail' }), '网络不给力，请检查网络后重试'],
  ['a timeout', () => ({ transportError: 'request:fail timeout' }), '请求超时，请稍后重试'],
  ['a server crash', () => ({ status: 502, body: '<html>Bad Gateway</html>' }), '服务器开小差了，请稍后再试'],
  ['rate limiting', () => apiError(429, 'too_many_requests', 'slow down'), '操作太频繁了，请稍后再试'],
  ['a Chinese server message', () => apiError(409, 'conflict', '当前状态不允许撤回'), '当前状态不允许撤回'],
  ['an English server message', () => apiError(404, 'not_found', 'Not Found'), '内容不存在或已被删除'],
])('turns %s into a friendly toast', async (_name, answer, expected) => {
  signIn()
  installBackend({ 'POST /api/v1/posts/:id/withdraw': answer })
  const err = await api.withdrawPost(1).catch((e) => e)
  expect(err.friendly).toBe(expected)
  expect(toasts()).toEqual([expected])
})

test('leaves field errors to the form when asked', async () => {
  signIn()
  installBackend({ 'POST /api/v1/posts': () => apiError(422, 'validation_failed', '标题至少 4 个字', 'title') })
  const err = await api.createPost({ kind: 'need' }).catch((e) => e)
  expect(err).toMatchObject({ field: 'title', friendly: '标题至少 4 个字' })
  expect(toasts()).toEqual([])
})

test('a failed wx.login rejects with a login error and a toast', async () => {
  wx.login = jest.fn((o) => o.fail({ errMsg: 'login:fail' }))
  installBackend({})
  const err = await request('/api/v1/me').catch((e) => e)
  expect(err.code).toBe('login_failed')
  expect(toasts()).toEqual(['登录失败，请稍后重试'])
})

test('builds query strings without empty values', async () => {
  signIn()
  const backend = installBackend({ 'GET /api/v1/posts': () => ({ posts: [], next_cursor: null }) })
  await api.listMyPosts({ cursor: null, limit: 20 })
  expect(backend.calls[0].query).toEqual({ mine: '1', limit: '20' })
})
