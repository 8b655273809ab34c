// The posting form: role-adaptive kinds, live counts, validation beside fields, draft, posting
// with the campaign, and the subscribe-message permission after posting.
const session = require('../../api/session')
const draft = require('../../utils/draft')
const { load, mount, settle, tapButton, text, exists } = require('../helpers/mp')
const { installBackend, apiError } = require('../helpers/backend')
const { toasts } = require('../helpers/wx')
const { user, post, regionsRoute, signIn } = require('../helpers/fixtures')

let id
beforeAll(() => { id = load('pages/publish/index') })

async function open(routes = {}) {
  const backend = installBackend(Object.assign({ 'GET /api/v1/regions': regionsRoute }, routes))
  const page = mount(id)
  page.instance.onLoad({})
  page.instance.onShow()
  await settle()
  return { page, backend }
}

const type = (page, selector, value) => page.querySelector(selector).instance.input(value)
const kinds = (page) => page.querySelectorAll('.kind-label').map((n) => n.dom.textContent)

function chooseRegion(page) {
  // The picker's own columns come from the regions API: 四川省 / 成都市 / 锦江区 is [0, 0, 0].
  page.querySelector('.region').instance.onChange({ detail: { value: [0, 0, 0] } })
}

async function fillValid(page) {
  type(page, '.title-field', '果园滴灌系统节水改造')
  type(page, '.body-field', '现有果园五十亩，想改造滴灌系统节约用水。')
  chooseRegion(page)
  if (!page.data.agreed) page.querySelector('.agree-box').dispatchEvent('tap') // 用户协议 (access.test.js)
  await settle()
}

test('a citizen is asked 您遇到了什么问题？ first, then a plain-language choice', async () => {
  signIn(user({ role: 'citizen' }))
  const { page } = await open()
  const html = page.dom.innerHTML
  expect(text(page, '.ask-label')).toContain('您遇到了什么问题？')
  expect(html.indexOf('您遇到了什么问题')).toBeLessThan(html.indexOf('您需要的是'))
  expect(kinds(page)).toEqual(['请专家帮忙解决', '想弄明白一个问题'])
  expect(page.data.kind).toBe('need') // never 科普问题 by default
  expect(exists(page, '.offer-types')).toBe(false)
})

test("the kind is guessed from the person's words and a title suggested, until they choose", async () => {
  signIn(user({ role: 'citizen' }))
  const { page } = await open()
  type(page, '.body-field', '台风过后家里泡过水的电器还能用吗？会不会漏电')
  await settle()
  expect(page.data.kind).toBe('question')
  expect(text(page, '.kind--active .kind-label')).toBe('想弄明白一个问题')
  expect(text(page, '.guess-hint')).toBe('根据您的描述推荐，可以改')
  expect(page.data.title).toBe('台风过后家里泡过水的电器还能用吗')

  type(page, '.body-field', '家里二十亩李子树叶子发黄卷边，果子长不大，想找专家看看是什么病')
  await settle()
  expect(page.data.kind).toBe('need')
  expect(text(page, '.kind--active .kind-label')).toBe('请专家帮忙解决')

  page.instance.onKindTap({ currentTarget: { dataset: { kind: 'question' } } }) // the person decides
  type(page, '.title-field', '李子树叶子发黄')
  type(page, '.body-field', '李子树叶子发黄卷边，求专家上门帮忙解决')
  await settle()
  expect(page.data).toMatchObject({ kind: 'question', title: '李子树叶子发黄', guessed: false })
})

test('an organisation also starts with its problem', async () => {
  signIn(user({ role: 'organisation' }))
  const { page } = await open()
  expect(exists(page, '.ask')).toBe(true)
  expect(kinds(page)).toEqual(['请专家帮忙解决', '想弄明白一个问题'])
})

test('a scientist offers (with the offer type) or posts a need', async () => {
  signIn(user({ role: 'scientist' }))
  const { page } = await open()
  expect(kinds(page)).toEqual(['我能提供', '科技需求'])
  expect(page.querySelectorAll('.offer-type').map((n) => n.dom.textContent)).toEqual(['技术服务', '科技成果'])
})

test('title and description show a live character count', async () => {
  signIn()
  const { page } = await open()
  type(page, '.title-field', '台风过后')
  type(page, '.body-field', '家里进水的电器还能用吗')
  await settle()
  expect(text(page, '.count--title')).toBe('4/40')
  expect(text(page, '.count--body')).toBe('11/2000')
})

test('invalid input is reported beside each field and nothing is sent', async () => {
  signIn()
  const { page, backend } = await open()
  type(page, '.title-field', '求助')
  tapButton(page, '.submit')
  await settle()
  expect(text(page, '.field-error--title')).toBe('标题至少 4 个字')
  expect(text(page, '.field-error--body')).toBe('请填写详细描述')
  expect(text(page, ['.region', '.field-error'])).toBe('请选择所在地区')
  expect(backend.callsTo('POST', '/api/v1/posts')).toHaveLength(0)
})

test('a server validation error appears beside its field, not as a toast', async () => {
  signIn()
  const { page } = await open({
    'POST /api/v1/posts': () => apiError(422, 'content_risky', '内容可能含有违规信息，请修改后再提交', 'body'),
  })
  await fillValid(page)
  tapButton(page, '.submit')
  await settle()
  expect(text(page, '.field-error--body')).toBe('内容可能含有违规信息，请修改后再提交')
  expect(toasts()).toEqual([])
  expect(draft.loadDraft().title).toBe('果园滴灌系统节水改造')
})

