// wx.showModal as a promise of true (confirmed) / false.
function confirm({ title, content, confirmText = '确定', cancelText = '取消' }) {
  return new Promise((resolve) => {
    wx.showModal({
      title, content, confirmText, cancelText,
      success: (res) => resolve(Boolean(res && res.confirm)),
      fail: () => resolve(false),
    })
  })
}

module.exports = { confirm }
