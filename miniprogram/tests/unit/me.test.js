// Me (binding code, subscriptions), the profile / role registration form, and my posts list.
const session = require('../../api/session')
const { load, mount, settle, tapButton, text, exists } = require('../helpers/mp')
const { installBackend, apiError } = require('../helpers/backend')
const { user, post, regionsRoute, signIn } = require('../helpers/fixtures')

let meId
let profileId
let postsId
beforeAll(() => {
  meId = load('pages/me/index')
  profileId = load('pages/profile/index')
  postsId = load('pages/posts/index')
})

const regionPath = () => ({ regions: [{ code: '510000', name: '四川省' }, { code: '510100', name: '成都市' }, { code: '510104', name: '锦江区' }] })

describe('me page', () => {
  async function openMe(u, routes = {}) {
    signIn(u)
    const backend = installBackend(Object.assign({
      'GET /api/v1/me': () => ({ user: u }),
      'GET /api/v1/regions/:code': regionPath,
      'GET /api/v1/subscriptions': () => ({ subscriptions: [{ template_id: 'sandbox-tpl-post-progress-mp', remaining: 2 }] }),
    }, routes))
    const page = mount(meId)
    await page.instance.onShow()
    await settle()
    return { page, backend }
  }

  test('shows who I am, my region and my subscriptions', async () => {
    const { page } = await openMe(user({ role: 'scientist', name: '王磊', organisation: '四川农业大学', discipline: '农业水土工程', region_code: '510104', interests: ['节水'] }))
    expect(text(page, '.name')).toBe('王磊')
    expect(text(page, '.desc')).toBe('科技工作者 · 四川农业大学 · 农业水土工程')
    expect(text(page, '.region')).toBe('四川省 / 成都市 / 锦江区')
    expect(page.querySelectorAll('.sub-name').map((n) => n.dom.textContent)).toEqual(
      ['服务进度提醒', '科服保姆回复', '应急预警', '科普推送', '匹配结果通知', '每日匹配汇总', '奖项申报通知'])
    expect(text(page, '.sub--post_progress .sub-state')).toBe('已开启 · 可接收 2 次')
    expect(text(page, '.sub--emergency_alert .sub-state')).toBe('未开启')
  })

  test('a citizen sees which notices are on and turns one on again with a tap', async () => {
    const balances = { 'sandbox-tpl-post-progress-mp': 1, 'sandbox-tpl-emergency-alert-mp': 0 }
    const list = () => ({ subscriptions: Object.keys(balances).map((id) => ({ template_id: id, remaining: balances[id] })) })
    const { page, backend } = await openMe(user(), {
      'GET /api/v1/subscriptions': list,
      'POST /api/v1/subscriptions': (req) => {
        Object.keys(req.data.results).forEach((tid) => { if (req.data.results[tid] === 'accept') balances[tid] += 1 })
        return list()
      },
    })
    expect(page.querySelectorAll('.sub-name').map((n) => n.dom.textContent))
      .toEqual(['服务进度提醒', '科服保姆回复', '应急预警', '科普推送'])
    expect(page.querySelectorAll('.sub--on').length).toBe(1)
    expect(text(page, '.sub--post_progress .sub-btn')).toBe('再次开启')
    expect(text(page, '.sub--emergency_alert .sub-btn')).toBe('开启')
    expect(wx.requestSubscribeMessage).not.toHaveBeenCalled()

    wx.requestSubscribeMessage = jest.fn((o) => o.success({ 'sandbox-tpl-emergency-alert-mp': 'accept' }))
    page.querySelector('.sub--emergency_alert .sub-btn').dispatchEvent('tap')
    await settle()
    expect(wx.requestSubscribeMessage.mock.calls[0][0].tmplIds).toEqual(['sandbox-tpl-emergency-alert-mp'])
    expect(backend.callsTo('POST', '/api/v1/subscriptions')[0].data).toEqual({ results: { 'sandbox-tpl-emergency-alert-mp': 'accept' } })
    expect(text(page, '.sub--emergency_alert .sub-state')).toBe('已开启 · 可接收 1 次')
  })

  test('subscriptions switched off in settings lead to the settings page', async () => {
    const { page } = await openMe(user())
    wx.requestSubscribeMessage = jest.fn((o) => o.fail({ errCode: 20004, errMsg: 'requestSubscribeMessage:fail' }))
    page.querySelector('.sub--concierge_message .sub-btn').dispatchEvent('tap')
    await settle()
    expect(wx.showModal.mock.calls[0][0].title).toBe('订阅消息已关闭')
    expect(wx.openSetting).toHaveBeenCalled()
  })

  test('a failed subscriptions load says so with 重试, not "none on"', async () => {
    let fail = true
    const { page } = await openMe(user(), {
      'GET /api/v1/subscriptions': () => (fail ? apiError(500, 'internal', 'boom') : { subscriptions: [] }),
    })
    expect(text(page, ['.subs-error', '.message'])).toBe('服务器开小差了，请稍后再试')
    expect(page.querySelectorAll('.sub')).toHaveLength(0)
    fail = false
    tapButton(page.querySelector('.subs-error'), '.retry')
    await settle()
    expect(page.querySelectorAll('.sub')).toHaveLength(4)
  })

  test('binding shows the one-time code to send to the official account', async () => {
    const { page, backend } = await openMe(user(), { 'POST /api/v1/me/bind-code': () => ({ code: '123456', expires_in: 600 }) })
    tapButton(page, '.bind-btn')
    await settle()
    expect(backend.callsTo('POST', '/api/v1/me/bind-code')).toHaveLength(1)
    expect(text(page, '.code')).toBe('123456')
    expect(text(page, '.code-hint')).toBe('请在 10 分钟内关注「四川科协」公众号并发送「绑定 123456」')
  })

  test('binding shows the account QR code that binds on scanning, and a button that copies the code and opens the account', async () => {
    const qr = 'http://127.0.0.1:8900/cgi-bin/showqrcode?ticket=sbxqr-YmluZF8xMjM0NTY%3D'
    const { page } = await openMe(user(), { 'POST /api/v1/me/bind-code': () => ({ code: '123456', expires_in: 600, qr_image: qr }) })
    tapButton(page, '.bind-btn')
    await settle()
    expect(page.data.bindCode.qr).toBe(qr)
    expect(exists(page, '.qr')).toBe(true)
    expect(text(page, '.qr-hint')).toBe('长按识别二维码，关注「四川科协」即完成绑定')
    wx.setClipboardData = jest.fn((o) => o.success())
    wx.openOfficialAccountProfile = jest.fn()
    tapButton(page, '.open-account')
    await settle()
    expect(wx.setClipboardData.mock.calls[0][0].data).toBe('绑定 123456')
    expect(wx.openOfficialAccountProfile.mock.calls[0][0].username).toBe('gh_kjy')
  })

  test('where the account profile cannot be opened, the person is told where to paste the code', async () => {
    const { page } = await openMe(user(), { 'POST /api/v1/me/bind-code': () => ({ code: '654321', expires_in: 600, qr_image: null }) })
    tapButton(page, '.bind-btn')
    await settle()
    expect(exists(page, '.qr')).toBe(false)
    wx.setClipboardData = jest.fn((o) => o.success())
    delete wx.openOfficialAccountProfile
    tapButton(page, '.open-account')
    await settle()
    expect(wx.showModal.mock.calls[0][0].content).toBe('请在微信里搜索「四川科协」公众号，关注后粘贴发送绑定口令')
  })

  test('a bound account shows no code button', async () => {
    const { page } = await openMe(user({ follows_official_account: true }))
    expect(exists(page, '.bind-btn')).toBe(false)
    expect(text(page, '.bound')).toContain('已绑定')
  })
})

