// Turn a page rendered by miniprogram-simulate (jsdom) into a standalone HTML file a browser can
// screenshot: the page's compiled wxss (rpx as px: the page is 750px wide, shown at zoom 0.5 in a
// 375px viewport), app.wxss, stand-ins for the mini-program's built-in tags, the navigation bar and,
// on tab pages, the icon tab bar of app.json.
const fs = require('fs')
const path = require('path')
const wxss = require('miniprogram-simulate/src/wxss')

const ROOT = path.resolve(__dirname, '../..')
const APP = JSON.parse(fs.readFileSync(path.join(ROOT, 'app.json'), 'utf8'))

// What the WeChat runtime draws for its own tags, and Vant's look for the stubbed Vant components.
const BASE_CSS = `
html { zoom: 0.5; }
body { margin: 0; width: 750px; min-height: 1624px; background: ${APP.window.backgroundColor};
  font-family: "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", sans-serif; font-size: 32px; color: #323233; }
wx-view, wx-scroll-view, wx-picker, wx-button, van-field, van-empty, van-loading { display: block; }
wx-text, van-tag { display: inline; }
wx-input { display: block; height: 72px; line-height: 72px; padding: 0 20px; border: 2px solid #ebedf0; border-radius: 8px; color: #969799; }
wx-button { font-size: 32px; line-height: 2.6; text-align: center; border-radius: 10px; }
img { display: block; object-fit: cover; }
.nav { height: 176px; box-sizing: border-box; padding-top: 88px; background: ${APP.window.navigationBarBackgroundColor};
  color: #fff; text-align: center; font-size: 34px; font-weight: 600; line-height: 88px; }
.content { padding-bottom: 140px; }
.tabbar { position: fixed; left: 0; right: 0; bottom: 0; width: 750px; height: 132px; display: flex; background: #fff;
  border-top: 1px solid #ebedf0; }
.tab { flex: 1; text-align: center; font-size: 22px; color: ${APP.tabBar.color}; padding-top: 14px; }
.tab img { width: 54px; height: 54px; margin: 0 auto 4px; }
.tab--on { color: ${APP.tabBar.selectedColor}; }
.van-button { display: block; box-sizing: border-box; text-align: center; border-radius: 10px; border: 2px solid #ebedf0;
  background: #fff; color: #323233; font-size: 32px; height: 88px; line-height: 84px; padding: 0 30px; }
.van-button--small { height: 60px; line-height: 56px; font-size: 26px; display: inline-block; }
.van-button--normal { height: 72px; line-height: 68px; font-size: 28px; display: inline-block; }
.van-button--large { height: 96px; line-height: 92px; }
.van-button--primary { background: #1989fa; border-color: #1989fa; color: #fff; }
.van-button--danger { background: #ee0a24; border-color: #ee0a24; color: #fff; }
.van-button--plain { background: #fff; }
.van-button--primary.van-button--plain { color: #1989fa; }
.van-button--danger.van-button--plain { color: #ee0a24; }
.van-field { padding: 12px 0; font-size: 30px; min-height: 48px; line-height: 1.6; }
.van-field--textarea { min-height: 150px; }
.van-field__placeholder { color: #c8c9cc; }
.van-tag { font-size: 24px; padding: 2px 12px; border-radius: 6px; background: #969799; color: #fff; }
.van-tag--primary { background: #1989fa; } .van-tag--success { background: #07c160; }
.van-tag--warning { background: #ff976a; } .van-tag--danger { background: #ee0a24; }
.van-empty { text-align: center; color: #969799; padding: 120px 0 40px; font-size: 28px; }
.van-loading { text-align: center; color: #969799; font-size: 28px; }
`

function appCss() {
  return wxss.compile(fs.readFileSync(path.join(ROOT, 'app.wxss'), 'utf8'), { prefix: 'main' }).replace(/(\d+)rpx/g, '$1px')
}

/**
 * Replace <wx-image> (not drawn by a browser) with <img>. The simulator keeps `src` out of the DOM, so
 * our <image> tags repeat it as data-src; local temp files become file:// links.
 */
function withImages(html) {
  return html.replace(/<wx-image([^>]*?)data-src="([^"]*)"([^>]*)><\/wx-image>/g, (all, before, src, after) => {
    const url = /^(https?|file):/.test(src) ? src : `file://${src}`
    return `<img${before}src="${url}"${after}>`
  })
}

function tabBar(active) {
  const tabs = APP.tabBar.list.map((t, i) => {
    const icon = path.join(ROOT, i === active ? t.selectedIconPath : t.iconPath)
    return `<div class="tab ${i === active ? 'tab--on' : ''}"><img src="file://${icon}">${t.text}</div>`
  })
  return `<div class="tabbar">${tabs.join('')}</div>`
}

/**
 * The HTML of one screen: `page` a mounted simulate page, `id` what load() gave for it, `route` like
 * 'pages/feed/index'. Only that page's styles: every page's classes share the `main--` prefix.
 */
function frame(page, { id, route, title }) {
  const json = JSON.parse(fs.readFileSync(path.join(ROOT, `${route}.json`), 'utf8'))
  const active = APP.tabBar.list.findIndex((t) => t.pagePath === route)
  const styles = Array.from(document.head.querySelectorAll(`style#${id}`)).map((s) => s.textContent).join('\n')
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>${BASE_CSS}</style>
<style>${styles}</style><style>${appCss()}</style></head><body>
<div class="nav">${title || json.navigationBarTitleText || APP.window.navigationBarTitleText}</div>
<div class="content">${withImages(page.dom.innerHTML)}</div>${active >= 0 ? tabBar(active) : ''}</body></html>`
}

module.exports = { frame }
