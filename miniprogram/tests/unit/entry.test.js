// Opening from a mini-program code: scene decoding, silent login, campaign hand-off to the form.
const session = require('../../api/session')
const { decodeScene, parseSceneParams } = require('../../utils/scene')
const { load, mount, settle, tapButton, exists } = require('../helpers/mp')
const { installBackend, apiError } = require('../helpers/backend')
const { user } = require('../helpers/fixtures')

describe('decodeScene', () => {
  test.each([
    [{ scene: 'k3x9ab' }, 'k3x9ab'],
    [{ scene: encodeURIComponent('c=12&r=510104') }, 'c=12&r=510104'],
    [{ scene: '  abc  ' }, 'abc'],
    [{}, ''],
    [null, ''],
    [{ scene: '%E4%B8%AD' }, ''], // decodes to Chinese: not a valid code scene
    [{ scene: '%E0%A4%A' }, ''], // broken escape
    [{ scene: 'x'.repeat(33) }, ''], // over 32 chars
  ])('%j → %j', (query, expected) => {
    expect(decodeScene(query)).toBe(expected)
  })

  test('parses k=v scenes and leaves opaque ones alone', () => {
    expect(parseSceneParams('c=12&r=510104')).toEqual({ c: '12', r: '510104' })
    expect(parseSceneParams('k3x9ab')).toEqual({})
  })
})

describe('entry page', () => {
  let id
  beforeAll(() => { id = load('pages/entry/index') })

  function loginBackend(overrides = {}) {
    return installBackend({
      'POST /api/v1/auth/login': () => ({ token: 'tok-1', expires_in: 604800, user: user(overrides) }),
    })
  }

  test('a scanned code logs in with the scene and goes straight to the posting form', async () => {
    const backend = loginBackend({ campaign_id: 9 })
    const page = mount(id)
    await page.instance.onLoad({ scene: encodeURIComponent('c=ab12') })
    expect(backend.callsTo('POST', '/api/v1/auth/login')[0].data).toEqual({ code: 'wx-code-1', scene: 'c=ab12' })
    expect(session.currentToken()).toBe('tok-1')
    expect(session.getCampaign()).toMatchObject({ scene: 'c=ab12', params: { c: 'ab12' }, id: 9 })
    expect(wx.switchTab).toHaveBeenCalledWith({ url: '/pages/publish/index' })
  })

  test('a plain launch logs in without a scene and opens the science feed', async () => {
    const backend = loginBackend()
    const page = mount(id)
    await page.instance.onLoad({})
    expect(backend.callsTo('POST', '/api/v1/auth/login')[0].data).toEqual({ code: 'wx-code-1' })
    expect(session.getCampaign()).toBeNull()
    expect(wx.switchTab).toHaveBeenCalledWith({ url: '/pages/feed/index' })
  })

  test('a failed login offers a retry that carries on to the form', async () => {
    let fail = true
    const backend = installBackend({
      'POST /api/v1/auth/login': () => (fail
        ? apiError(503, 'upstream_unavailable', '服务暂时不可用，请稍后再试')
        : { token: 'tok-2', expires_in: 600, user: user() }),
    })
    const page = mount(id)
    await page.instance.onLoad({ scene: 'k3x9ab' })
    expect(exists(page, '.failed')).toBe(true)
    expect(wx.showToast).toHaveBeenCalledWith({ title: '服务暂时不可用，请稍后再试', icon: 'none' })
    expect(wx.switchTab).not.toHaveBeenCalled()

    fail = false
    tapButton(page, '.retry')
    await settle()
    expect(backend.callsTo('POST', '/api/v1/auth/login')[1].data.scene).toBe('k3x9ab')
    expect(wx.switchTab).toHaveBeenCalledWith({ url: '/pages/publish/index' })
  })
})
