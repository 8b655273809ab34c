// Small builders for backend JSON shapes.
const session = require('../../api/session')

function user(overrides = {}) {
  return Object.assign({
    id: 1, role: 'citizen', name: '张三', organisation: '', title: '', discipline: '',
    region_code: null, interests: [], campaign_id: null, follows_official_account: false,
  }, overrides)
}

function post(overrides = {}) {
  return Object.assign({
    id: 42, kind: 'need', offer_type: null, title: '果园滴灌系统节水改造', body: '现有果园五十亩，想改造滴灌系统节约用水。',
    tags: ['节水'], region_code: '510104', region_name: '锦江区', status: 'matched', review_state: 'passed',
    author_id: 1, created_at: '2024-10-01T07:01:00+00:00', updated_at: '2024-10-01T07:01:00+00:00',
    expires_at: null, campaign_id: null,
  }, overrides)
}

const REGIONS = {
  '': [{ code: '510000', name: '四川省', level: 'province' }, { code: '500000', name: '重庆市', level: 'province' }],
  510000: [{ code: '510100', name: '成都市', level: 'city' }, { code: '510300', name: '自贡市', level: 'city' }],
  510100: [{ code: '510104', name: '锦江区', level: 'county' }, { code: '510105', name: '青羊区', level: 'county' }],
  510300: [{ code: '510302', name: '自流井区', level: 'county' }],
}

/** Route for GET /api/v1/regions. */
const regionsRoute = (req) => ({ regions: REGIONS[req.query.parent || ''] || [] })

/** Pretend the person already logged in (a fresh token and a stored user). */
function signIn(u = user()) {
  wx.setStorageSync(session.KEYS.token, { value: 'tok-1', expiresAt: Date.now() + 3600 * 1000 })
  wx.setStorageSync(session.KEYS.user, u)
  return u
}

module.exports = { user, post, REGIONS, regionsRoute, signIn }
