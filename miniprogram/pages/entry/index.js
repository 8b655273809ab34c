// Landing page of every mini-program code: decode the scene, log in silently, then go on —
// to the posting form when a code brought the person here, to the science feed otherwise.
const api = require('../../api/index')
const session = require('../../api/session')
const { friendlyMessage } = require('../../api/errors')
const { decodeScene, parseSceneParams } = require('../../utils/scene')

const PUBLISH = '/pages/publish/index'
const FEED = '/pages/feed/index'

Component({
  data: { failed: false, fromCode: false },
  methods: {
    onLoad(query) {
      this.query = query || {}
      const scene = decodeScene(this.query)
      if (scene) session.rememberCampaign(scene, parseSceneParams(scene))
      this.setData({ fromCode: Boolean(scene) })
      return this.enter()
    },
    async enter() {
      this.setData({ failed: false })
      try {
        await api.login()
      } catch (err) {
        this.setData({ failed: true })
        wx.showToast({ title: friendlyMessage(err), icon: 'none' })
        return
      }
      wx.switchTab({ url: this.data.fromCode ? PUBLISH : FEED })
    },
    retry() {
      return this.enter()
    },
  },
})
