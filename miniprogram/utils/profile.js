// Shared profile presentation: role text and a region code's readable path.
const api = require('../api/index')
const { ROLE_LABELS } = require('./labels')

/** Return '四川省 / 成都市 / 锦江区' for a region code, or '' when unknown. */
async function regionLabel(code) {
  if (!code) return ''
  try {
    return (await api.getRegionPath(code)).map((r) => r.name).join(' / ')
  } catch (err) {
    return ''
  }
}

/** Return the one-line description of who the person is. */
function describe(user) {
  const u = user || {}
  const parts = [ROLE_LABELS[u.role] || '群众']
  if (u.organisation) parts.push(u.organisation)
  if (u.role === 'scientist' && u.discipline) parts.push(u.discipline)
  if (u.role === 'scientist' && u.title) parts.push(u.title)
  return parts.join(' · ')
}

module.exports = { regionLabel, describe }
