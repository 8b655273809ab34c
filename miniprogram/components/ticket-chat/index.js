// The ticket chat with the concierge (科服保姆): who they are, the messages, and a box to write.
const api = require('../../api/index')
const { eventValue } = require('../../utils/event')
const { formatTime } = require('../../utils/time')
const { friendlyMessage } = require('../../api/errors')

const MAX_TEXT = 500

function toRow(message, conciergeName) {
  const mine = message.sender === 'poster'
  return {
    id: message.id,
    mine,
    who: mine ? '我' : conciergeName || '科服保姆',
    text: message.text,
    time: formatTime(message.at),
  }
}

Component({
  properties: {
    large: { type: Boolean, value: false }, // 大字模式 (behaviors/large-text.js)
    ticketId: { type: null, value: null },
  },
  data: { ticket: null, concierge: '', rows: [], text: '', sending: false, loaded: false, lastId: '', error: '' },
  observers: {
    ticketId(ticketId) {
      if (ticketId) this.load()
    },
  },
  methods: {
    async load() {
      const ticketId = this.data.ticketId
      this.setData({ error: '' })
      try {
        const [ticket, messages] = await Promise.all([api.getTicket(ticketId), api.listMessages(ticketId)])
        const concierge = (ticket && ticket.concierge && ticket.concierge.name) || ''
        this.setData({ ticket, concierge, loaded: true })
        this.showMessages(messages)
      } catch (err) {
        // Not "no messages yet": say the load failed and offer 重试.
        this.setData({ error: friendlyMessage(err) })
      }
    },
    showMessages(messages) {
      const rows = messages.map((m) => toRow(m, this.data.concierge))
      this.setData({ rows, lastId: rows.length ? `m${rows[rows.length - 1].id}` : '' })
    },
    onInput(e) {
      this.setData({ text: eventValue(e) })
    },
    async send() {
      const text = (this.data.text || '').trim()
      if (!text || this.data.sending) return
      if (text.length > MAX_TEXT) {
        wx.showToast({ title: `一次最多 ${MAX_TEXT} 个字`, icon: 'none' })
        return
      }
      this.setData({ sending: true })
      try {
        const sent = await api.sendMessage(this.data.ticketId, text)
        const message = sent && sent.id ? sent : { id: `local${Date.now()}`, sender: 'poster', text, at: new Date().toISOString() }
        const rows = this.data.rows.concat(toRow(message, this.data.concierge))
        this.setData({ rows, text: '', lastId: `m${message.id}` })
      } catch (err) {
        // Toast shown by the request wrapper; the text stays in the box to retry.
      }
      this.setData({ sending: false })
    },
  },
})
