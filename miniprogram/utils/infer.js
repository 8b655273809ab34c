// Guess from a person's own words whether they need an expert to solve something (科技需求) or want
// to understand something (科普问题), and suggest a one-line title. Plain keyword weights: the person
// sees the guess as a choice and can change it, so a wrong guess costs one tap.

// Words that point to a problem someone should come and solve.
const NEED_WORDS = [
  '怎么办', '咋办', '帮忙', '帮助', '帮我', '解决', '求助', '专家', '上门', '指导', '方案', '改造', '改良', '设备', '机器',
  '产量', '减产', '亩', '果园', '大棚', '养殖', '种植', '病', '虫', '烂', '枯', '黄', '死', '厂', '公司', '企业', '合作',
  '技术', '治', '防治', '需要', '想找', '提高', '损失', '裂', '坏',
]
// Words that point to wanting to understand something.
const QUESTION_WORDS = [
  '为什么', '是什么', '是不是', '会不会', '能不能', '可不可以', '有没有', '吗', '原理', '科学', '了解', '知识', '真的',
  '安全', '靠谱', '谣言', '说法', '为啥', '科普',
]
const MIN_LENGTH = 6

function count(text, words) {
  return words.reduce((n, word) => n + (text.includes(word) ? 1 : 0), 0)
}

/** Return 'need', 'question', or '' when the text is too short to tell. */
function inferKind(text) {
  const t = String(text || '').trim()
  if (t.length < MIN_LENGTH) return ''
  const need = count(t, NEED_WORDS)
  const question = count(t, QUESTION_WORDS)
  // A tie goes to 'need': a concierge can always turn a need into an explanation, not the reverse.
  return question > need ? 'question' : 'need'
}

/** Return the first sentence of the text, cut to `max` characters, as a title suggestion. */
function suggestTitle(text, max = 40) {
  const first = String(text || '').trim().split(/[。！？!?\n；;]/)[0].trim()
  return first.length > max ? first.slice(0, max) : first
}

module.exports = { inferKind, suggestTitle }
