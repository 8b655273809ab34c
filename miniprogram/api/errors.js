// API errors and their friendly Chinese wording.

// Codes whose wording we choose ourselves (transport failures, or server texts not meant for people).
const CODE_MESSAGES = {
  network: '网络不给力，请检查网络后重试',
  timeout: '请求超时，请稍后重试',
  login_failed: '登录失败，请稍后重试',
  unauthorized: '登录已失效，请重新进入小程序',
  missing_token: '登录已失效，请重新进入小程序',
  too_many_requests: '操作太频繁了，请稍后再试',
  upstream_unavailable: '服务暂时不可用，请稍后再试',
  server_error: '服务器开小差了，请稍后再试',
  payload_too_large: '内容太长了，请精简后再提交',
  malformed_json: '提交的数据有误，请重试',
}

const STATUS_MESSAGES = {
  400: '请求有误，请检查后重试',
  403: '没有权限执行此操作',
  404: '内容不存在或已被删除',
  409: '当前状态不允许此操作',
  422: '提交的内容不符合要求',
}

const FALLBACK = '出错了，请稍后再试'
const CHINESE = /[\u4e00-\u9fa5]/

class ApiError extends Error {
  constructor({ status = 0, code = 'unknown', message = '', field = null } = {}) {
    super(message || code)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.serverMessage = message
    this.field = field
  }
}

/** Build an ApiError from a non-2xx wx.request response. */
function fromResponse(res) {
  const status = res.statusCode
  const body = res.data && typeof res.data === 'object' ? res.data.error || {} : {}
  const code = body.code || (status >= 500 ? 'server_error' : `http_${status}`)
  return new ApiError({ status, code, message: body.message || '', field: body.field || null })
}

/** Build an ApiError from a wx.request fail callback. */
function fromTransport(err) {
  const text = (err && err.errMsg) || ''
  return new ApiError({ status: 0, code: /timeout/i.test(text) ? 'timeout' : 'network', message: '' })
}

/** Return the text to show a person for an error. */
function friendlyMessage(err) {
  if (!err) return FALLBACK
  if (CODE_MESSAGES[err.code]) return CODE_MESSAGES[err.code]
  // The backend writes its messages in Chinese; anything else (a proxy page, a stack) is not for people.
  if (err.serverMessage && CHINESE.test(err.serverMessage)) return err.serverMessage
  if (err.status >= 500) return CODE_MESSAGES.server_error
  return STATUS_MESSAGES[err.status] || FALLBACK
}

module.exports = { ApiError, fromResponse, fromTransport, friendlyMessage, CODE_MESSAGES }
