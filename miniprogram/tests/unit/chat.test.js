// The ticket chat with the concierge: who they are, reading and sending messages.
const { load, mount, settle, tapButton, text } = require('../helpers/mp')
const { installBackend, apiError } = require('../helpers/backend')
const { toasts } = require('../helpers/wx')
const { signIn } = require('../helpers/fixtures')

let id
beforeAll(() => { id = load('components/ticket-chat/index') })

const MESSAGES = [
  { id: 1, sender: 'concierge', text: '您好，我是您的科服保姆，已联系到专家。', at: '2024-10-02T02:00:00+00:00' },
  { id: 2, sender: 'poster', text: '好的，谢谢！', at: '2024-10-02T02:05:00+00:00' },
]

async function open(routes = {}) {
  const backend = installBackend(Object.assign({
    'GET /api/v1/tickets/:id': () => ({ ticket: { id: 12, status: 'contacted', concierge: { name: '李娟' }, post_id: 42 } }),
    'GET /api/v1/tickets/:id/messages': () => ({ messages: MESSAGES }),
  }, routes))
  const chat = mount(id, { ticketId: 12 })
  await settle()
  return { chat, backend }
}

const bubbles = (chat) => chat.querySelectorAll('.bubble').map((b) => b.dom.textContent)
const who = (chat) => chat.querySelectorAll('.who').map((b) => b.dom.textContent.split(' ')[0])

test('shows the concierge and the conversation', async () => {
  signIn()
  const { chat } = await open()
  expect(text(chat, '.concierge-name')).toBe('李娟')
  expect(bubbles(chat)).toEqual(['您好，我是您的科服保姆，已联系到专家。', '好的，谢谢！'])
  expect(who(chat)).toEqual(['李娟', '我'])
  expect(chat.querySelectorAll('.message--mine')).toHaveLength(1)
})

test('sending posts the text, appends it and clears the box', async () => {
  signIn()
  const { chat, backend } = await open({
    'POST /api/v1/tickets/:id/messages': (req) => ({
      status: 201, body: { message: { id: 3, sender: 'poster', text: req.data.text, at: '2024-10-02T03:00:00+00:00' } },
    }),
  })
  chat.querySelector('.input').instance.input('  专家什么时候能来现场？ ')
  tapButton(chat, '.send')
  await settle()
  expect(backend.callsTo('POST', '/api/v1/tickets/12/messages')[0].data).toEqual({ text: '专家什么时候能来现场？' })
  expect(bubbles(chat)[2]).toBe('专家什么时候能来现场？')
  expect(chat.data.text).toBe('')
  expect(chat.data.lastId).toBe('m3')
})

test('an empty message is not sent', async () => {
  signIn()
  const { chat, backend } = await open()
  chat.querySelector('.input').instance.input('   ')
  tapButton(chat, '.send')
  await settle()
  expect(backend.callsTo('POST', '/api/v1/tickets/12/messages')).toHaveLength(0)
})

test('a failed send keeps the text for another try', async () => {
  signIn()
  const { chat } = await open({ 'POST /api/v1/tickets/:id/messages': () => apiError(409, 'conflict', '服务单已关闭，无法留言') })
  chat.querySelector('.input').instance.input('还在吗？')
  tapButton(chat, '.send')
  await settle()
  expect(toasts()).toEqual(['服务单已关闭，无法留言'])
  expect(chat.data.text).toBe('还在吗？')
  expect(bubbles(chat)).toHaveLength(2)
})
