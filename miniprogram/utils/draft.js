// The posting form's draft, kept in wx storage so it survives leaving the page or the app.
const KEY = 'kjy.draft'
const FIELDS = ['kind', 'kindChosen', 'titleTouched', 'offerType', 'title', 'body', 'regionCode', 'regionLabel', 'tags', 'photos', 'idempotencyKey']

function newKey() {
  return `d${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`
}

/** Return the saved draft, or null. */
function loadDraft() {
  try {
    const draft = wx.getStorageSync(KEY)
    return draft && typeof draft === 'object' ? draft : null
  } catch (err) {
    return null
  }
}

/** Save the form's fields; a draft keeps one idempotency key until it is posted. */
function saveDraft(form) {
  const draft = {}
  FIELDS.forEach((field) => { if (form[field] !== undefined) draft[field] = form[field] })
  draft.idempotencyKey = draft.idempotencyKey || newKey()
  draft.savedAt = Date.now()
  try {
    wx.setStorageSync(KEY, draft)
  } catch (err) {
    // Storage full: the form still works, only the draft is lost.
  }
  return draft
}

function clearDraft() {
  wx.removeStorageSync(KEY)
}

module.exports = { loadDraft, saveDraft, clearDraft, KEY }
