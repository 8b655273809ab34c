// The banner for an active emergency in the person's region (应急科普), shown above the feed.
const { SEVERITY_LABELS } = require('../../utils/labels')

function regionNames(regions) {
  return (regions || []).map((r) => (typeof r === 'object' && r ? r.name || r.code : r)).filter(Boolean).join('、')
}

Component({
  properties: {
    emergency: { type: Object, value: null },
  },
  data: { severityLabel: '', regions: '' },
  observers: {
    emergency(e) {
      this.setData({
        severityLabel: e ? SEVERITY_LABELS[e.severity] || '' : '',
        regions: e ? regionNames(e.regions) : '',
      })
    },
  },
  methods: {
    onTap() {
      if (this.data.emergency) this.triggerEvent('open', { emergency: this.data.emergency })
    },
  },
})
