/**
 * @jest-environment jsdom
 */
// Every page rendered with miniprogram-simulate on the REAL backend's answers (scripts/screenshots.sh
// starts the backend and sandbox, then screenshots the HTML written here). The person is the demo's
// 宜宾 orchard owner 曾德富 (sandbox-yibin-orchard): an emergency is raised for 宜宾市, his first need gets
// a photo and the concierge moves its ticket, so the pages show what a real poster sees.
require('miniprogram-simulate')
const fs = require('fs')
const path = require('path')
const { load, mount, settle, tapButton } = require('../../tests/helpers/mp')
const { BASE, installLiveWx, bearer, as, waitFor, upload } = require('../../tests/integration/live')
const config = require('../../config')
const { frame } = require('./frame')

const OUT = process.env.KJY_SCREENSHOT_HTML
const PHOTO = process.env.KJY_SCREENSHOT_PHOTO
const run = BASE && OUT && PHOTO ? describe : describe.skip
const PERSON = 'yibin-orchard'
const ROUTES = ['entry', 'feed', 'article', 'publish', 'posts', 'post', 'me', 'profile', 'terms']

function save(name, page, route, id) {
  fs.writeFileSync(path.join(OUT, `${name}.html`), frame(page, { id, route: `pages/${route}/index` }))
}

