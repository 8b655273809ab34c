// The user agreement and privacy policy, readable by anyone (also before logging in or posting);
// opened from the publish form with ?accept=1 it ends with 同意并继续.
const prefs = require('../../utils/prefs')
const largeText = require('../../behaviors/large-text')
const { TERMS } = require('../../utils/terms')

Component({
  behaviors: [largeText],
  data: { terms: TERMS, accepting: false, agreed: false, version: prefs.TERMS_VERSION },
  methods: {
    onLoad(query) {
      this.setData({ accepting: Boolean(query && query.accept), agreed: prefs.hasAgreed() })
    },
    accept() {
      prefs.agree()
      this.setData({ agreed: true })
      wx.navigateBack({ delta: 1 })
    },
  },
})
