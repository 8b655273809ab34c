// Client-side checks mirroring the backend's limits, so most mistakes are caught before sending.

const LIMITS = { titleMin: 4, titleMax: 40, bodyMin: 10, bodyMax: 2000, maxTags: 5, tagMax: 12, maxInterests: 10 }

function checkText(value, { label, min, max }) {
  const text = (value || '').trim()
  if (!text) return `请填写${label}`
  if (text.length < min) return `${label}至少 ${min} 个字`
  if (text.length > max) return `${label}不能超过 ${max} 个字`
  return ''
}

/** Return {field: message} for a post form; empty when it may be sent. */
function validatePost(form, { allowedKinds }) {
  const errors = {}
  if (!allowedKinds.includes(form.kind)) errors.kind = '请选择要发布的类型'
  const title = checkText(form.title, { label: '标题', min: LIMITS.titleMin, max: LIMITS.titleMax })
  if (title) errors.title = title
  const body = checkText(form.body, { label: '详细描述', min: LIMITS.bodyMin, max: LIMITS.bodyMax })
  if (body) errors.body = body
  if (!form.regionCode) errors.region_code = '请选择所在地区'
  const tags = form.tags || []
  if (tags.length > LIMITS.maxTags) errors.tags = `标签最多 ${LIMITS.maxTags} 个`
  else if (tags.some((tag) => tag.length > LIMITS.tagMax)) errors.tags = `每个标签不超过 ${LIMITS.tagMax} 个字`
  return errors
}

/** Return {field: message} for the profile form. */
function validateProfile(form) {
  const errors = {}
  if (form.role === 'scientist' && !(form.discipline || '').trim()) errors.discipline = '科技工作者请填写学科/专业领域'
  if (form.role === 'scientist' && !(form.organisation || '').trim()) errors.organisation = '科技工作者请填写所在单位'
  if (form.role === 'organisation' && !(form.organisation || '').trim()) errors.organisation = '请填写单位名称'
  return errors
}

/** Map a backend field name (maybe dotted, like tags.0) to the form's error key. */
function fieldKey(field) {
  return String(field || '').split('.')[0]
}

module.exports = { LIMITS, validatePost, validateProfile, fieldKey }
