// Issue 16 item 10: the agreement and privacy policy before posting, large-text mode remembered per
// person, accessible labels on every tappable view, an icon tab bar.
const fs = require('fs')
const path = require('path')
const { load, mount, settle, tapButton, text, exists, ROOT } = require('../helpers/mp')
const { installBackend } = require('../helpers/backend')
const { user, regionsRoute, signIn } = require('../helpers/fixtures')
const prefs = require('../../utils/prefs')

const read = (rel) => fs.readFileSync(path.join(ROOT, rel), 'utf8')
const walk = (dir, ext) => fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
  const rel = `${dir}/${e.name}`
  if (e.isDirectory()) return walk(rel, ext)
  return e.name.endsWith(ext) ? [rel] : []
})
const PAGES = ['feed', 'article', 'publish', 'posts', 'post', 'me', 'profile', 'terms']

describe('accessible labels', () => {
  test('every tappable view in our templates has an aria-role and an aria-label', () => {
    const missing = []
    ;['pages', 'components'].flatMap((d) => walk(d, '.wxml')).forEach((file) => {
      const tags = read(file).match(/<[a-z-]+\s[^>]*?(bindtap|catchtap)=[^>]*>/gs) || []
      tags.filter((tag) => !/aria-role=/.test(tag) || !/aria-label=/.test(tag)).forEach((tag) => missing.push(`${file}: ${tag.split('\n')[0]}`))
    })
    expect(missing).toEqual([])
  })
})

describe('icon tab bar', () => {
  test('each tab has a grey and a blue 81×81 PNG icon under 40 KB', () => {
    const tabs = JSON.parse(read('app.json')).tabBar.list
    expect(tabs.map((t) => t.text)).toEqual(['科普', '发布', '我的发布', '我的'])
    tabs.forEach((tab) => [tab.iconPath, tab.selectedIconPath].forEach((icon) => {
      const png = fs.readFileSync(path.join(ROOT, icon))
      expect(png.slice(1, 4).toString()).toBe('PNG')
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([81, 81]) // IHDR width, height
      expect(png.length).toBeLessThan(40 * 1024)
    }))
  })
})

describe('large-text mode', () => {
  /** Class selectors with a font-size under 36rpx, outside the large-mode block. */
  function smallClasses(css, root) {
    const out = new Set()
    ;(css.match(/[^{}]+\{[^}]*\}/g) || []).forEach((rule) => {
      const size = /font-size:\s*(\d+)rpx/.exec(rule)
      if (!size || Number(size[1]) >= 36) return
      rule.split('{')[0].split(',').map((s) => s.replace(/\/\*.*?\*\//gs, '').trim())
        .filter((s) => s && !s.startsWith(root)).forEach((s) => out.add(s.split(/\s+/).pop()))
    })
    return out
  }

  test.each([
    ...PAGES.map((p) => [`pages/${p}/index.wxss`, '.page--large']),
    ...['emergency-banner', 'match-card', 'timeline', 'ticket-chat'].map((c) => [`components/${c}/index.wxss`, '.large']),
  ])('%s sets every smaller text to at least 36rpx', (file, root) => {
    const css = read(file)
    const large = (css.match(/[^{}]+\{[^}]*\}/g) || []).filter((rule) => rule.includes(root))
    large.forEach((rule) => expect(Number(/font-size:\s*(\d+)rpx/.exec(rule)[1])).toBeGreaterThanOrEqual(36))
    const covered = large.map((rule) => rule.split('{')[0]).join(',')
    smallClasses(css, root).forEach((cls) => expect([cls, covered.includes(`${root} ${cls}`)]).toEqual([cls, true]))
  })

  test('turned on in 我的, every page opens in large text for that person only', async () => {
    const ids = { me: load('pages/me/index'), feed: load('pages/feed/index') }
    signIn(user({ id: 7 }))
    installBackend({
      'GET /api/v1/me': () => ({ user: user({ id: 7 }) }),
      'GET /api/v1/subscriptions': () => ({ subscriptions: [] }),
      'GET /api/v1/articles': () => ({ emergency: null, articles: [], next_cursor: null }),
    })
    const me = mount(ids.me)
    await me.instance.onShow()
    await settle()
    expect(me.querySelector('.page').dom.className).not.toContain('page--large')
    me.querySelector('.large-text').dispatchEvent('tap')
    await settle()
    expect(me.querySelector('.page').dom.className).toContain('page--large')
    expect(me.querySelector('.switch').dom.className).toContain('switch--on')

    const feed = mount(ids.feed)
    await settle()
    expect(feed.querySelector('.page').dom.className).toContain('page--large')

    signIn(user({ id: 8 })) // someone else on the same phone
    const other = mount(ids.feed)
    await settle()
    expect(other.querySelector('.page').dom.className).not.toContain('page--large')
  })
})

describe('user agreement and privacy policy', () => {
  let ids
  beforeAll(() => { ids = { publish: load('pages/publish/index'), terms: load('pages/terms/index') } })

  async function openPublish() {
    const backend = installBackend({ 'GET /api/v1/regions': regionsRoute, 'POST /api/v1/posts': () => ({ status: 201, body: { post: { id: 1, title: 'x' } } }) })
    const page = mount(ids.publish)
    page.instance.onLoad({})
    page.instance.onShow()
    await settle()
    return { page, backend }
  }

  async function fill(page) {
    page.querySelector('.body-field').instance.input('家里李子树叶子发黄卷边，想找专家看看')
    page.querySelector('.region').instance.onChange({ detail: { value: [0, 0, 0] } })
    await settle()
  }

  test('posting waits for the agreement, which is one tap away and opens the full text', async () => {
    signIn()
    const { page, backend } = await openPublish()
    await fill(page)
    tapButton(page, '.submit')
    await settle()
    expect(text(page, '.field-error--agree')).toBe('请先阅读并同意用户协议和隐私政策')
    expect(backend.callsTo('POST', '/api/v1/posts')).toHaveLength(0)

    page.querySelector('.terms-link').dispatchEvent('tap')
    await settle()
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/terms/index?accept=1' })
    page.querySelector('.agree-box').dispatchEvent('tap')
    await settle()
    expect(exists(page, '.field-error--agree')).toBe(false)
    tapButton(page, '.submit')
    await settle()
    expect(backend.callsTo('POST', '/api/v1/posts')).toHaveLength(1)
  })

  test('the terms page shows both texts; 同意并继续 is remembered for this person', async () => {
    signIn(user({ id: 5 }))
    wx.navigateBack = jest.fn()
    const page = mount(ids.terms)
    page.instance.onLoad({ accept: '1' })
    await settle()
    expect(page.querySelectorAll('.doc-title').map((n) => n.dom.textContent)).toEqual(['科技云用户协议', '科技云隐私政策'])
    expect(page.dom.textContent).toContain('照片只对匹配到的专家和负责的科服保姆展示')
    tapButton(page, '.accept')
    await settle()
    expect(prefs.hasAgreed()).toBe(true)
    expect(wx.navigateBack).toHaveBeenCalled()

    const { page: form } = await openPublish()
    expect(form.querySelector('.agree-box').dom.className).toContain('agree-box--on')
    signIn(user({ id: 6 }))
    expect(prefs.hasAgreed()).toBe(false)
  })
})
