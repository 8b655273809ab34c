// Load and mount our pages/components with miniprogram-simulate (official wcc compiler).
const fs = require('fs')
const path = require('path')
const simulate = require('miniprogram-simulate')
const { vantStubs } = require('./vant')

const ROOT = path.resolve(__dirname, '../..')

// Compile only our own templates (not a locally built miniprogram_npm/).
function wxmlList() {
  const out = []
  const walk = (dir) => fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).forEach((entry) => {
    const rel = `${dir}/${entry.name}`
    if (entry.isDirectory()) walk(rel)
    else if (entry.name.endsWith('.wxml')) out.push(rel)
  })
  walk('pages')
  walk('components')
  return out
}

/** Load a page or component by its path from the project root, e.g. 'pages/publish/index'. */
function load(rel) {
  const options = { rootPath: ROOT, usingComponents: vantStubs(), compilerOptions: { wxmlList: wxmlList(), wxsList: [] } }
  // simulate runs each component's js with require() and then deletes it from require.cache, which
  // jest's module registry ignores: a component shared by two pages loaded in one test file would
  // run (call Component()) only once. A fresh registry per load runs each file every time.
  let id
  jest.isolateModules(() => { id = simulate.load(path.join(ROOT, rel), options) })
  return id
}

/** Render and attach; returns the simulate wrapper. */
function mount(id, props) {
  const comp = simulate.render(id, props || {})
  comp.attach(document.createElement('parent-wrapper'))
  return comp
}

/** Let queued timers and promise chains settle. */
async function settle(rounds = 5) {
  for (let i = 0; i < rounds; i += 1) await simulate.sleep(0)
}

/** Tap a Vant button stub (found by class inside `root`). */
function tapButton(root, selector) {
  const button = root.querySelector(selector)
  if (!button) throw new Error(`no button ${selector}`)
  button.querySelector('.van-button').dispatchEvent('tap')
}

/** Find an element; an array of selectors steps into nested components ('.region', '.value'). */
function find(root, selector) {
  const steps = Array.isArray(selector) ? selector : [selector]
  let node = root
  for (const step of steps) {
    node = node && node.querySelector(step)
  }
  return node || null
}

/** Text content of the element (see find), or null when absent. */
function text(root, selector) {
  const node = find(root, selector)
  return node ? node.dom.textContent.trim() : null
}

/** Whether the element (see find) is rendered. */
function exists(root, selector) {
  return Boolean(find(root, selector))
}

module.exports = { load, mount, settle, tapButton, find, text, exists, ROOT }
