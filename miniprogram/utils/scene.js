// Mini-program code scenes: WeChat hands `scene` URL-encoded in the page query (WECHAT.md §5.2).

// The backend accepts what getwxacodeunlimit accepts: <= 32 visible chars from this set.
const SCENE_RE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/

/** Return the decoded scene of a page query, or '' when absent or malformed. */
function decodeScene(query) {
  const raw = query && query.scene
  if (raw === undefined || raw === null || raw === '') return ''
  let scene
  try {
    scene = decodeURIComponent(String(raw)).trim()
  } catch (err) {
    return '' // a broken %-sequence: not one of our codes
  }
  return SCENE_RE.test(scene) ? scene : ''
}

/** Parse a `k=v&k2=v2` scene into an object; an opaque scene gives {}. */
function parseSceneParams(scene) {
  const params = {}
  if (!scene || scene.indexOf('=') < 0) return params
  scene.split('&').forEach((pair) => {
    const at = pair.indexOf('=')
    if (at > 0) params[pair.slice(0, at)] = pair.slice(at + 1)
  })
  return params
}

module.exports = { decodeScene, parseSceneParams, SCENE_RE }
