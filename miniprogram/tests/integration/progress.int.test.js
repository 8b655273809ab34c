// Issue 16 against the REAL backend and WeChat sandbox: a campaign code's region becomes the person's,
// a region outside 四川 is refused, and a staff action on the ticket shows on the poster's progress and
// reaches them as a post_progress subscribe message in the sandbox outbox.
// Needs KJY_API_BASE and KJY_SANDBOX_BASE (scripts/test-miniprogram.sh sets both).
const config = require('../../config')
const api = require('../../api/index')
const session = require('../../api/session')
const { createNodeWx } = require('./node-wx')

const BASE = process.env.KJY_API_BASE
const SANDBOX = process.env.KJY_SANDBOX_BASE
const PROGRESS_TEMPLATE = config.subscribeTemplates[0].id
const JIANGAN = '511523' // 江安县, 宜宾市

const suite = BASE ? describe : describe.skip

/** Log in another sandbox person (admin, concierge) straight over HTTP; return their bearer header. */
async function bearer(name) {
  const res = await fetch(`${BASE}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: `sandbox-${name}` }),
  })
  expect(res.status).toBe(200)
  return { authorization: `Bearer ${(await res.json()).token}`, 'content-type': 'application/json' }
}

async function call(headers, method, path, body) {
  const res = await fetch(`${BASE}${path}`, { method, headers, body: body ? JSON.stringify(body) : undefined })
  return { status: res.status, body: await res.json() }
}

/** Poll the sandbox outbox (no fixed sleep: each round is one HTTP answer) until a message matches. */
async function outboxMessage(touser, matches, { within = 30000 } = {}) {
  const endpoint = 'cgi-bin/message/subscribe/send'
  const deadline = Date.now() + within
  while (Date.now() < deadline) {
    const url = `${SANDBOX}/_sandbox/outbox?endpoint=${encodeURIComponent(endpoint)}&touser=${encodeURIComponent(touser)}`
    const { messages } = await (await fetch(url)).json()
    const found = messages.find(matches)
    if (found) return found
    await new Promise((resolve) => setImmediate(resolve))
  }
  throw new Error(`no matching ${endpoint} to ${touser} in the sandbox outbox`)
}

suite(`issue 16 against ${BASE || 'an unset KJY_API_BASE'}`, () => {
  const name = `mp-scan-${Date.now().toString(36)}`
  let campaign

  beforeAll(async () => {
    expect(SANDBOX).toBeTruthy()
    const admin = await bearer('sckx-admin')
    const made = await call(admin, 'POST', '/api/v1/admin/campaigns', { region_code: JIANGAN, note: '江安县科普宣传' })
    expect(made.status).toBe(201)
    campaign = made.body.campaign
    // What the entry page does on a scan: remember the scene, then log in with it.
    global.wx = createNodeWx({ name })
    config.apiBase = BASE
    session.rememberCampaign(campaign.scene)
    await api.login()
  })

  test("scanning a campaign code makes its region the person's, which the publish form opens at", async () => {
    const user = session.getUser()
    expect(user).toMatchObject({ region_code: JIANGAN, campaign_id: campaign.id })
    const path = await api.getRegionPath(user.region_code)
    expect(path.map((r) => r.name).join(' / ')).toBe('四川省 / 宜宾市 / 江安县')
  })

  test('a region outside 四川 is refused with a clear message on the region field', async () => {
    const err = await api.createPost({
      kind: 'question', title: '北京的雾霾天怎么防护', body: '孩子上学路上要注意什么，口罩怎么选比较好。', region_code: '110101',
    }).catch((e) => e)
    expect(err).toMatchObject({ status: 422, field: 'region_code', serverMessage: '本平台只服务四川省，请选择四川省内的地区' })
  })

  test("a staff action moves the poster's progress and sends a post_progress message", async () => {
    // Grants for the no-expert notice matching may send first, and for the stage change.
    for (let i = 0; i < 3; i += 1) await api.reportSubscriptions({ [PROGRESS_TEMPLATE]: 'accept' })
    const created = await api.createPost({
      kind: 'need', title: '江安竹林笋用竹施肥方案', body: '家里有三十亩竹林，想提高竹笋产量，不知道什么时候施肥、施什么肥。',
      region_code: session.getUser().region_code,
    })
    const post = await api.getPost(created.id)
    expect(post.ticket_id).toEqual(expect.any(Number))

    const staff = await bearer('staff-yibin')
    const moved = await call(staff, 'POST', `/api/v1/staff/tickets/${post.ticket_id}/advance`,
      { to: 'contacted', note: '已联系宜宾市林业专家' })
    expect(moved.status).toBe(200)

    const progress = await api.getProgress(created.id)
    expect(progress.status_text).toBe('已对接')
    expect(progress.stages.filter((s) => s.current).map((s) => s.label)).toEqual(['已对接'])
    expect(progress.stages.find((s) => s.status === 'contacted').at).toEqual(expect.any(String))
    expect(progress.events.map((e) => e.note)).toContain('已联系宜宾市林业专家')

    const message = await outboxMessage(`sandbox-${name}`, (m) => m.payload.template_id === PROGRESS_TEMPLATE
      && m.payload.data.phrase2 && m.payload.data.phrase2.value === '已对接')
    expect(message.payload.page).toBe(`pages/post/index?id=${created.id}`)
    expect(message.payload.data.thing1.value).toBe('江安竹林笋用竹施肥方案')
  })
})
