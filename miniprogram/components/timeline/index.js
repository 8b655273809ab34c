// A post's lifecycle (已发布 → 已匹配 → … → 已落地) as a vertical timeline, oldest first. Items are the
// progress stages ({status, label, at, reached, current, note}); stages not yet reached are greyed.
const { STATUS_LABELS } = require('../../utils/labels')
const { formatTime } = require('../../utils/time')

Component({
  properties: {
    large: { type: Boolean, value: false }, // 大字模式 (behaviors/large-text.js)
    items: { type: Array, value: [] },
  },
  data: { rows: [] },
  observers: {
    items(items) {
      const list = items || []
      this.setData({
        rows: list.map((item, i) => ({
          key: `${i}-${item.status}`,
          status: item.status,
          label: item.label || STATUS_LABELS[item.status] || item.status,
          time: formatTime(item.at),
          note: item.note || '',
          reached: item.reached !== false,
          current: Boolean(item.current),
          last: i === list.length - 1,
        })),
      })
    },
  },
})
