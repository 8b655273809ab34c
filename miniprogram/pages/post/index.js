// One post: its lifecycle timeline, its matches (with the shared keywords and accept/decline), and the
// ticket chat with the concierge who follows it.
const api = require('../../api/index')
const session = require('../../api/session')
const { confirm } = require('../../utils/modal')
const { KIND_LABELS, OFFER_TYPES } = require('../../utils/labels')
const { formatTime } = require('../../utils/time')

const FINAL = ['closed', 'landed']
const DECISIONS = { accept: 'accepted', decline: 'declined' }

function present(post) {
  const offer = OFFER_TYPES.find((t) => t.value === post.offer_type)
  return Object.assign({}, post, {
    kindLabel: post.kind === 'offer' && offer ? `${KIND_LABELS.offer} · ${offer.label}` : KIND_LABELS[post.kind] || '',
    time: formatTime(post.created_at),
    paragraphs: String(post.body || '').split('\n').filter((line) => line.trim()),
  })
}

Component({
  data: {
    post: null, timeline: [], matches: [], matchesLoaded: false, deciding: null,
    ticketId: null, isMine: false, canWithdraw: false, failed: false,
  },
  methods: {
    onLoad(query) {
      this.postId = query && query.id
      return this.load()
    },
    async onPullDownRefresh() {
      await this.load()
      wx.stopPullDownRefresh()
    },
    async load() {
      let post
      try {
        post = await api.getPost(this.postId)
      } catch (err) {
        this.setData({ failed: true })
        return
      }
      const me = session.getUser() || {}
      const isMine = post.author_id === me.id
      this.setData({
        post: present(post), isMine, failed: false,
        canWithdraw: isMine && !FINAL.includes(post.status),
        ticketId: post.ticket_id || (post.ticket && post.ticket.id) || null,
      })
      const [timeline, matches] = await Promise.all([
        // Before the timeline exists server-side, the post's own creation is its first entry.
        api.getTimeline(this.postId).catch(() => [{ status: 'published', at: post.created_at, note: '' }]),
        api.getMatches(this.postId).catch(() => []),
      ])
      this.setData({ timeline, matches, matchesLoaded: true })
    },
    async onDecide(e) {
      const { id, decision } = e.detail
      if (this.data.deciding) return
      if (decision === 'decline') {
        const sure = await confirm({ title: '确定不合适？', content: '婉拒后将不再向您推荐这条匹配。', confirmText: '不合适' })
        if (!sure) return
      }
      this.setData({ deciding: id })
      try {
        const updated = await api.decideMatch(id, decision)
        const matches = this.data.matches.map((m) => (m.id === id
          ? Object.assign({}, m, updated || {}, { decision: (updated && updated.decision) || DECISIONS[decision] })
          : m))
        this.setData({ matches })
        wx.showToast({ title: decision === 'accept' ? '已接受，科服保姆将联系双方' : '已婉拒', icon: 'none' })
      } catch (err) {
        // Toast shown by the request wrapper.
      }
      this.setData({ deciding: null })
    },
    onOpenMatch(e) {
      const { postId, articleId } = e.detail
      if (articleId) wx.navigateTo({ url: `/pages/article/index?id=${articleId}` })
      else if (postId) wx.navigateTo({ url: `/pages/post/index?id=${postId}` })
    },
    async withdraw() {
      const sure = await confirm({ title: '撤回发布', content: '撤回后将停止匹配和对接，确定撤回吗？', confirmText: '撤回' })
      if (!sure) return
      try {
        const post = await api.withdrawPost(this.postId)
        this.setData({ post: present(post), canWithdraw: false })
        wx.showToast({ title: '已撤回', icon: 'none' })
      } catch (err) {
        // Toast shown by the request wrapper.
      }
    },
  },
})
