// Every backend endpoint as a function; pages never build URLs themselves.
const { request } = require('./request')
const session = require('./session')

const V1 = '/api/v1'
const id = (value) => encodeURIComponent(value)
const withUser = (data) => session.saveUser(data.user)

// --- session and profile ---
const login = () => session.login()
const logout = () => request(`${V1}/auth/logout`, { method: 'POST', toast: false })
  .catch(() => null).then(() => session.forget())
const getMe = () => request(`${V1}/me`).then(withUser)
const updateMe = (changes) => request(`${V1}/me`, { method: 'PATCH', data: changes, fieldErrors: true }).then(withUser)
const createBindCode = () => request(`${V1}/me/bind-code`, { method: 'POST', data: {} })

// --- regions ---
const listRegions = (parent) => request(`${V1}/regions`, { query: { parent } }).then((d) => d.regions || [])
const getRegionPath = (code) => request(`${V1}/regions/${id(code)}`, { toast: false }).then((d) => d.regions || [])

// --- posts ---
function createPost(post, { idempotencyKey } = {}) {
  const header = idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : undefined
  return request(`${V1}/posts`, { method: 'POST', data: post, header, fieldErrors: true }).then((d) => d.post)
}
// Page loads show their own error with 重试 (components/load-error), so these pass toast: false.
const listMyPosts = ({ cursor, limit } = {}) => request(`${V1}/posts`, { query: { mine: 1, cursor, limit }, toast: false })
const listPosts = (filters = {}) => request(`${V1}/posts`, { query: filters })
const getPost = (postId) => request(`${V1}/posts/${id(postId)}`, { toast: false }).then((d) => d.post)
const updatePost = (postId, changes) => request(`${V1}/posts/${id(postId)}`,
  { method: 'PATCH', data: changes, fieldErrors: true }).then((d) => d.post)
const withdrawPost = (postId, reason) => request(`${V1}/posts/${id(postId)}/withdraw`,
  { method: 'POST', data: reason ? { reason } : {} }).then((d) => d.post)
// Progress (poster and staff only) and matches: callers decide what to show, so no toast.
const getProgress = (postId) => request(`${V1}/posts/${id(postId)}/progress`, { toast: false })
  .then((d) => d.progress)
const getMatches = (postId) => request(`${V1}/posts/${id(postId)}/matches`, { toast: false })
  .then((d) => d.matches || [])
const decideMatch = (matchId, decision, reason) => request(`${V1}/matches/${id(matchId)}/decision`,
  { method: 'POST', data: reason ? { decision, reason } : { decision } }).then((d) => d.match || null)

// --- photos of a need or question (at most 3; shown to others once WeChat's check passed) ---
const uploadPhoto = (postId, filePath) => request(`${V1}/posts/${id(postId)}/photos`,
  { method: 'POST', filePath, fileField: 'file', toast: false }).then((d) => d.photo)
const listPhotos = (postId) => request(`${V1}/posts/${id(postId)}/photos`, { toast: false })
  .then((d) => d.photos || [])

// --- concierge tickets ---
const getTicket = (ticketId) => request(`${V1}/tickets/${id(ticketId)}`, { toast: false }).then((d) => d.ticket)
const listMessages = (ticketId) => request(`${V1}/tickets/${id(ticketId)}/messages`, { toast: false })
  .then((d) => d.messages || [])
const sendMessage = (ticketId, text) => request(`${V1}/tickets/${id(ticketId)}/messages`,
  { method: 'POST', data: { text } }).then((d) => d.message || d)

// --- science articles ---
const listArticles = ({ cursor } = {}) => request(`${V1}/articles`, { query: { cursor }, toast: false })
const getArticle = (articleId) => request(`${V1}/articles/${id(articleId)}`, { toast: false })
  .then((d) => d.article || d)

// --- subscribe messages ---
const reportSubscriptions = (results) => request(`${V1}/subscriptions`, { method: 'POST', data: { results } })
const listSubscriptions = () => request(`${V1}/subscriptions`, { toast: false })
  .then((d) => d.subscriptions || [])

module.exports = {
  login, logout, getMe, updateMe, createBindCode,
  listRegions, getRegionPath,
  createPost, listMyPosts, listPosts, getPost, updatePost, withdrawPost, getProgress, getMatches, decideMatch,
  uploadPhoto, listPhotos,
  getTicket, listMessages, sendMessage,
  listArticles, getArticle,
  reportSubscriptions, listSubscriptions,
}
