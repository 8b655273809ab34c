// App shell. Pages are built with Component() (testable in miniprogram-simulate) and never call
// getApp(): shared state lives in api/session.js (wx storage).
App({
  onLaunch() {
    if (!wx.getUpdateManager) return
    const manager = wx.getUpdateManager()
    manager.onUpdateReady(() => {
      wx.showModal({
        title: '发现新版本',
        content: '新版本已准备好，是否重启使用？',
        success: (res) => { if (res.confirm) manager.applyUpdate() },
      })
    })
  },
})
