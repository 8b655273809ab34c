// Province / city / county picker fed by the backend's regions API; emits change {code, label}.
// It opens at `value` (the chosen or the user's region), else at 四川省, the province the platform
// serves (the backend refuses regions outside it: server/services/regions.py PLATFORM_PROVINCE).
const api = require('../../api/index')

const LEVELS = 3
const DEFAULT_REGION = '510000'

/** The province, city and county codes a region code lies in, broadest first (GB/T 2260). */
function chainOf(code) {
  const c = String(code || '')
  if (!/^[0-9]{6}$/.test(c)) return []
  const chain = [`${c.slice(0, 2)}0000`]
  if (!c.endsWith('0000')) chain.push(`${c.slice(0, 4)}00`)
  if (!c.endsWith('00')) chain.push(c)
  return chain
}

Component({
  properties: {
    label: { type: String, value: '' },
    value: { type: String, value: '' },
    placeholder: { type: String, value: '请选择省 / 市 / 区县' },
    error: { type: String, value: '' },
  },
  data: { columns: [[], [], []], index: [0, 0, 0], loading: true },
  observers: {
    value(code) {
      // A region set after opening (the user's, loaded late) moves the columns to it.
      if (this.opened && code && code !== this.shown) this.openAt(code)
    },
  },
  lifetimes: {
    attached() {
      this.seq = 0
      this.opened = true
      this.openAt(this.data.value)
    },
  },
  methods: {
    openAt(code) {
      this.shown = code
      return this.fill(0, null, chainOf(code || DEFAULT_REGION))
    },
    /** Load columns from `level` down, each at its `target` entry (else the first); stale loads are dropped. */
    async fill(level, parentCode, target = []) {
      const seq = ++this.seq
      const columns = this.data.columns.slice()
      const index = this.data.index.slice()
      let parent = parentCode
      try {
        for (let l = level; l < LEVELS; l += 1) {
          const list = l === 0 ? await api.listRegions() : (parent ? await api.listRegions(parent) : [])
          const at = list.findIndex((r) => r.code === target[l])
          columns[l] = list
          index[l] = at >= 0 ? at : 0
          parent = list.length ? list[index[l]].code : null
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
      this.shown = chosen.code
      this.setData({ index })
      this.triggerEvent('change', { code: chosen.code, label: path.map((r) => r.name).join(' / ') })
    },
  },
})
