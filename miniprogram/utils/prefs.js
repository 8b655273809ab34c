// Per-person preferences kept on the device under the signed-in user's id (a shared phone keeps each
// person's own): large text, and which version of the user agreement and privacy policy they accepted.
const session = require('../api/session')

// Bump when the agreement or the policy changes: everyone is asked to read and accept again.
const TERMS_VERSION = '2026-12'

function key() {
  const user = session.getUser()
  return `kjy.prefs.${user && user.id ? user.id : 'guest'}`
}

function read() {
  try {
    const saved = wx.getStorageSync(key())
    return saved && typeof saved === 'object' ? saved : {}
  } catch (err) {
    return {}
  }
}

function write(changes) {
  const next = Object.assign(read(), changes)
  try {
    wx.setStorageSync(key(), next)
  } catch (err) {
    // Storage full: the preference lasts until the page closes.
  }
  return next
}

const isLargeText = () => Boolean(read().largeText)
const setLargeText = (on) => write({ largeText: Boolean(on) }).largeText
const hasAgreed = () => read().agreed === TERMS_VERSION
const agree = () => write({ agreed: TERMS_VERSION, agreedAt: Date.now() })

module.exports = { TERMS_VERSION, isLargeText, setLargeText, hasAgreed, agree }
