// Subscribe-message permission (WECHAT.md §3.2): must run inside a tap handler, max 3 one-time ids.
const config = require('../config')
const api = require('../api/index')

const RESULTS = ['accept', 'reject', 'ban', 'filter']

function templateIds() {
  return config.subscribeTemplates.map((t) => t.id).slice(0, 3)
}

/** Ask for the progress-notice templates and report each answer to the backend. */
function askSubscribe() {
  const ids = templateIds()
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

module.exports = { askSubscribe, templateIds }
