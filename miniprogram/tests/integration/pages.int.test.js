/**
 * @jest-environment jsdom
 */
// Issue 16 with the pages themselves rendered (miniprogram-simulate) on the REAL backend's answers:
// a campaign code pre-fills the publish form's region, the emergency banner shows the instruction,
// and a backend that cannot be reached shows 重试, which loads once it is back.
// Needs KJY_API_BASE and KJY_SANDBOX_BASE (scripts/test-miniprogram.sh sets both).
require('miniprogram-simulate')
const { load, mount, settle, text, exists, tapButton } = require('../helpers/mp')
const { formatTime } = require('../../utils/time')
const { BASE, installLiveWx, bearer, as, waitFor } = require('./live')

const suite = BASE ? describe : describe.skip
const JIANGAN = '511523' // 江安县, 宜宾市

suite(`pages on the backend at ${BASE || 'an unset KJY_API_BASE'}`, () => {
  let ids
  let admin
  beforeAll(async () => {
    ids = {
      entry: load('pages/entry/index'), publish: load('pages/publish/index'), feed: load('pages/feed/index'),
      posts: load('pages/posts/index'),
    }
    admin = as(await bearer('sckx-admin'))
  })

  /** A new sandbox person who scanned a 江安县 campaign code: the entry page decodes it and logs in. */
  async function scannedIn(tag) {
    const made = await admin('POST', '/api/v1/admin/campaigns', { region_code: JIANGAN, note: `江安县科普宣传 ${tag}` })
    expect(made.status).toBe(201)
    installLiveWx(`mp-page-${tag}-${Date.now().toString(36)}`)
    const entry = mount(ids.entry)
    entry.instance.onLoad({ scene: encodeURIComponent(made.body.campaign.scene) })
    await waitFor(() => wx.switchTab.mock.calls.length)
    expect(wx.switchTab).toHaveBeenCalledWith({ url: '/pages/publish/index' })
    return made.body.campaign
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
