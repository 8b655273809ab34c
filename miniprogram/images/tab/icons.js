// Source of the tab bar icons (81×81 PNG, grey and blue): SVG paths drawn by scripts/tab-icons.sh with
// headless Chromium. WeChat's tabBar takes only PNG/JPG icons, at most 40 KB each.
const ICONS = {
  // 科普: an open book
  feed: '<path d="M12 20c9-4 19-4 28 2v42c-9-6-19-6-28-2z M69 20c-9-4-19-4-28 2v42c9-6 19-6 28-2z" fill="none" stroke="C" stroke-width="5" stroke-linejoin="round"/>',
  // 发布: a pencil over a sheet
  publish: '<rect x="14" y="14" width="44" height="54" rx="6" fill="none" stroke="C" stroke-width="5"/><path d="M40 52l26-26 7 7-26 26-10 3z" fill="C"/>',
  // 我的发布: a list
  posts: '<rect x="12" y="12" width="57" height="57" rx="8" fill="none" stroke="C" stroke-width="5"/><path d="M26 30h30M26 42h30M26 54h20" stroke="C" stroke-width="5" stroke-linecap="round"/>',
  // 我的: a person
  me: '<circle cx="40.5" cy="28" r="13" fill="none" stroke="C" stroke-width="5"/><path d="M15 70c2-15 13-23 25.5-23S64 55 66 70" fill="none" stroke="C" stroke-width="5" stroke-linecap="round"/>',
}
const COLOURS = { '': '#646566', '-active': '#1989fa' }

/** Write one HTML page per icon and colour into dir; return their base names. */
function writePages(dir) {
  const fs = require('fs')
  const path = require('path')
  const names = []
  Object.keys(ICONS).forEach((name) => Object.keys(COLOURS).forEach((suffix) => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="81" height="81" viewBox="0 0 81 81">${ICONS[name].replace(/"C"/g, `"${COLOURS[suffix]}"`)}</svg>`
    fs.writeFileSync(path.join(dir, `${name}${suffix}.html`), `<html><body style="margin:0;background:transparent">${svg}</body></html>`)
    names.push(`${name}${suffix}`)
  }))
  return names
}

if (require.main === module) process.stdout.write(writePages(process.argv[2]).join('\n'))
module.exports = { ICONS, writePages }
