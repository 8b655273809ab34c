// The request wrapper every endpoint goes through: bearer token, one silent re-login on 401,
// friendly toasts for errors.
const session = require('./session')
const { send, upload } = require('./transport')
const { fromResponse, friendlyMessage } = require('./errors')

function toast(err) {
  wx.showToast({ title: friendlyMessage(err), icon: 'none', duration: 2500 })
}

async function attempt(path, opts, canRetry) {
  const token = opts.auth === false ? '' : await session.ensureToken()
  const res = opts.filePath
    ? await upload({ path, filePath: opts.filePath, name: opts.fileField, token })
    : await send({ method: opts.method, path, query: opts.query, data: opts.data, token, header: opts.header })
  if (res.statusCode === 401 && opts.auth !== false && canRetry) {
    // The session expired or was revoked server-side: log in again once and replay.
    session.clearToken()
    return attempt(path, opts, false)
  }
  if (res.statusCode < 200 || res.statusCode >= 300) throw fromResponse(res)
  return res.data
}

/**
 * Call the backend. Options: method, query, data, header, auth (default true),
 * toast (default true), fieldErrors (true: errors naming a field are left to the form, no toast),
 * filePath (+ fileField, default 'file': upload that local file as multipart instead of sending JSON).
 */
async function request(path, opts = {}) {
  try {
    return await attempt(path, opts, true)
  } catch (err) {
    err.friendly = friendlyMessage(err)
    const leftToForm = opts.fieldErrors && err.field
    if (opts.toast !== false && !leftToForm) toast(err)
    throw err
  }
}

module.exports = { request }