describe('profile page', () => {
  async function openProfile(u, routes = {}) {
    signIn(u)
    const backend = installBackend(Object.assign({
      'GET /api/v1/me': () => ({ user: u }),
      'GET /api/v1/regions': regionsRoute,
      'GET /api/v1/regions/:code': regionPath,
      'PATCH /api/v1/me': (req) => ({ user: Object.assign({}, u, req.data) }),
    }, routes))
    const page = mount(profileId)
    await page.instance.onLoad({})
    await settle()
    return { page, backend }
  }

  test('registering as a scientist asks for discipline and organisation', async () => {
    const { page, backend } = await openProfile(user())
    expect(exists(page, '.field-discipline')).toBe(false)
    page.instance.onRoleTap({ currentTarget: { dataset: { role: 'scientist' } } })
    await settle()
    tapButton(page, '.save')
    await settle()
    expect(text(page, '.field-error--discipline')).toBe('科技工作者请填写学科/专业领域')
    expect(text(page, '.field-error--organisation')).toBe('科技工作者请填写所在单位')
    expect(backend.callsTo('PATCH', '/api/v1/me')).toHaveLength(0)

    page.querySelector('.field-discipline').instance.input('农业水土工程')
    page.querySelector('.field-organisation').instance.input('四川农业大学')
    page.querySelector('.interests').instance.triggerEvent('change', { tags: ['节水灌溉'] })
    await settle()
    tapButton(page, '.save')
    await settle()
    expect(backend.callsTo('PATCH', '/api/v1/me')[0].data).toEqual({
      role: 'scientist', name: '张三', organisation: '四川农业大学', title: '', discipline: '农业水土工程', interests: ['节水灌溉'],
    })
    expect(session.getUser().role).toBe('scientist')
  })

  test('an organisation names itself; server errors land beside the field', async () => {
    const { page } = await openProfile(user({ region_code: '510104' }), {
      'PATCH /api/v1/me': () => apiError(422, 'validation_failed', '不能超过 64 个字', 'organisation'),
    })
    expect(text(page, ['.region', '.value'])).toBe('四川省 / 成都市 / 锦江区')
    page.instance.onRoleTap({ currentTarget: { dataset: { role: 'organisation' } } })
    await settle()
    page.querySelector('.field-organisation').instance.input('某'.repeat(65))
    tapButton(page, '.save')
    await settle()
    expect(text(page, '.field-error--organisation')).toBe('不能超过 64 个字')
    expect(wx.showToast).not.toHaveBeenCalled()
  })
})

describe('my posts', () => {
  test('lists my posts with status badges and opens one', async () => {
    signIn()
    const backend = installBackend({
      'GET /api/v1/posts': () => ({
        posts: [post({ id: 1, status: 'negotiating' }), post({ id: 2, status: 'published', review_state: 'pending', kind: 'question' })],
        next_cursor: null,
      }),
    })
    const page = mount(postsId)
    await page.instance.onShow()
    await settle()
    expect(backend.calls[0].query).toMatchObject({ mine: '1' })
    const badges = page.querySelectorAll('.badge')
    expect(badges.map((b) => b.querySelectorAll('.badge').map((t) => t.dom.textContent))).toEqual([['洽谈中'], ['已发布', '审核中']])
    page.querySelectorAll('.item')[1].dispatchEvent('tap')
    await settle()
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/post/index?id=2' })
  })

  test('no posts yet invites to post', async () => {
    signIn()
    installBackend({ 'GET /api/v1/posts': () => ({ posts: [], next_cursor: null }) })
    const page = mount(postsId)
    await page.instance.onShow()
    await settle()
    tapButton(page, '.go-publish')
    await settle()
    expect(wx.switchTab).toHaveBeenCalledWith({ url: '/pages/publish/index' })
  })
})
