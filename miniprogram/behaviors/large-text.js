// Large-text mode (大字模式) for pages: `large` in the page's data while the person turned it on, which the
// page's root class (`page--large`) reads; body text is then at least 36rpx. Pages that stay alive (the
// tabs) call applyTextSize() again in onShow, after a change on 我的.
const prefs = require('../utils/prefs')

module.exports = Behavior({
  data: { large: false },
  lifetimes: {
    attached() {
      this.applyTextSize()
    },
  },
  methods: {
    applyTextSize() {
      const large = prefs.isLargeText()
      if (large !== this.data.large) this.setData({ large })
    },
  },
})
