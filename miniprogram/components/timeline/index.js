// A post's lifecycle (published → matched → … → landed) as a vertical timeline, oldest first.
const { STATUS_LABELS } = require('../../utils/labels')
const { formatTime } = require('../../utils/time')

Component({
  properties: {
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
          label: STATUS_LABELS[item.status] || item.status,
          time: formatTime(item.at),
          note: item.note || '',
          current: i === list.length - 1,
        })),
      })
    },
  },
})
