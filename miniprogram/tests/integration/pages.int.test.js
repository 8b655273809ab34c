/**
 * @jest-environment jsdom
 */
// Issue 16 with the pages themselves rendered (miniprogram-simulate) on the REAL backend's answers:
// a campaign code pre-fills the publish form's region; a need posted with a photo, once the concierge
// moves its ticket, shows the stage and the checked photo on the poster's page and sends a post_progress
// message; the emergency banner shows the instruction; a backend that cannot be reached shows 重试.
// Needs KJY_API_BASE and KJY_SANDBOX_BASE (scripts/test-miniprogram.sh sets both).
require('miniprogram-simulate')
const fs = require('fs')
const os = require('os')
const path = require('path')
const { load, mount, settle, text, exists, tapButton } = require('../helpers/mp')
const { formatTime } = require('../../utils/time')
const config = require('../../config')
const { BASE, SANDBOX, installLiveWx, bearer, as, call, waitFor } = require('./live')

const suite = BASE ? describe : describe.skip
// A 1×1 PNG: what wx.chooseMedia hands over after the person picks a photo.
const LEAF_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='
const JIANGAN = '511523' // 江安县, 宜宾市

suite(`pages on the backend at ${BASE || 'an unset KJY_API_BASE'}`, () => {
  let ids
  let admin
  beforeAll(async () => {
    ids = {
      entry: load('pages/entry/index'), publish: load('pages/publish/index'), feed: load('pages/feed/index'),
      posts: load('pages/posts/index'), post: load('pages/post/index'),
    }
    admin = as(await bearer('sckx-admin'))
  })

  /** A new sandbox person who scanned a 江安县 campaign code: the entry page decodes it and logs in. */
  async function scannedIn(tag) {
    const made = await admin('POST', '/api/v1/admin/campaigns', { region_code: JIANGAN, note: `江安县科普宣传 ${tag}` })
    expect(made.status).toBe(201)
    const person = `mp-page-${tag}-${Date.now().toString(36)}`
    installLiveWx(person)
    const entry = mount(ids.entry)
    entry.instance.onLoad({ scene: encodeURIComponent(made.body.campaign.scene) })
    await waitFor(() => wx.switchTab.mock.calls.length)
    expect(wx.switchTab).toHaveBeenCalledWith({ url: '/pages/publish/index' })
    return Object.assign({ person }, made.body.campaign)
  }

  test("after scanning a campaign code the publish form opens at the code's region", async () => {
    await scannedIn('scan')
    const page = mount(ids.publish)
    page.instance.onLoad({})
    page.instance.onShow()
    await waitFor(() => page.data.regionLabel)
    const user = wx.getStorageSync('kjy.user') // written by the real login
    expect(user.region_code).toBe(JIANGAN)
    expect(text(page, '.notice')).toContain('欢迎')
    expect(text(page, ['.region', '.value'])).toBe('四川省 / 宜宾市 / 江安县')
    expect(page.data.regionCode).toBe(JIANGAN)
  })

  test('a need posted with a photo: the concierge moves it, the page shows the stage and the photo, a notice is sent', async () => {
    const person = (await scannedIn('photo')).person
    const me = as({ authorization: `Bearer ${wx.getStorageSync('kjy.token').value}` })
    const progressTemplate = config.subscribeTemplates.find((t) => t.kind === 'post_progress').id
    for (let i = 0; i < 3; i += 1) expect((await me('POST', '/api/v1/subscriptions', { results: { [progressTemplate]: 'accept' } })).status).toBe(200)
    const photo = path.join(os.tmpdir(), `kjy-leaf-${Date.now()}.png`)
    fs.writeFileSync(photo, Buffer.from(LEAF_PNG, 'base64'))
    wx.chooseMedia = jest.fn((o) => o.success({ tempFiles: [{ tempFilePath: photo, fileType: 'image' }] }))

    const form = mount(ids.publish)
    form.instance.onLoad({})
    form.instance.onShow()
    await waitFor(() => form.data.regionCode)
    form.querySelector('.photo-add').dispatchEvent('tap')
    await waitFor(() => form.data.photos.length)
    form.querySelector('.body-field').instance.input('江安县家里的竹子叶子发黄，笋也长得少，照片里是叶子的样子，想找专家看看是什么病')
    form.querySelector('.agree-box').dispatchEvent('tap')
    await settle()
    tapButton(form, '.submit')
    const posted = await waitFor(() => form.data.posted)
    expect(posted.photoFailures).toBe(0)

    const created = (await me('GET', `/api/v1/posts/${posted.id}`)).body.post
    const staff = as(await bearer('staff-yibin'))
    expect((await staff('POST', `/api/v1/staff/tickets/${created.ticket_id}/advance`, { to: 'contacted', note: '已约竹林专家' })).status).toBe(200)
    // The sandbox pushes the media check's verdict to the backend's callback, as WeChat does.
    await waitFor(async () => (await me('GET', `/api/v1/posts/${posted.id}/photos`)).body.photos[0].check === 'pass')

    const page = mount(ids.post)
    await page.instance.onLoad({ id: String(posted.id) })
    await waitFor(() => page.data.progress && page.data.photos.length)
    expect(page.data.progress.statusText).toBe('已对接')
    expect(text(page, '.concierge')).toMatch(/^科服保姆：\S+/)
    const [shown] = page.data.photos
    expect(shown.note).toBe('')
    expect((await call('GET', shown.url)).status).toBe(200) // the link the <image> loads

    const outbox = `${SANDBOX}/_sandbox/outbox?endpoint=${encodeURIComponent('cgi-bin/message/subscribe/send')}&touser=sandbox-${person}`
    const notice = await waitFor(async () => (await call('GET', outbox)).body.messages.find((m) => m.payload.template_id === progressTemplate
      && m.payload.data.phrase2 && m.payload.data.phrase2.value === '已对接'))
    expect(notice.payload.page).toBe(`pages/post/index?id=${posted.id}`)
  })

  test('an emergency in my region shows its instruction, valid-until time, colour and articles on the feed', async () => {
    await scannedIn('alert')
    const feed = mount(ids.feed)
    await feed.instance.onLoad({})
    await waitFor(() => feed.data.items.length >= 2)
    const [first, second] = feed.data.items
    const expires = new Date(Date.now() + 6 * 3600 * 1000).toISOString()
    const raised = await admin('POST', '/api/v1/admin/emergencies', {
      event_type: 'flood', severity: 'orange', headline: '江安县强降雨山洪预警', instruction: '远离河道沟谷，低洼地带人员及时转移',
      region_codes: [JIANGAN], onset: new Date(Date.now() - 60000).toISOString(), expires_at: expires,
      article_ids: [first.id, second.id],
    })
    expect(raised.status).toBe(202) // accepted: the workers fan the alert out; the feed shows it at once
    try {
      await feed.instance.reload()
      await settle()
      const banner = feed.querySelector('.emergency')
      expect(text(banner, '.badge')).toBe('应急科普 · 橙色预警')
      expect(banner.querySelector('.banner').dom.className).toContain('banner--orange')
      expect(text(banner, '.instruction')).toBe('防范提示远离河道沟谷，低洼地带人员及时转移')
      expect(text(banner, '.until')).toBe(`有效期至 ${formatTime(raised.body.emergency.expires_at)}`)
      expect(banner.querySelectorAll('.article-link').map((n) => n.dom.textContent))
        .toEqual([`《${first.title}》 ›`, `《${second.title}》 ›`])
    } finally {
      await admin('POST', `/api/v1/admin/emergencies/${raised.body.emergency.id}/cancel`, { note: '测试结束' })
    }
  })

  test('a backend that cannot be reached shows 重试, and 重试 loads once it is back', async () => {
    let base = 'http://127.0.0.1:9' // nothing listens on the discard port
    await scannedIn('down')
    installLiveWx(`mp-page-down-${Date.now().toString(36)}`, { base: () => base })
    const page = mount(ids.posts)
    await page.instance.onShow()
    await settle()
    expect(text(page, ['.load-error', '.message'])).toBe('网络不给力，请检查网络后重试')
    expect(page.dom.textContent).not.toContain('还没有发布过内容')

    base = BASE
    tapButton(page.querySelector('.load-error'), '.retry')
    await waitFor(() => page.data.loaded)
    expect(exists(page, '.load-error')).toBe(false)
    expect(text(page, '.empty')).toContain('还没有发布过内容') // a new person really has none
  })
})
