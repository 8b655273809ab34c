// Me: who I am (role, organisation, region, interests), binding to the official account, my
// subscribe-message permissions.
const api = require('../../api/index')
const session = require('../../api/session')
const config = require('../../config')
const subscribe = require('../../utils/subscribe')
const { confirm } = require('../../utils/modal')
const { regionLabel, describe } = require('../../utils/profile')
const { dataset } = require('../../utils/event')
const { friendlyMessage } = require('../../api/errors')
const prefs = require('../../utils/prefs')
const largeText = require('../../behaviors/large-text')

/** One notice kind this person can receive, with how many messages the backend may still send. */
function subscriptionRow(template, balances) {
  const found = balances.find((b) => b.template_id === template.id || b.kind === template.kind)
  const remaining = found && typeof found.remaining === 'number' ? found.remaining : 0
  return {
    kind: template.kind, name: template.name, desc: template.desc, on: remaining > 0,
    state: remaining > 0 ? `已开启 · 可接收 ${remaining} 次` : '未开启',
  }
}

Component({
  behaviors: [largeText],
  data: {
    user: null, description: '', region: '', bindCode: null, binding: false, subscriptions: [], subscriptionsError: '',
    accountName: config.officialAccountName,
  },
  methods: {
    onShow() {
      this.applyTextSize()
      this.show(session.getUser())
      return this.refresh()
    },
    async refresh() {
      try {
        this.show(await api.getMe())
      } catch (err) {
        // Keep the stored profile on screen.
      }
      return this.loadSubscriptions()
    },
    async loadSubscriptions() {
      const user = session.getUser() || {}
      try {
        const balances = await api.listSubscriptions()
        const rows = subscribe.templatesFor(user.role || 'citizen').map((t) => subscriptionRow(t, balances))
        this.setData({ subscriptions: rows, subscriptionsError: '' })
      } catch (err) {
        this.setData({ subscriptionsError: friendlyMessage(err) })
      }
    },
    async show(user) {
      if (!user) return
      this.setData({ user, description: describe(user) })
      this.setData({ region: await regionLabel(user.region_code) })
    },
    /** 大字模式: remembered for this person on this phone; every page reads it when shown. */
    toggleLargeText() {
      prefs.setLargeText(!this.data.large)
      this.applyTextSize()
    },
    openTerms() {
      wx.navigateTo({ url: '/pages/terms/index' })
    },
    editProfile() {
      wx.navigateTo({ url: '/pages/profile/index' })
    },
    async getBindCode() {
      if (this.data.binding) return
      this.setData({ binding: true })
      try {
        const res = await api.createBindCode()
        this.setData({
          bindCode: { code: res.code, minutes: Math.max(1, Math.round((res.expires_in || 600) / 60)), qr: res.qr_image || '' },
        })
      } catch (err) {
        // Toast shown by the request wrapper.
      }
      this.setData({ binding: false })
    },
    /** Turn one kind of notice on (again): each accepted ask allows one more message. */
    /** Copy 「绑定 123456」 (WeChat lets nothing pre-fill a message to an account) and open the account. */
    openAccount() {
      const code = this.data.bindCode && this.data.bindCode.code
      const open = () => {
        if (wx.openOfficialAccountProfile) {
          wx.openOfficialAccountProfile({ username: config.officialAccountId, fail: () => this.openAccountArticle() })
        } else {
          this.openAccountArticle()
        }
      }
      if (!code) { open(); return }
      wx.setClipboardData({
        data: `绑定 ${code}`,
        success: () => {
          wx.showToast({ title: '已复制，在公众号里粘贴发送', icon: 'none' })
          open()
        },
        fail: open,
      })
    },
    openAccountArticle() {
      if (wx.openOfficialAccountArticle && config.officialAccountArticle) {
        wx.openOfficialAccountArticle({ url: config.officialAccountArticle })
      } else {
        wx.showModal({ title: '关注公众号', content: `请在微信里搜索「${config.officialAccountName}」公众号，关注后粘贴发送绑定口令`, showCancel: false })
      }
    },
    async onSubscribe(e) {
      const outcome = await subscribe.askSafely([dataset(e, 'kind')])
      if (outcome.errCode === 20004) {
        const open = await confirm({ title: '订阅消息已关闭', content: '请在设置中打开“订阅消息”后再开启提醒', confirmText: '去设置' })
        if (open) wx.openSetting({})
      } else if (outcome.accepted) {
        wx.showToast({ title: '已开启提醒', icon: 'success' })
      }
      return this.loadSubscriptions()
    },
  },
})
