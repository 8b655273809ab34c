// One science article.
const api = require('../../api/index')
const { formatDate } = require('../../utils/time')

Component({
  data: { article: null, paragraphs: [], date: '', failed: false },
  methods: {
    async onLoad(query) {
      try {
        const article = await api.getArticle(query && query.id)
        this.setData({
          article,
          date: formatDate(article.published_at),
          paragraphs: String(article.body || article.summary || '').split('\n').filter((line) => line.trim()),
        })
      } catch (err) {
        this.setData({ failed: true })
      }
    },
  },
})
