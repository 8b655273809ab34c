// One match of a post: who/what it is, why (shared keywords), and accept/decline when the viewer decides.
const { KIND_LABELS } = require('../../utils/labels')

const DECISION_LABELS = { accepted: '已接受', declined: '已婉拒' }

function present(match) {
  const m = match || {}
  const target = m.post || m.article || {}
  return {
    title: target.title || '匹配对象',
    kind: m.post ? KIND_LABELS[m.post.kind] || '' : (m.article ? '科普文章' : ''),
    percent: typeof m.score === 'number' ? Math.round(Math.max(0, Math.min(1, m.score)) * 100) : null,
    keywords: m.keywords || [],
    decided: DECISION_LABELS[m.decision] || '',
    canDecide: Boolean(m.can_decide) && !m.decision,
  }
}

Component({
  properties: {
    match: { type: Object, value: null },
    busy: { type: Boolean, value: false },
  },
  data: { view: present(null) },
  observers: {
    match(match) {
      this.setData({ view: present(match) })
    },
  },
  methods: {
    decide(decision) {
      if (this.data.busy || !this.data.match) return
      this.triggerEvent('decide', { id: this.data.match.id, decision })
    },
    onAccept() {
      this.decide('accept')
    },
    onDecline() {
      this.decide('decline')
    },
    onOpen() {
      const m = this.data.match || {}
      this.triggerEvent('open', { postId: m.post ? m.post.id : null, articleId: m.article ? m.article.id : null })
    },
  },
})
