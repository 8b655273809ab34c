// Issue 16 item 6: up to 3 photos on a need or question (wx.chooseMedia, compressed), uploaded after
// posting, shown on the post to those the backend lets see them.
const { load, mount, settle, tapButton, text, exists } = require('../helpers/mp')
const { installBackend, apiError } = require('../helpers/backend')
const { user, post, regionsRoute, signIn } = require('../helpers/fixtures')

let ids
beforeAll(() => { ids = { publish: load('pages/publish/index'), post: load('pages/post/index') } })

const chosen = (...paths) => jest.fn((o) => o.success({ tempFiles: paths.map((p) => ({ tempFilePath: p, fileType: 'image' })) }))

async function openPublish(routes = {}) {
  const backend = installBackend(Object.assign({ 'GET /api/v1/regions': regionsRoute }, routes))
  const page = mount(ids.publish)
  page.instance.onLoad({})
  page.instance.onShow()
  await settle()
  return { page, backend }
}

async function addPhotos(page, picker) {
  wx.chooseMedia = picker
  page.querySelector('.photo-add').dispatchEvent('tap')
  await settle()
}

test('photos are chosen compressed from camera or album, at most 3, and can be removed', async () => {
  signIn()
  const { page } = await openPublish()
  await addPhotos(page, chosen('wxfile://a.jpg', 'wxfile://b.jpg'))
  expect(wx.chooseMedia.mock.calls[0][0]).toMatchObject({
    count: 3, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'],
  })
  expect(wx.compressImage).toHaveBeenCalledTimes(2)
  expect(page.data.photos).toEqual(['wxfile://a-c.jpg', 'wxfile://b-c.jpg'])
  expect(page.querySelectorAll('.photo')).toHaveLength(2)

  await addPhotos(page, chosen('wxfile://c.jpg', 'wxfile://d.jpg'))
  expect(wx.chooseMedia.mock.calls[0][0].count).toBe(1) // only the room left
  expect(page.data.photos).toHaveLength(3)
  expect(exists(page, '.photo-add')).toBe(false)

  page.querySelectorAll('.photo-remove')[0].dispatchEvent('tap')
  await settle()
  expect(page.data.photos).toEqual(['wxfile://b-c.jpg', 'wxfile://c-c.jpg'])
  expect(exists(page, '.photo-add')).toBe(true)
})

test('after posting, each photo is uploaded to the new post; a failed one is reported', async () => {
  signIn()
  let uploads = 0
  const { page, backend } = await openPublish({
    'POST /api/v1/posts': () => ({ status: 201, body: { post: post({ id: 77 }) } }),
    'POST /api/v1/posts/:id/photos': () => {
      uploads += 1
      return uploads === 2 ? { transportError: 'uploadFile:fail' } : { status: 201, body: { photo: { id: uploads, check: 'pending', url: 'u' } } }
    },
  })
  await addPhotos(page, chosen('wxfile://a.jpg', 'wxfile://b.jpg'))
  page.querySelector('.body-field').instance.input('家里李子树叶子发黄卷边，想找专家看看')
  page.querySelector('.region').instance.onChange({ detail: { value: [0, 0, 0] } })
  page.querySelector('.agree-box').dispatchEvent('tap')
  await settle()
  tapButton(page, '.submit')
  await settle(10)
  const sent = backend.callsTo('POST', '/api/v1/posts/77/photos')
  expect(sent.map((c) => c.data)).toEqual([{ name: 'file', filePath: 'wxfile://a-c.jpg' }, { name: 'file', filePath: 'wxfile://b-c.jpg' }])
  expect(sent[0].header.Authorization).toBe('Bearer tok-1')
  expect(text(page, '.done-title')).toBe('发布成功')
  expect(text(page, '.photo-failures')).toBe('有 1 张照片没有传上去，网络好时可以再发一次')
})

test('an offer has no photos', async () => {
  signIn(user({ role: 'scientist' }))
  const { page } = await openPublish()
  expect(page.data.kind).toBe('offer')
  expect(exists(page, '.photos')).toBe(false)
})

test('the poster sees their photos with the check state; a tap previews them', async () => {
  signIn()
  installBackend({
    'GET /api/v1/posts/:id': () => ({ post: post() }),
    'GET /api/v1/posts/:id/progress': () => ({ progress: { status: 'published', stages: [], events: [] } }),
    'GET /api/v1/posts/:id/matches': () => ({ matches: [] }),
    'GET /api/v1/posts/:id/photos': () => ({
      photos: [
        { id: 1, check: 'pass', url: 'https://img.example/1.jpg' },
        { id: 2, check: 'pending', url: 'https://img.example/2.jpg' },
        { id: 3, check: 'risky', url: null },
      ],
    }),
  })
  const page = mount(ids.post)
  await page.instance.onLoad({ id: '42' })
  await settle()
  expect(page.querySelectorAll('.post-photo')).toHaveLength(3)
  expect(page.querySelectorAll('.post-photo-note').map((n) => n.dom.textContent)).toEqual(['安全检查中，仅您可见', '未通过安全检查，已隐藏'])
  page.querySelectorAll('.post-photo-img')[1].dispatchEvent('tap')
  await settle()
  expect(wx.previewImage).toHaveBeenCalledWith({ urls: ['https://img.example/1.jpg', 'https://img.example/2.jpg'], current: 'https://img.example/2.jpg' })
})

test('someone the backend does not show photos to sees none', async () => {
  signIn(user({ id: 2 }))
  installBackend({
    'GET /api/v1/posts/:id': () => ({ post: post({ author_id: 1 }) }),
    'GET /api/v1/posts/:id/matches': () => apiError(404, 'not_found', '内容不存在或无权查看'),
    'GET /api/v1/posts/:id/photos': () => apiError(404, 'not_found', '内容不存在或无权查看'),
  })
  const page = mount(ids.post)
  await page.instance.onLoad({ id: '42' })
  await settle()
  expect(exists(page, '.post-photos')).toBe(false)
})
