// One post: its progress (stages with times, the concierge, the next step) for the poster and staff, its
// matches (people to contact with accept/decline; science articles to read), and the ticket chat.
// Shared (onShareAppMessage), it opens read-only for anyone else: the post itself and a way to ask their own.
const api = require('../../api/index')
const session = require('../../api/session')
const { confirm } = require('../../utils/modal')
const { KIND_LABELS, OFFER_TYPES } = require('../../utils/labels')
const { formatTime } = require('../../utils/time')
const { friendlyMessage } = require('../../api/errors')
const { dataset } = require('../../utils/event')
const largeText = require('../../behaviors/large-text')

const FINAL = ['closed', 'landed']
const STAFF = ['staff', 'admin']
const DECISIONS = { accept: 'accepted', decline: 'declined' }

function present(post) {
  const offer = OFFER_TYPES.find((t) => t.value === post.offer_type)
  return Object.assign({}, post, {
    kindLabel: post.kind === 'offer' && offer ? `${KIND_LABELS.offer} · ${offer.label}` : KIND_LABELS[post.kind] || '',
    time: formatTime(post.created_at),
    paragraphs: String(post.body || '').split('\n').filter((line) => line.trim()),
  })
}

/** The backend's progress with each stage's note (from the event that entered it) for the timeline. */
function presentProgress(progress) {
  const p = progress || {}
  const notes = {}
  ;(p.events || []).forEach((e) => { if (e.to && e.note && !notes[e.to]) notes[e.to] = e.note })
  const step = p.next_step
  return {
    stages: (p.stages || []).map((s) => Object.assign({}, s, { note: s.reached ? notes[s.status] || '' : '' })),
    statusText: p.status_text || '',
    closed: p.status === 'closed',
    concierge: p.concierge && p.concierge.name ? p.concierge.name : '',
    nextStep: step && step.step ? (step.due ? `${step.step}（${step.due} 前）` : step.step) : '',
    noExpert: p.match_state === 'no_expert',
  }
}

const PHOTO_STATES = { pending: '安全检查中，仅您可见', review: '待人工复核，暂不展示', risky: '未通过安全检查，已隐藏' }

function presentPhoto(photo) {
  return { id: photo.id, url: photo.url, note: PHOTO_STATES[photo.check] || '' }
}

Component({
  behaviors: [largeText],
  data: {
    post: null, progress: null, progressFailed: false, showProgress: false,
    matches: [], people: [], articles: [], matchesLoaded: false, deciding: null,
    ticketId: null, isMine: false, canWithdraw: false, missing: false, error: '', readOnly: false, shared: false,
    photos: [],
  },
  methods: {
    onLoad(query) {
      this.postId = query && query.id
      this.setData({ shared: Boolean(query && query.shared) })
      return this.load()
    },
    async onPullDownRefresh() {
      await this.load()
      wx.stopPullDownRefresh()
    },
    async load() {
      let post
      this.setData({ error: '' })
      try {
        post = await api.getPost(this.postId)
      } catch (err) {
        // Gone (or not ours to see) is final; anything else (network, 5xx) can be retried.
        if (err.status === 404) this.setData({ missing: true })
        else this.setData({ error: friendlyMessage(err) })
        return
      }
      const me = session.getUser() || {}
      const isMine = post.author_id === me.id
      this.setData({
        post: present(post), isMine, missing: false,
        canWithdraw: isMine && !FINAL.includes(post.status),
        ticketId: post.ticket_id || (post.ticket && post.ticket.id) || null,
      })
      // Progress is the poster's and staff's only (others get 404 from the backend): not asked otherwise.
      const showProgress = isMine || STAFF.includes(me.role)
      this.setData({ showProgress })
      const [, matches, photos] = await Promise.all([
        showProgress ? this.loadProgress() : null,
        api.getMatches(this.postId).catch(() => []),
        // Photos are the poster's, matched scientists' and staff's only: others get 404, so none.
        api.listPhotos(this.postId).catch(() => []),
      ])
      this.setData({ photos: photos.map(presentPhoto) })
      this.setMatches(matches)
      // Neither poster, staff nor a matched party (the backend shows strangers no matches): read-only.
      this.setData({ matchesLoaded: true, readOnly: !showProgress && !matches.length })
    },
    async loadProgress() {
      try {
        const progress = await api.getProgress(this.postId)
        this.setData({ progress: presentProgress(progress), progressFailed: false })
      } catch (err) {
        this.setData({ progressFailed: true })
      }
    },
    retryProgress() {
      return this.loadProgress()
    },
    setMatches(matches) {
      this.setData({
        matches,
        people: matches.filter((m) => !m.article),
        articles: matches.filter((m) => m.article),
      })
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
        const mine = (updated && updated.my_decision) || DECISIONS[decision]
        const matches = this.data.matches.map((m) => (m.id === id
          ? Object.assign({}, m, updated || {}, { decision: (updated && updated.decision) || mine, my_decision: mine })
          : m))
        this.setMatches(matches)
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
    previewPhoto(e) {
      const urls = this.data.photos.filter((p) => p.url).map((p) => p.url)
      wx.previewImage({ urls, current: dataset(e, 'url') })
    },
    onShareAppMessage() {
      const post = this.data.post
      // Only a public post can be opened by others; anything else shares the mini-program itself.
      if (!post || post.review_state !== 'passed' || post.status === 'closed') return { title: '科技云：遇到问题，找科服保姆', path: '/pages/entry/index' }
      return { title: `${post.kindLabel}：${post.title}`, path: `/pages/post/index?id=${post.id}&shared=1` }
    },
    goPublish() {
      wx.switchTab({ url: '/pages/publish/index' })
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
