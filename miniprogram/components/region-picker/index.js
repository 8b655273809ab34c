// Province / city / county picker fed by the backend's regions API; emits change {code, label}.
const api = require('../../api/index')

const LEVELS = 3

Component({
  properties: {
    label: { type: String, value: '' },
    placeholder: { type: String, value: '请选择省 / 市 / 区县' },
    error: { type: String, value: '' },
  },
  data: { columns: [[], [], []], index: [0, 0, 0], loading: true },
  lifetimes: {
    attached() {
      this.seq = 0
      this.fill(0, null)
    },
  },
  methods: {
    /** Load columns from `level` down, each showing its first entry; stale loads are dropped. */
    async fill(level, parentCode) {
      const seq = ++this.seq
      const columns = this.data.columns.slice()
      const index = this.data.index.slice()
      let parent = parentCode
      try {
        for (let l = level; l < LEVELS; l += 1) {
          const list = l === 0 ? await api.listRegions() : (parent ? await api.listRegions(parent) : [])
          columns[l] = list
          index[l] = 0
          parent = list.length ? list[0].code : null
        }
      } catch (err) {
        // The request wrapper already told the person; keep what was loaded.
      }
      if (seq === this.seq) this.setData({ columns, index, loading: false })
    },
    onColumnChange(e) {
      const { column, value } = e.detail
      const index = this.data.index.slice()
      index[column] = value
      this.setData({ index })
      const region = this.data.columns[column][value]
      if (column < LEVELS - 1 && region) this.fill(column + 1, region.code)
    },
    onChange(e) {
      const index = (e.detail.value || []).map(Number)
      const path = []
      for (let l = 0; l < LEVELS; l += 1) {
        const region = this.data.columns[l][index[l] || 0]
        if (!region) break
        path.push(region)
      }
      if (!path.length) return
      const chosen = path[path.length - 1]
      this.setData({ index })
      this.triggerEvent('change', { code: chosen.code, label: path.map((r) => r.name).join(' / ') })
    },
  },
})
