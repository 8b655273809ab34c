// A post's page: header, lifecycle timeline, matches with their reason, accept/decline, chat slot.
const { load, mount, settle, tapButton, text, exists } = require('../helpers/mp')
const { installBackend, apiError } = require('../helpers/backend')
const { user, post, signIn } = require('../helpers/fixtures')

let id
beforeAll(() => { id = load('pages/post/index') })

// The backend's GET /api/v1/posts/{id}/progress shape (server/handlers/serializers.py progress_json).
function progressJson(overrides = {}) {
  const stage = (status, label, reached, current, at = null) => ({ status, label, reached, current, at })
  return Object.assign({
    post_id: 42, status: 'contacted', status_text: '已对接',
    stages: [
      stage('published', '已发布', true, false, '2024-10-01T07:01:00+00:00'),
      stage('matched', '已匹配', true, false, '2024-10-02T02:00:00+00:00'),
      stage('contacted', '已对接', true, true, '2024-10-03T02:00:00+00:00'),
      stage('negotiating', '洽谈中', false, false), stage('signed', '已签约', false, false),
      stage('landed', '已落地', false, false),
    ],
    close_reason: null, concierge: { id: 7, name: '李娟' },
    next_step: { step: '约专家到果园查看', due: '2024-10-10' },
    match_state: 'matched', match_state_text: '已找到相关专家',
    events: [
      { kind: 'opened', from: null, to: 'published', note: '', at: '2024-10-01T07:01:00+00:00' },
      { kind: 'status', from: 'contacted', to: 'contacted', note: '已联系省农科院专家', at: '2024-10-03T02:00:00+00:00' },
    ],
  }, overrides)
}

function matchJson(overrides = {}) {
  return Object.assign({
    id: 5, score: 3.41, rank: 1, method: 'fusion', keywords: ['滴灌', '节水'], relevance: 0.8234,
    explanation: '「农业节水灌溉技术服务」与需求都涉及：滴灌、节水',
    post: { id: 90, kind: 'offer', title: '农业节水灌溉技术服务', region_code: '510104', author_id: 3 },
    matched_offer: { id: 90, title: '农业节水灌溉技术服务' },
    can_decide: true, decision: null, decided_by: null, my_decision: null,
  }, overrides)
}

