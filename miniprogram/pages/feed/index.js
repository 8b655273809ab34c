// The science feed: articles chosen for the person's interests and region, with an emergency banner
// on top while their region has an active event.
const api = require('../../api/index')
const { formatDate } = require('../../utils/time')
const { dataset } = require('../../utils/event')
const { friendlyMessage } = require('../../api/errors')
const subscribe = require('../../utils/subscribe')
const config = require('../../config')
const largeText = require('../../behaviors/large-text')

function toItem(article) {
  return {
    id: article.id, title: article.title, summary: article.summary || '',
    topics: (article.topics || []).slice(0, 3), date: formatDate(article.published_at),
  }
}

Component({
  behaviors: [largeText],
  data: {
    emergency: null, items: [], cursor: null, loading: false, loaded: false, end: false, error: '', askAlerts: false,
  },
  methods: {
    onShow() {
      this.applyTextSize()
    },
    onLoad() {
      return Promise.all([this.reload(), this.checkAlerts()])
    },
    /** Offer emergency alerts for my region while they are off (a failed check offers nothing). */
    async checkAlerts() {
      const template = subscribe.templateFor('emergency_alert')
      const balances = await api.listSubscriptions().catch(() => null)
      const found = balances && template && balances.find((b) => b.template_id === template.id)
      this.setData({ askAlerts: Boolean(balances && template && !(found && found.remaining > 0)) })
    },
    async onAskAlerts() {
      const outcome = await subscribe.askSafely(config.subscribeMoments.feed)
      if (outcome.accepted) {
        wx.showToast({ title: '已开启应急预警提醒', icon: 'success' })
        this.setData({ askAlerts: false })
      } else if (outcome.errCode === 20004) {
        wx.showToast({ title: '订阅消息已在设置中关闭', icon: 'none' })
      }
    },
    async onPullDownRefresh() {
      await this.reload()
      wx.stopPullDownRefresh()
    },
    onReachBottom() {
      if (!this.data.end) return this.loadMore(false)
      return null
    },
    reload() {
      return this.loadMore(true)
    },
    async loadMore(fresh) {
      if (this.data.loading) return
      this.setData({ loading: true, error: '' })
      try {
        const page = await api.listArticles({ cursor: fresh ? null : this.data.cursor })
        const items = (page.articles || []).map(toItem)
        const next = { items: fresh ? items : this.data.items.concat(items), cursor: page.next_cursor || null, end: !page.next_cursor }
        // The emergency comes with the first page; later pages do not clear it.
        if (fresh) next.emergency = page.emergency || null
        next.loaded = true
        this.setData(next)
      } catch (err) {
        // A failure is not "no articles": say so and offer 重试.
        this.setData({ error: friendlyMessage(err) })
      }
      this.setData({ loading: false })
    },
    retry() {
      return this.loadMore(!this.data.items.length)
    },
    open(e) {
      wx.navigateTo({ url: `/pages/article/index?id=${dataset(e, 'id')}` })
    },
    onEmergency(e) {
      const { emergency, articleId } = e.detail
      const target = articleId || (emergency && emergency.article_id)
      if (target) wx.navigateTo({ url: `/pages/article/index?id=${target}` })
    },
  },
})
