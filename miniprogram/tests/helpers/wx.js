// Boundary stubs for wx.*: storage in memory, wx.login, toasts, navigation, subscribe permission.
// wx.request is answered by the fake backend (backend.js). Our own modules are never mocked.

function installWx() {
  const store = new Map()
  const stubs = {
    getStorageSync: jest.fn((key) => (store.has(key) ? JSON.parse(store.get(key)) : '')),
    setStorageSync: jest.fn((key, value) => { store.set(key, JSON.stringify(value)) }),
    removeStorageSync: jest.fn((key) => { store.delete(key) }),
    login: jest.fn((o) => setTimeout(() => o.success({ code: 'wx-code-1', errMsg: 'login:ok' }), 0)),
    showToast: jest.fn(),
    showModal: jest.fn((o) => setTimeout(() => o.success && o.success({ confirm: true, cancel: false }), 0)),
    switchTab: jest.fn(),
    navigateTo: jest.fn(),
    redirectTo: jest.fn(),
    stopPullDownRefresh: jest.fn(),
    requestSubscribeMessage: jest.fn(),
    openSetting: jest.fn(),
    previewImage: jest.fn(),
    chooseMedia: jest.fn((o) => o.fail({ errMsg: 'chooseMedia:fail cancel' })),
    compressImage: jest.fn((o) => o.success({ tempFilePath: o.src.replace('.jpg', '-c.jpg') })),
    request: jest.fn(() => { throw new Error('no backend installed for this test') }),
  }
  Object.assign(global.wx, stubs)
  return { store, wx: global.wx }
}

/** The toast titles shown so far. */
function toasts() {
  return global.wx.showToast.mock.calls.map((call) => call[0].title)
}

module.exports = { installWx, toasts }
