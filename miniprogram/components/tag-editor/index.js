// Add and remove short tags (post tags, interests); emits change {tags}.
const { eventValue, dataset } = require('../../utils/event')

Component({
  properties: {
    tags: { type: Array, value: [] },
    max: { type: Number, value: 5 },
    maxLength: { type: Number, value: 12 },
    placeholder: { type: String, value: '输入后点“添加”' },
  },
  data: { input: '' },
  methods: {
    onInput(e) {
      this.setData({ input: eventValue(e) })
    },
    add() {
      const tag = (this.data.input || '').trim()
      const tags = this.data.tags || []
      if (!tag) return
      if (tags.length >= this.data.max) {
        wx.showToast({ title: `最多 ${this.data.max} 个`, icon: 'none' })
        return
      }
      if (tag.length > this.data.maxLength) {
        wx.showToast({ title: `每个不超过 ${this.data.maxLength} 个字`, icon: 'none' })
        return
      }
      this.setData({ input: '' })
      if (!tags.includes(tag)) this.triggerEvent('change', { tags: tags.concat(tag) })
    },
    remove(e) {
      const index = Number(dataset(e, 'index'))
      this.triggerEvent('change', { tags: (this.data.tags || []).filter((_, i) => i !== index) })
    },
  },
})
