// My posts, newest first, with status badges; tap one for its timeline, matches and concierge chat.
const api = require('../../api/index')
const { KIND_LABELS } = require('../../utils/labels')
const { formatTime } = require('../../utils/time')
const { dataset } = require('../../utils/event')
const { friendlyMessage } = require('../../api/errors')
const largeText = require('../../behaviors/large-text')

const PAGE_SIZE = 20

function toItem(post) {
  return {
    id: post.id, title: post.title, kind: KIND_LABELS[post.kind] || '', status: post.status,
    reviewState: post.review_state || '', region: post.region_name || '', time: formatTime(post.created_at),
  }
}

Component({
  behaviors: [largeText],
  data: { items: [], cursor: null, loading: false, loaded: false, end: false, error: '' },
  methods: {
    onShow() {
      this.applyTextSize()
      return this.reload()
    },
    async onPullDownRefresh() {
      await this.reload()
      wx.stopPullDownRefresh()
    },
    onReachBottom() {
      if (!this.data.end) return this.loadMore()
      return null
    },
    reload() {
      this.setData({ cursor: null, end: false })
      return this.loadMore(true)
    },
    async loadMore(fresh) {
      if (this.data.loading) return
      this.setData({ loading: true, error: '' })
      try {
        const page = await api.listMyPosts({ cursor: fresh ? null : this.data.cursor, limit: PAGE_SIZE })
        const items = (page.posts || []).map(toItem)
        this.setData({
          items: fresh ? items : this.data.items.concat(items),
          cursor: page.next_cursor || null,
          end: !page.next_cursor,
          loaded: true,
        })
      } catch (err) {
        // A failure is not an empty list: say so and offer 重试 (the list loaded so far stays).
        this.setData({ error: friendlyMessage(err) })
      }
      this.setData({ loading: false })
    },
    retry() {
      return this.data.items.length ? this.loadMore(false) : this.reload()
    },
    open(e) {
      wx.navigateTo({ url: `/pages/post/index?id=${dataset(e, 'id')}` })
    },
    goPublish() {
      wx.switchTab({ url: '/pages/publish/index' })
    },
  },
})
