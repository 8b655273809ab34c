// Issue 16 item 9: a failed load shows what went wrong and 重试, never an empty list; 重试 loads again.
const { load, mount, settle, tapButton, text, exists } = require('../helpers/mp')
const { installBackend, apiError } = require('../helpers/backend')
const { toasts } = require('../helpers/wx')
const { post, signIn } = require('../helpers/fixtures')

let ids
beforeAll(() => {
  ids = {
    posts: load('pages/posts/index'), feed: load('pages/feed/index'), post: load('pages/post/index'),
    article: load('pages/article/index'), chat: load('components/ticket-chat/index'),
  }
})

/** A route that fails `times` times (a 503, or a transport failure) and then answers `body`. */
function flaky(body, { times = 1, transport = false } = {}) {
  let left = times
  return () => {
    if (left <= 0) return typeof body === 'function' ? body() : body
    left -= 1
    return transport ? { transportError: 'request:fail' } : apiError(503, 'upstream_unavailable', 'upstream down')
  }
}

async function retry(page) {
  tapButton(page.querySelector('.load-error'), '.retry')
  await settle()
}

test('my posts: a server error is not "还没有发布过内容"; 重试 loads them', async () => {
  signIn()
  const backend = installBackend({ 'GET /api/v1/posts': flaky({ posts: [post({ id: 1 })], next_cursor: null }) })
  const page = mount(ids.posts)
  await page.instance.onShow()
  await settle()
  expect(text(page, ['.load-error', '.message'])).toBe('服务暂时不可用，请稍后再试')
  expect(text(page, ['.load-error', '.retry'])).toBe('重试')
  expect(page.dom.textContent).not.toContain('还没有发布过内容')
  expect(exists(page, '.go-publish')).toBe(false)
  expect(toasts()).toEqual([]) // shown once, on the page, not also as a toast

  await retry(page)
  expect(backend.callsTo('GET', '/api/v1/posts')).toHaveLength(2)
  expect(exists(page, '.load-error')).toBe(false)
  expect(page.querySelectorAll('.item')).toHaveLength(1)
})

test('feed: no network shows the network message and 重试, not "暂时没有推荐的文章"', async () => {
  signIn()
  installBackend({
    'GET /api/v1/articles': flaky({ emergency: null, articles: [{ id: 31, title: '暴雨过后如何安全用电', topics: [] }], next_cursor: null }, { transport: true }),
  })
  const page = mount(ids.feed)
  await page.instance.onLoad({})
  await settle()
  expect(text(page, ['.load-error', '.message'])).toBe('网络不给力，请检查网络后重试')
  expect(page.dom.textContent).not.toContain('暂时没有推荐的文章')
  await retry(page)
  expect(exists(page, '.load-error')).toBe(false)
  expect(text(page, '.article .title')).toBe('暴雨过后如何安全用电')
})

test('post: a server error offers 重试; a missing post says it is gone, without 重试', async () => {
  signIn()
  installBackend({
    'GET /api/v1/posts/:id': flaky({ post: post() }),
    'GET /api/v1/posts/:id/progress': () => apiError(404, 'not_found', '内容不存在或无权查看'),
    'GET /api/v1/posts/:id/matches': () => ({ matches: [] }),
  })
  const page = mount(ids.post)
  await page.instance.onLoad({ id: '42' })
  await settle()
  expect(text(page, ['.load-error', '.message'])).toBe('服务暂时不可用，请稍后再试')
  await retry(page)
  expect(exists(page, '.load-error')).toBe(false)
  expect(text(page, '.title')).toBe('果园滴灌系统节水改造')

  installBackend({ 'GET /api/v1/posts/:id': () => apiError(404, 'not_found', '内容不存在或无权查看') })
  const gone = mount(ids.post)
  await gone.instance.onLoad({ id: '43' })
  await settle()
  expect(text(gone, '.failed')).toBe('内容不存在或已被删除')
  expect(exists(gone, '.load-error')).toBe(false)
})

test('article: a server error offers 重试 that shows the article', async () => {
  signIn()
  installBackend({ 'GET /api/v1/articles/:id': flaky({ article: { id: 31, title: '暴雨过后如何安全用电', body: '第一段。' } }) })
  const page = mount(ids.article)
  await page.instance.onLoad({ id: '31' })
  await settle()
  expect(exists(page, '.load-error')).toBe(true)
  await retry(page)
  expect(text(page, '.title')).toBe('暴雨过后如何安全用电')
})

test('chat: failed messages are not "还没有消息"; 重试 shows them', async () => {
  signIn()
  installBackend({
    'GET /api/v1/tickets/:id': () => ({ ticket: { id: 12, concierge: { name: '李娟' } } }),
    'GET /api/v1/tickets/:id/messages': flaky({ messages: [{ id: 1, sender: 'concierge', text: '您好', at: '2024-10-02T02:00:00+00:00' }] }),
  })
  const chat = mount(ids.chat, { ticketId: 12 })
  await settle()
  expect(exists(chat, '.empty')).toBe(false)
  expect(text(chat, ['.load-error', '.message'])).toBe('服务暂时不可用，请稍后再试')
  await retry(chat)
  expect(chat.querySelectorAll('.bubble').map((b) => b.dom.textContent)).toEqual(['您好'])
})