test('the draft survives leaving the page', async () => {
  signIn(user({ role: 'organisation' }))
  const first = (await open()).page
  first.instance.onKindTap({ currentTarget: { dataset: { kind: 'question' } } })
  await fillValid(first)
  first.querySelector('.tags').instance.triggerEvent('change', { tags: ['节水', '灌溉'] })
  first.detach()

  const again = (await open()).page
  expect(again.data).toMatchObject({
    kind: 'question', title: '果园滴灌系统节水改造', regionCode: '510104',
    regionLabel: '四川省 / 成都市 / 锦江区', tags: ['节水', '灌溉'],
  })
  expect(text(again, '.count--title')).toBe('10/40')
  expect(text(again, ['.region', '.value'])).toBe('四川省 / 成都市 / 锦江区')
})

test('posting sends the form with the campaign scene, then clears the draft', async () => {
  signIn(user({ role: 'citizen' }))
  session.rememberCampaign('c=ab12', { c: 'ab12' })
  const { page, backend } = await open({
    'POST /api/v1/posts': (req) => ({ status: 201, body: { post: post({ id: 77, title: req.data.title, review_state: 'pending' }) } }),
  })
  expect(exists(page, '.notice')).toBe(true)
  await fillValid(page)
  const key = draft.loadDraft().idempotencyKey
  tapButton(page, '.submit')
  await settle()

  const sent = backend.callsTo('POST', '/api/v1/posts')[0]
  expect(sent.data).toEqual({
    kind: 'need', title: '果园滴灌系统节水改造', body: '现有果园五十亩，想改造滴灌系统节约用水。',
    region_code: '510104', tags: [], scene: 'c=ab12',
  })
  expect(sent.header['Idempotency-Key']).toBe(key)
  expect(draft.loadDraft()).toBeNull()
  expect(text(page, '.done-title')).toBe('发布成功')
  expect(text(page, '.done-text')).toContain('审核通过后对外展示')
})

test('after posting, a tap asks for progress and concierge-reply notices and reports the answers', async () => {
  signIn()
  const { page, backend } = await open({
    'POST /api/v1/posts': () => ({ status: 201, body: { post: post({ id: 77 }) } }),
    'POST /api/v1/subscriptions': () => ({ ok: true }),
  })
  wx.requestSubscribeMessage = jest.fn((o) => o.success({
    errMsg: 'requestSubscribeMessage:ok', 'sandbox-tpl-post-progress-mp': 'accept', 'sandbox-tpl-concierge-message-mp': 'reject',
  }))
  await fillValid(page)
  tapButton(page, '.submit')
  await settle()
  expect(wx.requestSubscribeMessage).not.toHaveBeenCalled() // only on a tap, never by itself

  tapButton(page, '.subscribe-btn')
  await settle()
  expect(wx.requestSubscribeMessage.mock.calls[0][0].tmplIds).toEqual(['sandbox-tpl-post-progress-mp', 'sandbox-tpl-concierge-message-mp'])
  expect(backend.callsTo('POST', '/api/v1/subscriptions')[0].data).toEqual({
    results: { 'sandbox-tpl-post-progress-mp': 'accept', 'sandbox-tpl-concierge-message-mp': 'reject' },
  })
  expect(text(page, '.subscribe-state--ok')).toBe('已开启提醒，可随时在“我的”中查看')
  expect(exists(page, '.subscribe-btn')).toBe(false)

  tapButton(page, '.view-btn')
  await settle()
  expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/post/index?id=77' })
})

test("after a scientist's offer, the tap asks for match notices", async () => {
  signIn(user({ role: 'scientist' }))
  const { page } = await open({
    'POST /api/v1/posts': () => ({ status: 201, body: { post: post({ id: 78, kind: 'offer', offer_type: 'service' }) } }),
    'POST /api/v1/subscriptions': () => ({ subscriptions: [] }),
  })
  wx.requestSubscribeMessage = jest.fn((o) => o.success({ 'sandbox-tpl-match-found-mp': 'accept' }))
  await fillValid(page)
  tapButton(page, '.submit')
  await settle()
  expect(text(page, '.subscribe-btn')).toBe('开启匹配提醒')
  tapButton(page, '.subscribe-btn')
  await settle()
  expect(wx.requestSubscribeMessage.mock.calls[0][0].tmplIds).toEqual(['sandbox-tpl-match-found-mp', 'sandbox-tpl-match-digest-mp'])
})

test('subscription switched off in settings is explained, nothing reported', async () => {
  signIn()
  const { page, backend } = await open({ 'POST /api/v1/posts': () => ({ status: 201, body: { post: post() } }) })
  wx.requestSubscribeMessage = jest.fn((o) => o.fail({ errCode: 20004, errMsg: 'requestSubscribeMessage:fail' }))
  await fillValid(page)
  tapButton(page, '.submit')
  await settle()
  tapButton(page, '.subscribe-btn')
  await settle()
  expect(page.data.subscribed).toBe('off')
  expect(backend.callsTo('POST', '/api/v1/subscriptions')).toHaveLength(0)
})

test('the region picker loads cities and counties of the chosen province', async () => {
  signIn()
  const { page, backend } = await open()
  const picker = page.querySelector('.region')
  picker.instance.onColumnChange({ detail: { column: 1, value: 1 } }) // 成都市 → 自贡市
  await settle()
  expect(backend.calls.map((c) => c.query.parent).filter(Boolean)).toEqual(['510000', '510100', '510300'])
  picker.instance.onChange({ detail: { value: [0, 1, 0] } })
  await settle()
  expect(page.data).toMatchObject({ regionCode: '510302', regionLabel: '四川省 / 自贡市 / 自流井区' })
})
