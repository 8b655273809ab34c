// Read the value out of a Vant field event (detail is the value) or a native one (detail.value).
function eventValue(e) {
  const detail = e && e.detail
  if (detail === undefined || detail === null) return ''
  return typeof detail === 'object' ? (detail.value === undefined ? '' : detail.value) : detail
}

/** Read a data-* attribute of the element the handler is bound on. */
function dataset(e, key) {
  const target = (e && (e.currentTarget || e.target)) || {}
  return (target.dataset || {})[key]
}

module.exports = { eventValue, dataset }
