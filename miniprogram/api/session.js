// Session state kept in wx storage (survives restarts): token, the user, the campaign of the QR code.
const { send } = require('./transport')
const { ApiError, fromResponse } = require('./errors')

const KEYS = { token: 'kjy.token', user: 'kjy.user', campaign: 'kjy.campaign' }
// Log in again a little before the server-side session would run out.
const EXPIRY_MARGIN_MS = 60 * 1000

let pendingLogin = null

function read(key) {
  try {
    return wx.getStorageSync(key) || null
  } catch (err) {
    return null
  }
}

function write(key, value) {
  try {
    wx.setStorageSync(key, value)
  } catch (err) {
    // Storage full or unavailable: the session then lives until the next 401.
  }
}

/** Return the stored token when it is still fresh, else ''. */
function currentToken() {
  const saved = read(KEYS.token)
  if (!saved || !saved.value) return ''
  return saved.expiresAt && saved.expiresAt - EXPIRY_MARGIN_MS < Date.now() ? '' : saved.value
}

function clearToken() {
  wx.removeStorageSync(KEYS.token)
}

function getUser() {
  return read(KEYS.user)
}

function saveUser(user) {
  if (user) write(KEYS.user, user)
  return user
}

/** Remember the campaign a mini-program code brought the person in with. */
function rememberCampaign(scene, params) {
  write(KEYS.campaign, { scene, params: params || {}, at: Date.now(), id: null })
}

function getCampaign() {
  return read(KEYS.campaign)
}

// A code's campaign is credited with the posts made within this window after scanning.
const CAMPAIGN_WINDOW_MS = 30 * 24 * 3600 * 1000

/** Return the remembered campaign while it is still recent enough to credit, else null. */
function activeCampaign() {
  const campaign = getCampaign()
  return campaign && campaign.scene && Date.now() - (campaign.at || 0) < CAMPAIGN_WINDOW_MS ? campaign : null
}

function wxLogin() {
  return new Promise((resolve, reject) => {
    wx.login({
      success: (res) => (res && res.code ? resolve(res.code) : reject(new ApiError({ code: 'login_failed' }))),
      fail: () => reject(new ApiError({ code: 'login_failed' })),
    })
  })
}

async function doLogin() {
  const body = { code: await wxLogin() }
  const campaign = getCampaign()
  if (campaign && campaign.scene) body.scene = campaign.scene
  const res = await send({ method: 'POST', path: '/api/v1/auth/login', data: body })
  if (res.statusCode < 200 || res.statusCode >= 300) throw fromResponse(res)
  const { token, expires_in: expiresIn, user } = res.data
  write(KEYS.token, { value: token, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : 0 })
  saveUser(user)
  if (campaign && user && user.campaign_id) write(KEYS.campaign, Object.assign({}, campaign, { id: user.campaign_id }))
  return user
}

/** Log in silently (wx.login → POST /auth/login); concurrent callers share one attempt. */
function login() {
  if (!pendingLogin) {
    pendingLogin = doLogin().then(
      (user) => { pendingLogin = null; return user },
      (err) => { pendingLogin = null; throw err },
    )
  }
  return pendingLogin
}

/** Return a usable token, logging in first when there is none. */
async function ensureToken() {
  const token = currentToken()
  if (token) return token
  await login()
  return currentToken()
}

/** Forget everything about the session (the campaign stays: it belongs to the device's arrival). */
function forget() {
  clearToken()
  wx.removeStorageSync(KEYS.user)
}

module.exports = {
  KEYS, login, ensureToken, currentToken, clearToken, getUser, saveUser,
  rememberCampaign, getCampaign, activeCampaign, forget,
}
