// Issue 16 item 7: articles and posts can be shared; a shared post opens read-only for anyone else.
const { load, mount, settle, tapButton, text, exists } = require('../helpers/mp')
const { installBackend, apiError } = require('../helpers/backend')
const { user, post, signIn } = require('../helpers/fixtures')

let ids
beforeAll(() => { ids = { post: load('pages/post/index'), article: load('pages/article/index') } })

async function openPost(postJson, { query = { id: '42' }, matches = () => apiError(404, 'not_found', '内容不存在或无权查看') } = {}) {
  const backend = installBackend({
    'GET /api/v1/posts/:id': () => ({ post: postJson }),
    'GET /api/v1/posts/:id/progress': () => ({ progress: { status: 'published', status_text: '已发布', stages: [], events: [] } }),
    'GET /api/v1/posts/:id/matches': matches,
  })
  const page = mount(ids.post)
  await page.instance.onLoad(query)
  await settle()
  return { page, backend }
}

test('the poster shares a public post as a card that opens it', async () => {
  signIn()
  const { page } = await openPost(post({ review_state: 'passed' }))
  expect(text(page, '.share-btn')).toBe('分享给亲友')
  expect(page.instance.onShareAppMessage()).toEqual({
    title: '科技需求：果园滴灌系统节水改造', path: '/pages/post/index?id=42&shared=1',
  })
})

test('a post still in review shares the mini-program instead (others could not open it)', async () => {
  signIn()
  const { page } = await openPost(post({ review_state: 'pending' }))
  expect(exists(page, '.share-btn')).toBe(false)
  expect(page.instance.onShareAppMessage().path).toBe('/pages/entry/index')
})

test('someone else opening a shared post reads it only: no progress, matches, chat or withdraw', async () => {
  signIn(user({ id: 2 }))
  const { page, backend } = await openPost(post({ author_id: 1, ticket_id: 12, review_state: 'passed' }), { query: { id: '42', shared: '1' } })
  expect(text(page, '.title')).toBe('果园滴灌系统节水改造')
  expect(backend.callsTo('GET', '/api/v1/posts/42/progress')).toHaveLength(0)
  for (const selector of ['.progress', '.matches', '.no-matches', '.chat', '.withdraw', '.share-btn']) {
    expect([selector, exists(page, selector)]).toEqual([selector, false])
  }
  expect(text(page, '.shared-text')).toBe('亲友分享给您的内容。您也遇到了问题？说一说，科服保姆帮您找专家。')
  tapButton(page, '.go-publish')
  await settle()
  expect(wx.switchTab).toHaveBeenCalledWith({ url: '/pages/publish/index' })
})

test('a matched scientist opening the need still sees their match', async () => {
  signIn(user({ id: 3, role: 'scientist' }))
  const match = { id: 5, relevance: 0.8, post: { id: 90, kind: 'offer', title: '农业节水灌溉技术服务', author_id: 3 }, can_decide: true }
  const { page } = await openPost(post({ author_id: 1 }), { matches: () => ({ matches: [match] }) })
  expect(exists(page, '.shared-card')).toBe(false)
  expect(exists(page, '.match-5')).toBe(true)
})

test('an article is shared as a card that opens it', async () => {
  signIn()
  installBackend({ 'GET /api/v1/articles/:id': () => ({ article: { id: 31, title: '暴雨过后如何安全用电', body: '先断电。' } }) })
  const page = mount(ids.article)
  await page.instance.onLoad({ id: '31' })
  await settle()
  expect(page.instance.onShareAppMessage()).toEqual({ title: '暴雨过后如何安全用电', path: '/pages/article/index?id=31' })
})
