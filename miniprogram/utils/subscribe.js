// Subscribe-message permission (WECHAT.md §3.2): wx.requestSubscribeMessage must run inside a tap
// handler and takes at most 3 one-time template ids; each accept allows the backend one message.
const config = require('../config')
const api = require('../api/index')

const RESULTS = ['accept', 'reject', 'ban', 'filter']
const MAX_PER_ASK = 3

/** The configured template of a message kind, or null. */
function templateFor(kind) {
  return config.subscribeTemplates.find((t) => t.kind === kind) || null
}

/** The template ids of these kinds (at most 3, in order). */
function templateIds(kinds) {
  return kinds.map(templateFor).filter(Boolean).map((t) => t.id).slice(0, MAX_PER_ASK)
}

/** The templates a person with this role can receive (scientists also get match and award notices). */
function templatesFor(role) {
  return config.subscribeTemplates.filter((t) => !t.roles || t.roles.includes(role))
}

/** Ask for these kinds' notices and report each answer to the backend. */
function askSubscribe(kinds) {
  const ids = templateIds(kinds)
  return new Promise((resolve) => {
    wx.requestSubscribeMessage({
      tmplIds: ids,
      success: (res) => resolve(res || {}),
      fail: (err) => resolve({ failed: err || {} }),
    })
  }).then((res) => {
    if (res.failed) {
      // 20004: the person switched subscription messages off in settings.
      return { accepted: 0, results: {}, errCode: res.failed.errCode || -1 }
    }
    const results = {}
    ids.forEach((tid) => { if (RESULTS.includes(res[tid])) results[tid] = res[tid] })
    const accepted = Object.keys(results).filter((tid) => results[tid] === 'accept').length
    const report = Object.keys(results).length ? api.reportSubscriptions(results) : Promise.resolve()
    return report.then(() => ({ accepted, results, errCode: 0 }))
  })
}

/** Ask, never failing: a wx or backend error counts as nothing accepted. */
function askSafely(kinds) {
  return askSubscribe(kinds).catch(() => ({ accepted: 0, results: {}, errCode: -1 }))
}

module.exports = { askSubscribe, askSafely, templateIds, templateFor, templatesFor }
