// Choosing photos for a need or question: wx.chooseMedia (images, compressed), then wx.compressImage to
// keep uploads small on a rural connection; a photo the phone cannot compress is sent as chosen.
const MAX_PHOTOS = 3
const QUALITY = 70

function compress(path) {
  return new Promise((resolve) => {
    if (!wx.compressImage) { resolve(path); return }
    wx.compressImage({ src: path, quality: QUALITY, success: (res) => resolve(res.tempFilePath || path), fail: () => resolve(path) })
  })
}

/** Let the person pick up to `room` photos (camera or album); resolve with compressed local paths ([] if cancelled). */
function choosePhotos(room) {
  if (room <= 0) return Promise.resolve([])
  return new Promise((resolve) => {
    wx.chooseMedia({
      count: Math.min(room, MAX_PHOTOS),
      mediaType: ['image'],
      sizeType: ['compressed'],
      sourceType: ['album', 'camera'],
      success: (res) => resolve((res.tempFiles || []).map((f) => f.tempFilePath).filter(Boolean)),
      fail: () => resolve([]),
    })
  }).then((paths) => Promise.all(paths.slice(0, room).map(compress)))
}

module.exports = { MAX_PHOTOS, choosePhotos }
