// Date formatting for display (local time of the phone).

const pad = (n) => (n < 10 ? `0${n}` : `${n}`)

/** Format an ISO timestamp as 2024-10-01 15:01, or '' when missing or invalid. */
function formatTime(iso) {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** Format an ISO timestamp as a date only. */
function formatDate(iso) {
  return formatTime(iso).slice(0, 10)
}

module.exports = { formatTime, formatDate }
