// Chinese labels for the backend's enum values.

const KIND_LABELS = { need: '科技需求', question: '科普问题', offer: '我能提供' }

// What each role may post, in the order offered (mirrors the backend's KINDS_BY_ROLE).
const KINDS_BY_ROLE = {
  citizen: ['question', 'need'],
  organisation: ['need', 'question'],
  scientist: ['offer', 'need'],
  staff: ['need', 'question', 'offer'],
  admin: ['need', 'question', 'offer'],
}

const KIND_HINTS = {
  need: { desc: '企业、单位遇到的技术难题', title: '例：果园滴灌系统节水改造', body: '请描述遇到的技术问题、现有条件和期望达到的效果' },
  question: { desc: '生活中想了解的科学知识', title: '例：台风过后家里电器还能用吗？', body: '请描述您想了解的问题，越具体越好' },
  offer: { desc: '我能提供的技术服务或科技成果', title: '例：农产品冷链保鲜技术服务', body: '请介绍您能提供的技术、成果和服务方式' },
}

// The same two kinds in everyday words, for people who start by describing their problem.
const PLAIN_KINDS = {
  need: { label: '请专家帮忙解决', desc: '如：果树生病、设备出故障、想提高产量，需要专家出主意或上门看看' },
  question: { label: '想弄明白一个问题', desc: '如：台风过后电器还能用吗？专家为您讲清楚' },
}

// Roles that start by describing their problem (their kinds are need and question).
const QUESTION_FIRST_ROLES = ['citizen', 'organisation']

const OFFER_TYPES = [
  { value: 'service', label: '技术服务' },
  { value: 'achievement', label: '科技成果' },
]

const STATUS_LABELS = {
  published: '已发布', matched: '已匹配', contacted: '已对接', negotiating: '洽谈中',
  signed: '已签约', landed: '已落地', closed: '已关闭',
}

// van-tag types: primary (in progress), success (done), default (closed).
const STATUS_TYPES = {
  published: 'primary', matched: 'primary', contacted: 'primary', negotiating: 'warning',
  signed: 'success', landed: 'success', closed: 'default',
}

const REVIEW_LABELS = { pending: '审核中', rejected: '未通过审核', passed: '' }

const ROLE_LABELS = {
  citizen: '群众', organisation: '企事业单位', scientist: '科技工作者', staff: '科服保姆', admin: '管理员',
}
const SELF_CHOSEN_ROLES = ['citizen', 'organisation', 'scientist']

const SEVERITY_LABELS = {
  red: '红色预警', orange: '橙色预警', yellow: '黄色预警', blue: '蓝色预警',
  critical: '特别重大', high: '重大', medium: '较大', low: '一般',
}

module.exports = {
  KIND_LABELS, KINDS_BY_ROLE, KIND_HINTS, PLAIN_KINDS, QUESTION_FIRST_ROLES, OFFER_TYPES, STATUS_LABELS, STATUS_TYPES, REVIEW_LABELS,
  ROLE_LABELS, SELF_CHOSEN_ROLES, SEVERITY_LABELS,
}
