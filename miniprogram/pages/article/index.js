// One science article.
const api = require('../../api/index')
const { formatDate } = require('../../utils/time')
const { friendlyMessage } = require('../../api/errors')
const largeText = require('../../behaviors/large-text')

Component({
  behaviors: [largeText],
  data: { article: null, paragraphs: [], date: '', missing: false, error: '' },
  methods: {
    onShareAppMessage() {
      const a = this.data.article
      return a ? { title: a.title, path: `/pages/article/index?id=${a.id}` } : { title: '科技云科普', path: '/pages/feed/index' }
    },
    onLoad(query) {
      this.articleId = query && query.id
      return this.load()
    },
    async load() {
      this.setData({ error: '' })
      try {
        const article = await api.getArticle(this.articleId)
        this.setData({
          article,
          date: formatDate(article.published_at),
          paragraphs: String(article.body || article.summary || '').split('\n').filter((line) => line.trim()),
        })
      } catch (err) {
        if (err.status === 404) this.setData({ missing: true })
        else this.setData({ error: friendlyMessage(err) })
      }
    },
  },
})
