// A post's page: header, lifecycle timeline, matches with their reason, accept/decline, chat slot.
const { load, mount, settle, tapButton, text, exists } = require('../helpers/mp')
const { installBackend, apiError } = require('../helpers/backend')
const { user, post, signIn } = require('../helpers/fixtures')

let id
beforeAll(() => { id = load('pages/post/index') })

const TIMELINE = [
  { status: 'published', at: '2024-10-01T07:01:00+00:00', note: '' },
  { status: 'matched', at: '2024-10-02T02:00:00+00:00', note: '系统匹配到 2 位专家' },
]

function matchJson(overrides = {}) {
  return Object.assign({
    id: 5, score: 0.8234, rank: 1, method: 'doc2vec', keywords: ['滴灌', '节水'],
    post: { id: 90, kind: 'offer', title: '农业节水灌溉技术服务', region_code: '510104', author_id: 3 },
    can_decide: true, decision: null,
  }, overrides)
}

async function open({ postJson = post(), timeline = TIMELINE, matches = [matchJson()], routes = {} } = {}) {
  const backend = installBackend(Object.assign({
    'GET /api/v1/posts/:id': () => ({ post: postJson }),
    'GET /api/v1/posts/:id/timeline': () => (timeline ? { timeline } : apiError(404, 'not_found', 'Not Found')),
    'GET /api/v1/posts/:id/matches': () => ({ matches }),
  }, routes))
  const page = mount(id)
  await page.instance.onLoad({ id: '42' })
  await settle()
  return { page, backend }
}

test('shows the post with its status badge', async () => {
  signIn()
  const { page } = await open({ postJson: post({ review_state: 'pending' }) })
  expect(text(page, '.title')).toBe('果园滴灌系统节水改造')
  expect(text(page, '.kind')).toBe('科技需求')
  expect(text(page, ['.status', '.badge--matched'])).toBe('已匹配')
  expect(text(page, ['.status', '.badge--review'])).toBe('审核中')
})

test('renders the lifecycle as a timeline, newest last and highlighted', async () => {
  signIn()
  const { page } = await open()
  const timeline = page.querySelector('.progress')
  const rows = timeline.querySelectorAll('.row')
  expect(timeline.querySelectorAll('.status').map((n) => n.dom.textContent)).toEqual(['已发布', '已匹配'])
  expect(rows.map((r) => r.dom.className.includes('row--current'))).toEqual([false, true])
  expect(timeline.querySelectorAll('.note').map((n) => n.dom.textContent)).toEqual(['系统匹配到 2 位专家'])
})

test('falls back to the creation entry when the timeline is not available', async () => {
  signIn()
  const { page } = await open({ timeline: null })
  const rows = page.querySelector('.progress').querySelectorAll('.status')
  expect(rows.map((r) => r.dom.textContent)).toEqual(['已发布'])
})

test('shows each match with its score and shared keywords', async () => {
  signIn()
  const { page } = await open()
  const card = page.querySelector('.match-5')
  expect(text(card, '.title')).toBe('农业节水灌溉技术服务')
  expect(text(card, '.score')).toBe('匹配度 82%')
  expect(text(card, '.reason-label')).toBe('匹配理由：共同关键词')
  expect(card.querySelectorAll('.keyword').map((k) => k.dom.textContent)).toEqual(['滴灌', '节水'])
})

test('accepting a match sends the decision and shows it', async () => {
  signIn()
  const { page, backend } = await open({
    routes: { 'POST /api/v1/matches/:id/decision': () => ({ match: matchJson({ decision: 'accepted', can_decide: false }) }) },
  })
  tapButton(page.querySelector('.match-5'), '.accept')
  await settle()
  expect(backend.callsTo('POST', '/api/v1/matches/5/decision')[0].data).toEqual({ decision: 'accept' })
  const card = page.querySelector('.match-5')
  expect(text(card, '.decided')).toBe('已接受')
  expect(exists(card, '.actions')).toBe(false)
  expect(wx.showToast).toHaveBeenCalledWith({ title: '已接受，科服保姆将联系双方', icon: 'none' })
})

test('declining asks for confirmation first', async () => {
  signIn()
  const { page, backend } = await open({
    routes: { 'POST /api/v1/matches/:id/decision': () => ({ match: matchJson({ decision: 'declined' }) }) },
  })
  wx.showModal = jest.fn((o) => o.success({ confirm: false }))
  tapButton(page.querySelector('.match-5'), '.decline')
  await settle()
  expect(wx.showModal).toHaveBeenCalled()
  expect(backend.callsTo('POST', '/api/v1/matches/5/decision')).toHaveLength(0)

  wx.showModal = jest.fn((o) => o.success({ confirm: true }))
  tapButton(page.querySelector('.match-5'), '.decline')
  await settle()
  expect(backend.callsTo('POST', '/api/v1/matches/5/decision')[0].data).toEqual({ decision: 'decline' })
  expect(text(page.querySelector('.match-5'), '.decided')).toBe('已婉拒')
})

test('a match the viewer cannot decide shows no buttons', async () => {
  signIn()
  const { page } = await open({ matches: [matchJson({ can_decide: false })] })
  const card = page.querySelector('.match-5')
  expect(exists(card, '.actions')).toBe(false)
  expect(text(card, '.waiting')).toBe('等待对方确认')
})

test('the author sees the concierge chat of the post ticket', async () => {
  signIn(user({ id: 1 }))
  const { page } = await open({
    postJson: post({ ticket_id: 12 }),
    routes: {
      'GET /api/v1/tickets/:id': () => ({ ticket: { id: 12, status: 'contacted', concierge: { name: '李娟' }, post_id: 42 } }),
      'GET /api/v1/tickets/:id/messages': () => ({ messages: [] }),
    },
  })
  expect(text(page, ['.chat', '.concierge-name'])).toBe('李娟')
  expect(exists(page, '.withdraw')).toBe(true)
})

test('someone else sees neither chat nor withdraw', async () => {
  signIn(user({ id: 2 }))
  const { page } = await open({ postJson: post({ author_id: 1, ticket_id: 12 }) })
  expect(exists(page, '.chat')).toBe(false)
  expect(exists(page, '.withdraw')).toBe(false)
})
