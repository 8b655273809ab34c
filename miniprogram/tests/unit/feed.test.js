// The science feed: emergency banner on top, personalised articles, article detail.
const { load, mount, settle, text, exists } = require('../helpers/mp')
const { installBackend } = require('../helpers/backend')
const { signIn } = require('../helpers/fixtures')
const { formatTime } = require('../../utils/time')

let feedId
let articleId
beforeAll(() => {
  feedId = load('pages/feed/index')
  articleId = load('pages/article/index')
})

const ARTICLES = [
  { id: 31, title: '暴雨过后如何安全用电', summary: '积水退去后先断电检查', topics: ['防汛', '用电安全'], published_at: '2024-07-01T01:00:00+00:00' },
  { id: 32, title: '果树冬季修剪要点', summary: '', topics: ['农业'], published_at: '2024-06-01T01:00:00+00:00' },
]

async function openFeed(emergency) {
  const backend = installBackend({
    'GET /api/v1/articles': (req) => (req.query.cursor
      ? { emergency: null, articles: [], next_cursor: null }
      : { emergency, articles: ARTICLES, next_cursor: 2 }),
  })
  const page = mount(feedId)
  await page.instance.onLoad({})
  await settle()
  return { page, backend }
}

test('an active emergency in my region shows a banner above the articles', async () => {
  signIn()
  // The backend's feed card (server/services/emergencies.py feed_card).
  const { page } = await openFeed({
    id: 4, title: '汛期强降雨防范指南', severity: 'orange', severity_label: '橙色预警', regions: ['成都市', '德阳市'],
    article_id: 31, instruction: '远离河道沟谷，低洼地带及时转移', expires_at: '2024-07-03T10:00:00+00:00',
    articles: [{ id: 31, title: '暴雨过后如何安全用电' }, { id: 33, title: '山洪来了往哪跑' }],
  })
  const banner = page.querySelector('.emergency')
  expect(text(banner, '.badge')).toBe('应急科普 · 橙色预警')
  expect(banner.querySelector('.banner').dom.className).toContain('banner--orange')
  expect(text(banner, '.title')).toBe('汛期强降雨防范指南')
  expect(text(banner, '.instruction')).toBe('防范提示远离河道沟谷，低洼地带及时转移')
  expect(text(banner, '.until')).toBe(`有效期至 ${formatTime('2024-07-03T10:00:00+00:00')}`)
  expect(text(banner, '.regions')).toBe('影响地区：成都市、德阳市')
  expect(banner.querySelectorAll('.article-link').map((n) => n.dom.textContent)).toEqual(['《暴雨过后如何安全用电》 ›', '《山洪来了往哪跑》 ›'])
  expect(page.dom.innerHTML.indexOf('emergency')).toBeLessThan(page.dom.innerHTML.indexOf('main--list'))

  banner.querySelectorAll('.article-link')[1].dispatchEvent('tap')
  await settle()
  expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/article/index?id=33' })
  banner.querySelector('.title').dispatchEvent('tap')
  await settle()
  expect(wx.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/article/index?id=31' })
})

test.each([['red', '红色预警'], ['yellow', '黄色预警'], ['blue', '蓝色预警']])('a %s emergency wears its colour', async (severity, label) => {
  signIn()
  const { page } = await openFeed({ id: 5, title: '地震应急科普', severity, regions: [], article_id: 31 })
  const banner = page.querySelector('.emergency')
  expect(banner.querySelector('.banner').dom.className).toContain(`banner--${severity}`)
  expect(text(banner, '.badge')).toBe(`应急科普 · ${label}`)
})

test('while emergency alerts are off, the feed offers them with a tap', async () => {
  signIn()
  const backend = installBackend({
    'GET /api/v1/articles': () => ({ emergency: null, articles: ARTICLES, next_cursor: null }),
    'GET /api/v1/subscriptions': () => ({ subscriptions: [{ template_id: 'sandbox-tpl-emergency-alert-mp', kind: 'emergency_alert', remaining: 0 }] }),
    'POST /api/v1/subscriptions': () => ({ subscriptions: [] }),
  })
  wx.requestSubscribeMessage = jest.fn((o) => o.success({ 'sandbox-tpl-emergency-alert-mp': 'accept' }))
  const page = mount(feedId)
  await page.instance.onLoad({})
  await settle()
  expect(text(page, '.ask-alerts-text')).toBe('开启应急预警，本地区有灾害预警时第一时间通知您')
  expect(wx.requestSubscribeMessage).not.toHaveBeenCalled()
  page.querySelector('.ask-alerts-btn').dispatchEvent('tap')
  await settle()
  expect(wx.requestSubscribeMessage.mock.calls[0][0].tmplIds).toEqual(['sandbox-tpl-emergency-alert-mp'])
  expect(backend.callsTo('POST', '/api/v1/subscriptions')[0].data).toEqual({ results: { 'sandbox-tpl-emergency-alert-mp': 'accept' } })
  expect(exists(page, '.ask-alerts')).toBe(false)
})

test('emergency alerts already on: nothing offered', async () => {
  signIn()
  installBackend({
    'GET /api/v1/articles': () => ({ emergency: null, articles: ARTICLES, next_cursor: null }),
    'GET /api/v1/subscriptions': () => ({ subscriptions: [{ template_id: 'sandbox-tpl-emergency-alert-mp', kind: 'emergency_alert', remaining: 2 }] }),
  })
  const page = mount(feedId)
  await page.instance.onLoad({})
  await settle()
  expect(exists(page, '.ask-alerts')).toBe(false)
})

test('no emergency, no banner', async () => {
  signIn()
  const { page } = await openFeed(null)
  expect(exists(page, '.emergency')).toBe(false)
  expect(page.querySelectorAll('.article')).toHaveLength(2)
})

test('lists personalised articles and pages on', async () => {
  signIn()
  const { page, backend } = await openFeed({ id: 4, title: '汛期强降雨防范指南', severity: 'red', regions: [] })
  expect(page.querySelectorAll('.title').map((n) => n.dom.textContent)).toEqual(['暴雨过后如何安全用电', '果树冬季修剪要点'])
  expect(page.querySelectorAll('.topic').map((n) => n.dom.textContent)).toEqual(['防汛', '用电安全', '农业'])
  await page.instance.onReachBottom()
  await settle()
  expect(backend.callsTo('GET', '/api/v1/articles')[1].query.cursor).toBe('2')
  expect(page.data.end).toBe(true)
  expect(page.data.emergency).toMatchObject({ id: 4 }) // a later page does not drop the banner
  page.querySelectorAll('.article')[1].dispatchEvent('tap')
  await settle()
  expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/article/index?id=32' })
})

test('the article page shows the article in paragraphs', async () => {
  signIn()
  installBackend({
    'GET /api/v1/articles/:id': () => ({ article: Object.assign({}, ARTICLES[0], { body: '第一段。\n\n第二段。', source: '四川省科协' }) }),
  })
  const page = mount(articleId)
  await page.instance.onLoad({ id: '31' })
  await settle()
  expect(text(page, '.title')).toBe('暴雨过后如何安全用电')
  expect(text(page, '.meta')).toContain('四川省科协')
  expect(page.querySelectorAll('.para').map((n) => n.dom.textContent)).toEqual(['第一段。', '第二段。'])
})
