// One match of a post. An article is 相关科普 to read; an offer is a person to contact, with the
// calibrated relevance in words, which of the scientist's offers matched and why, and each side's own
// decision (one side's 已接受 is never shown to the other as theirs).
const { KIND_LABELS } = require('../../utils/labels')

const MY_DECISION = { accepted: '您已接受对接', declined: '您已婉拒' }
const THEIR_DECISION = {
  demand: { accepted: '需求方已接受对接，科服保姆将联系双方', declined: '需求方已婉拒' },
  supply: { accepted: '对方已接受对接，科服保姆将联系双方', declined: '对方已婉拒' },
  staff: { accepted: '科服保姆已确认对接', declined: '科服保姆已婉拒此匹配' },
}

/** The calibrated relevance (0–1) in words with its percentage; '' when the backend has none. */
function relevanceText(relevance) {
  if (typeof relevance !== 'number') return ''
  const r = Math.max(0, Math.min(1, relevance))
  const words = r >= 0.8 ? '非常相关' : r >= 0.6 ? '比较相关' : r >= 0.4 ? '可能相关' : '相关度较低'
  return `${words}（相关度 ${Math.round(r * 100)}%）`
}

function decisionText(m) {
  if (m.my_decision) return MY_DECISION[m.my_decision] || ''
  if (!m.decision) return ''
  const side = THEIR_DECISION[m.decided_by] || THEIR_DECISION.supply
  return side[m.decision] || ''
}

function present(match) {
  const m = match || {}
  const isArticle = Boolean(m.article)
  const target = m.post || m.article || {}
  // The scientist sees a need; the offer of theirs that matched it is worth naming.
  const offer = m.matched_offer && m.post && m.post.kind !== 'offer' ? m.matched_offer.title : ''
  const decided = decisionText(m)
  return {
    isArticle,
    title: target.title || '匹配对象',
    kind: isArticle ? '相关科普' : (m.post ? KIND_LABELS[m.post.kind] || '' : ''),
    summary: isArticle ? target.summary || '' : '',
    relevance: relevanceText(m.relevance),
    offer,
    explanation: m.explanation || '',
    keywords: m.keywords || [],
    decided,
    decision: m.my_decision || m.decision || '',
    canDecide: !isArticle && Boolean(m.can_decide) && !m.decision,
    waiting: !isArticle && !decided && !m.can_decide,
  }
}

Component({
  properties: {
    large: { type: Boolean, value: false }, // 大字模式 (behaviors/large-text.js)
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
