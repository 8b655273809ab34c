// Me: who I am (role, organisation, region, interests), binding to the official account, my
// subscribe-message permissions.
const api = require('../../api/index')
const session = require('../../api/session')
const config = require('../../config')
const subscribe = require('../../utils/subscribe')
const { regionLabel, describe } = require('../../utils/profile')

const RESULT_LABELS = { accept: '已开启', reject: '未开启', ban: '已屏蔽', filter: '未开启' }

function subscriptionRow(s) {
  const known = config.subscribeTemplates.find((t) => t.id === s.template_id) || {}
  let state = RESULT_LABELS[s.result || s.status] || ''
  if (typeof s.remaining === 'number') state = s.remaining > 0 ? `可接收 ${s.remaining} 次` : '未开启'
  return { id: s.template_id, name: known.name || s.title || '消息提醒', state }
}

Component({
  data: {
    user: null, description: '', region: '', bindCode: null, binding: false, subscriptions: [],
    accountName: config.officialAccountName,
  },
  methods: {
    onShow() {
      this.show(session.getUser())
      return this.refresh()
    },
    async refresh() {
      try {
        this.show(await api.getMe())
      } catch (err) {
        // Keep the stored profile on screen.
      }
      const subscriptions = await api.listSubscriptions().catch(() => [])
      this.setData({ subscriptions: subscriptions.map(subscriptionRow) })
    },
    async show(user) {
      if (!user) return
      this.setData({ user, description: describe(user) })
      this.setData({ region: await regionLabel(user.region_code) })
    },
    editProfile() {
      wx.navigateTo({ url: '/pages/profile/index' })
    },
    async getBindCode() {
      if (this.data.binding) return
      this.setData({ binding: true })
      try {
        const res = await api.createBindCode()
        this.setData({ bindCode: { code: res.code, minutes: Math.max(1, Math.round((res.expires_in || 600) / 60)) } })
      } catch (err) {
        // Toast shown by the request wrapper.
      }
      this.setData({ binding: false })
    },
    async onSubscribe() {
      const outcome = await subscribe.askSubscribe().catch(() => ({ accepted: 0, errCode: -1 }))
      if (outcome.errCode === 20004) wx.showToast({ title: '请先在设置中打开订阅消息', icon: 'none' })
      else if (outcome.accepted) wx.showToast({ title: '已开启提醒', icon: 'success' })
      return this.refresh()
    },
  },
})
