// A post's status (and review state, for its author) as a coloured badge.
const { STATUS_LABELS, STATUS_TYPES, REVIEW_LABELS } = require('../../utils/labels')

Component({
  properties: {
    status: { type: String, value: '' },
    reviewState: { type: String, value: '' },
  },
  data: { label: '', type: 'default', review: '' },
  observers: {
    'status, reviewState'(status, reviewState) {
      this.setData({
        label: STATUS_LABELS[status] || status || '',
        type: STATUS_TYPES[status] || 'default',
        review: REVIEW_LABELS[reviewState] || '',
      })
    },
  },
})
