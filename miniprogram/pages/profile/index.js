// Profile and role registration: citizen / organisation (name of the organisation) / scientist
// (discipline, organisation, title), plus region and interests.
const api = require('../../api/index')
const session = require('../../api/session')
const { ROLE_LABELS, SELF_CHOSEN_ROLES } = require('../../utils/labels')
const { LIMITS, validateProfile, fieldKey } = require('../../utils/validate')
const { regionLabel } = require('../../utils/profile')
const { eventValue, dataset } = require('../../utils/event')
const largeText = require('../../behaviors/large-text')

const ROLE_DESCS = { citizen: '提出科普问题，获取科普知识', organisation: '发布技术需求，委托科研项目', scientist: '提供技术服务和科技成果' }
const TEXT_FIELDS = ['name', 'organisation', 'title', 'discipline']
const FORM_FIELDS = ['role', 'region_code', 'interests'].concat(TEXT_FIELDS)

Component({
  behaviors: [largeText],
  data: {
    roles: SELF_CHOSEN_ROLES.map((value) => ({ value, label: ROLE_LABELS[value], desc: ROLE_DESCS[value] })),
    role: 'citizen', roleLocked: false, name: '', organisation: '', title: '', discipline: '',
    regionCode: '', regionLabel: '', interests: [], errors: {}, saving: false, maxInterests: LIMITS.maxInterests,
  },
  methods: {
    async onLoad() {
      this.fill(session.getUser())
      try {
        this.fill(await api.getMe())
      } catch (err) {
        // Edit what we have.
      }
    },
    async fill(user) {
      if (!user) return
      const values = { roleLocked: !SELF_CHOSEN_ROLES.includes(user.role), role: user.role || 'citizen',
        regionCode: user.region_code || '', interests: user.interests || [] }
      TEXT_FIELDS.forEach((field) => { values[field] = user[field] || '' })
      this.setData(values)
      if (user.region_code) this.setData({ regionLabel: await regionLabel(user.region_code) })
    },
    onRoleTap(e) {
      if (!this.data.roleLocked) this.setData({ role: dataset(e, 'role'), errors: {} })
    },
    onFieldChange(e) {
      const field = dataset(e, 'field')
      this.setData({ [field]: String(eventValue(e)), [`errors.${field}`]: '' })
    },
    onRegionChange(e) {
      this.setData({ regionCode: e.detail.code, regionLabel: e.detail.label, 'errors.region_code': '' })
    },
    onInterestsChange(e) {
      this.setData({ interests: e.detail.tags, 'errors.interests': '' })
    },
    changes() {
      const d = this.data
      const changes = { interests: d.interests }
      TEXT_FIELDS.forEach((field) => { changes[field] = d[field].trim() })
      if (!d.roleLocked) changes.role = d.role
      if (d.regionCode) changes.region_code = d.regionCode
      return changes
    },
    async save() {
      if (this.data.saving) return
      const errors = validateProfile(this.data)
      if (Object.keys(errors).length) {
        this.setData({ errors })
        return
      }
      this.setData({ saving: true })
      try {
        await api.updateMe(this.changes())
        wx.showToast({ title: '已保存', icon: 'success' })
        setTimeout(() => wx.navigateBack({ delta: 1 }), 800)
      } catch (err) {
        const key = fieldKey(err.field)
        if (FORM_FIELDS.includes(key)) this.setData({ [`errors.${key}`]: err.friendly })
        else if (err.field) wx.showToast({ title: err.friendly, icon: 'none' })
      }
      this.setData({ saving: false })
    },
  },
})