async function open({ postJson = post(), progress = progressJson(), matches = [matchJson()], routes = {} } = {}) {
  const backend = installBackend(Object.assign({
    'GET /api/v1/posts/:id': () => ({ post: postJson }),
    'GET /api/v1/posts/:id/progress': () => (progress ? { progress } : apiError(500, 'internal', '服务暂时不可用')),
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

test('the poster sees every stage with times, the current one highlighted', async () => {
  signIn()
  const { page, backend } = await open()
  expect(backend.callsTo('GET', '/api/v1/posts/42/progress')).toHaveLength(1)
  const timeline = page.querySelector('.progress')
  const rows = timeline.querySelectorAll('.row')
  expect(timeline.querySelectorAll('.status').map((n) => n.dom.textContent))
    .toEqual(['已发布', '已匹配', '已对接', '洽谈中', '已签约', '已落地'])
  expect(rows.map((r) => r.dom.className.includes('row--current'))).toEqual([false, false, true, false, false, false])
  expect(rows.map((r) => r.dom.className.includes('row--pending'))).toEqual([false, false, false, true, true, true])
  expect(timeline.querySelectorAll('.time')).toHaveLength(3)
  expect(timeline.querySelectorAll('.note').map((n) => n.dom.textContent)).toEqual(['已联系省农科院专家'])
})

test('shows the concierge and the next planned step', async () => {
  signIn()
  const { page } = await open()
  expect(text(page, '.concierge')).toBe('科服保姆：李娟')
  expect(text(page, '.next-step')).toBe('下一步：约专家到果园查看（2024-10-10 前）')
  expect(exists(page, '.no-expert')).toBe(false)
})

test('says so when no expert was found and the concierge searches by hand', async () => {
  signIn()
  const { page } = await open({ progress: progressJson({ match_state: 'no_expert', match_state_text: '未找到合适专家' }) })
  expect(text(page, '.no-expert')).toBe('未找到合适专家，科服保姆正在为您人工查找')
})

test('a failed progress load shows an error with 重试, and retrying loads it', async () => {
  signIn()
  const { page, backend } = await open({ progress: null })
  expect(text(page, '.progress-error')).toBe('服务进度暂时无法加载')
  backend.routes['GET /api/v1/posts/:id/progress'] = () => ({ progress: progressJson() })
  tapButton(page, '.retry-progress')
  await settle()
  expect(exists(page, '.progress-failed')).toBe(false)
  expect(page.querySelector('.progress').querySelectorAll('.row')).toHaveLength(6)
})

test('someone who is neither poster nor staff is not asked for progress', async () => {
  signIn(user({ id: 2 }))
  const { page, backend } = await open({ postJson: post({ author_id: 1 }) })
  expect(backend.callsTo('GET', '/api/v1/posts/42/progress')).toHaveLength(0)
  expect(exists(page, '.progress')).toBe(false)
})

test('shows an offer as a person to contact with relevance in words, why, and no raw score', async () => {
  signIn()
  const { page } = await open()
  const card = page.querySelector('.match-5')
  expect(text(card, '.title')).toBe('农业节水灌溉技术服务')
  expect(text(card, '.kind')).toBe('我能提供')
  expect(text(card, '.relevance')).toBe('非常相关（相关度 82%）')
  expect(text(card, '.explanation')).toBe('「农业节水灌溉技术服务」与需求都涉及：滴灌、节水')
  expect(page.dom.textContent).not.toContain('匹配度')
  expect(exists(card, '.actions')).toBe(true)
})

test('a match without a calibrated relevance shows no figure at all', async () => {
  signIn()
  const { page } = await open({ matches: [matchJson({ relevance: null, score: 12.7 })] })
  expect(exists(page.querySelector('.match-5'), '.relevance')).toBe(false)
})

test('science articles are 相关科普 to read, without decision buttons', async () => {
  signIn()
  const article = matchJson({
    id: 6, post: undefined, matched_offer: undefined, relevance: 0.52, can_decide: true, explanation: '这篇科普与需求都涉及：滴灌',
    article: { id: 300, title: '滴灌系统日常维护要点', summary: '过滤器每周清洗一次' },
  })
  const { page } = await open({ matches: [matchJson(), article] })
  expect(text(page, '.articles-title')).toBe('相关科普')
  expect(text(page, ['.match-6', '.kind'])).toBe('相关科普')
  const card = page.querySelector('.match-6')
  expect(text(card, '.summary')).toBe('过滤器每周清洗一次')
  expect(text(card, '.relevance')).toBe('可能相关（相关度 52%）')
  expect(exists(card, '.actions')).toBe(false)
  expect(exists(card, '.waiting')).toBe(false)
  card.querySelector('.read').dispatchEvent('tap')
  await settle()
  expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/article/index?id=300' })
  expect(exists(page, '.no-matches')).toBe(false)
  expect(page.querySelectorAll('.match').map((m) => m.dom.className.includes('article-match'))).toEqual([false, true])
})

test('the scientist sees the need and which of their offers matched it', async () => {
  signIn(user({ id: 3, role: 'scientist' }))
  const need = { id: 42, kind: 'need', title: '果园滴灌系统节水改造', region_code: '510104', author_id: 1 }
  const { page } = await open({
    postJson: post({ id: 90, kind: 'offer', author_id: 3, title: '农业节水灌溉技术服务' }),
    matches: [matchJson({ post: need })],
  })
  const card = page.querySelector('.match-5')
  expect(text(card, '.title')).toBe('果园滴灌系统节水改造')
  expect(text(card, '.kind')).toBe('科技需求')
  expect(text(card, '.offer')).toBe('匹配您的服务：农业节水灌溉技术服务')
})

test("the other side's acceptance is shown as theirs, not the viewer's", async () => {
  signIn(user({ id: 3, role: 'scientist' }))
  const need = { id: 42, kind: 'need', title: '果园滴灌系统节水改造', region_code: '510104', author_id: 1 }
  const { page } = await open({
    postJson: post({ id: 90, kind: 'offer', author_id: 3 }),
    matches: [matchJson({ post: need, decision: 'accepted', decided_by: 'demand', my_decision: null })],
  })
  const card = page.querySelector('.match-5')
  expect(text(card, '.decided')).toBe('需求方已接受对接，科服保姆将联系双方')
  expect(exists(card, '.actions')).toBe(false)
})

test('accepting a match sends the decision and shows it', async () => {
  signIn()
  const { page, backend } = await open({
    routes: {
      'POST /api/v1/matches/:id/decision': () => ({
        match: matchJson({ decision: 'accepted', decided_by: 'demand', my_decision: 'accepted' }),
      }),
    },
  })
  tapButton(page.querySelector('.match-5'), '.accept')
  await settle()
  expect(backend.callsTo('POST', '/api/v1/matches/5/decision')[0].data).toEqual({ decision: 'accept' })
  const card = page.querySelector('.match-5')
  expect(text(card, '.decided')).toBe('您已接受对接')
  expect(exists(card, '.actions')).toBe(false)
  expect(wx.showToast).toHaveBeenCalledWith({ title: '已接受，科服保姆将联系双方', icon: 'none' })
})

test('declining asks for confirmation first', async () => {
  signIn()
  const { page, backend } = await open({
    routes: {
      'POST /api/v1/matches/:id/decision': () => ({
        match: matchJson({ decision: 'declined', decided_by: 'demand', my_decision: 'declined' }),
      }),
    },
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
  expect(text(page.querySelector('.match-5'), '.decided')).toBe('您已婉拒')
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