run('screens', () => {
  const ids = {}
  let base = BASE
  let me
  let need
  beforeAll(async () => {
    ROUTES.forEach((r) => { ids[r] = load(`pages/${r}/index`) })
    installLiveWx(PERSON, { base: () => base })
    const admin = as(await bearer('sckx-admin'))
    const staff = as(await bearer('staff-yibin'))
    me = as(await bearer(PERSON))
    const articles = (await me('GET', '/api/v1/articles')).body.articles
    const flood = articles.filter((a) => /雨|洪|汛|滑坡|地质/.test(a.title)).concat(articles).slice(0, 2)
    const raised = await admin('POST', '/api/v1/admin/emergencies', {
      event_type: 'flood', severity: 'orange', headline: '宜宾市强降雨山洪地质灾害预警',
      instruction: '远离河道沟谷和陡坡，低洼地带人员及时转移，不要涉水过河', region_codes: ['511500'],
      onset: new Date(Date.now() - 3600 * 1000).toISOString(), expires_at: new Date(Date.now() + 30 * 3600 * 1000).toISOString(),
      article_ids: flood.map((a) => a.id),
    })
    expect(raised.status).toBeLessThan(300)
    const progressTemplate = config.subscribeTemplates.find((t) => t.kind === 'post_progress').id
    await me('POST', '/api/v1/subscriptions', { results: { [progressTemplate]: 'accept' } })
    need = (await me('GET', '/api/v1/posts?mine=1')).body.posts.filter((p) => p.kind === 'need').pop()
    const token = (await bearer(PERSON)).authorization
    const photo = await upload(`${BASE}/api/v1/posts/${need.id}/photos`, PHOTO, { authorization: token })
    expect(photo.status).toBe(201)
    await waitFor(async () => (await me('GET', `/api/v1/posts/${need.id}/photos`)).body.photos.every((p) => p.check === 'pass'))
    const post = (await me('GET', `/api/v1/posts/${need.id}`)).body.post
    await staff('POST', `/api/v1/staff/tickets/${post.ticket_id}/advance`, { to: 'contacted', note: '已联系四川农业大学土壤专家罗志刚' })
    await staff('POST', `/api/v1/staff/tickets/${post.ticket_id}/plan`, { due: new Date(Date.now() + 5 * 86400 * 1000).toISOString().slice(0, 10), step: '约专家到屏山县果园取土化验' })
    await me('POST', `/api/v1/tickets/${post.ticket_id}/messages`, { text: '专家哪天能来？我这几天都在园子里。' })
  })

  test('entry', async () => {
    const login = wx.login
    wx.login = jest.fn() // still logging in: the launch screen
    const page = mount(ids.entry)
    page.instance.onLoad({})
    await settle()
    save('entry', page, 'entry', ids.entry)
    wx.login = login
  })

  test('feed', async () => {
    const page = mount(ids.feed)
    page.instance.onShow()
    await page.instance.onLoad({})
    await waitFor(() => page.data.loaded && page.data.emergency)
    save('feed', page, 'feed', ids.feed)
  })

  test('article', async () => {
    const feed = (await me('GET', '/api/v1/articles')).body
    const page = mount(ids.article)
    await page.instance.onLoad({ id: String(feed.emergency.article_id) })
    await waitFor(() => page.data.article)
    save('article', page, 'article', ids.article)
  })

  test('publish', async () => {
    wx.removeStorageSync('kjy.draft')
    wx.chooseMedia = jest.fn((o) => o.success({ tempFiles: [{ tempFilePath: PHOTO, fileType: 'image' }] }))
    wx.compressImage = jest.fn((o) => o.success({ tempFilePath: o.src }))
    const page = mount(ids.publish)
    page.instance.onLoad({})
    page.instance.onShow()
    await waitFor(() => page.data.regionLabel)
    page.querySelector('.body-field').instance.input('屏山县二十亩青脆李，今年好多叶子发黄卷边，果子也长不大，照片是叶子的样子，想请专家看看是什么问题')
    page.querySelector('.photo-add').dispatchEvent('tap')
    await waitFor(() => page.data.photos.length)
    save('publish', page, 'publish', ids.publish)
  })

  test('posts', async () => {
    const page = mount(ids.posts)
    await page.instance.onShow()
    await waitFor(() => page.data.loaded)
    save('posts', page, 'posts', ids.posts)
  })

  test('post', async () => {
    const page = mount(ids.post)
    await page.instance.onLoad({ id: String(need.id) })
    await waitFor(() => page.data.progress && page.data.matchesLoaded && page.data.photos.length)
    const chat = page.querySelector('.chat')
    await waitFor(() => chat && chat.instance.data.loaded)
    save('post', page, 'post', ids.post)
  })

  test('me', async () => {
    const page = mount(ids.me)
    await page.instance.onShow()
    await waitFor(() => page.data.subscriptions.length)
    save('me', page, 'me', ids.me)
  })

  test('profile', async () => {
    const page = mount(ids.profile)
    await page.instance.onLoad({})
    await waitFor(() => page.data.regionLabel)
    save('profile', page, 'profile', ids.profile)
  })

  test('terms', async () => {
    const page = mount(ids.terms)
    page.instance.onLoad({ accept: '1' })
    await settle()
    save('terms', page, 'terms', ids.terms)
  })

  test('feed in large text (大字模式)', async () => {
    const user = wx.getStorageSync('kjy.user')
    wx.setStorageSync(`kjy.prefs.${user.id}`, { largeText: true })
    const page = mount(ids.feed)
    page.instance.onShow()
    await page.instance.onLoad({})
    await waitFor(() => page.data.loaded)
    save('feed-large-text', page, 'feed', ids.feed)
    wx.setStorageSync(`kjy.prefs.${user.id}`, { largeText: false })
  })

  test('my posts while the backend cannot be reached (重试)', async () => {
    base = 'http://127.0.0.1:9'
    const page = mount(ids.posts)
    await page.instance.onShow()
    await waitFor(() => page.data.error)
    save('posts-error', page, 'posts', ids.posts)
    base = BASE
  })

  test('me for someone not yet bound to the official account: the binding QR code', async () => {
    installLiveWx(`jiangan-farmer-${Date.now().toString(36)}`)
    const page = mount(ids.me)
    await page.instance.onShow()
    await waitFor(() => page.data.subscriptions.length)
    tapButton(page, '.bind-btn')
    await waitFor(() => page.data.bindCode)
    save('me-binding', page, 'me', ids.me)
  })
})
