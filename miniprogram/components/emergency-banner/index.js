// The banner for an active emergency in the person's region (应急科普), shown above the feed: the
// severity in its colour (red/orange/yellow/blue, GB/T 35965), the headline, the 防范提示 (CAP
// instruction), until when it is in force, the regions hit, and links to its articles.
const { SEVERITY_LABELS } = require('../../utils/labels')
const { formatTime } = require('../../utils/time')
const { dataset } = require('../../utils/event')

function regionNames(regions) {
  return (regions || []).map((r) => (typeof r === 'object' && r ? r.name || r.code : r)).filter(Boolean).join('、')
}

/** The articles to link: the list when the backend gives one, else the single article_id. */
function articleLinks(e) {
  if (e.articles && e.articles.length) return e.articles.map((a) => ({ id: a.id, title: a.title }))
  return e.article_id ? [{ id: e.article_id, title: '查看防范科普' }] : []
}

Component({
  properties: {
    large: { type: Boolean, value: false }, // 大字模式 (behaviors/large-text.js)
    emergency: { type: Object, value: null },
  },
  data: { severityLabel: '', regions: '', until: '', articles: [] },
  observers: {
    emergency(e) {
      this.setData({
        severityLabel: e ? e.severity_label || SEVERITY_LABELS[e.severity] || '' : '',
        regions: e ? regionNames(e.regions) : '',
        until: e && e.expires_at ? formatTime(e.expires_at) : '',
        articles: e ? articleLinks(e) : [],
      })
    },
  },
  methods: {
    onTap() {
      if (this.data.emergency) this.triggerEvent('open', { emergency: this.data.emergency })
    },
    onArticle(e) {
      this.triggerEvent('open', { emergency: this.data.emergency, articleId: dataset(e, 'id') })
    },
  },
})
