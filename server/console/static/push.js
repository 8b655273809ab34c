// Push pages: audience preview, confirm prompts, live delivery figures. No inline script (CSP).
(function () {
  'use strict'
  var csrf = (document.querySelector('meta[name="csrf-token"]') || {}).content || ''

  function el(tag, text, cls) {
    var node = document.createElement(tag)
    if (text !== undefined) node.textContent = text
    if (cls) node.className = cls
    return node
  }

  function checked(form, name) {
    return Array.prototype.map.call(form.querySelectorAll('input[name="' + name + '"]:checked'), function (i) { return i.value })
  }

  function split(text) {
    return (text || '').split(/[,，、]/).map(function (s) { return s.trim() }).filter(Boolean)
  }

  function audience(form) {
    var out = { region_codes: checked(form, 'region_codes') }
    if (!form.querySelector('#kind')) return out
    var roles = checked(form, 'roles')
    if (roles.length) out.roles = roles
    var interests = split(form.interests.value)
    if (interests.length) out.interests = interests
    var disciplines = split(form.disciplines.value)
    if (disciplines.length) out.disciplines = disciplines
    if (form.max_age.value) out.max_age = parseInt(form.max_age.value, 10)
    if (form.active_since.value) out.active_since = form.active_since.value
    return out
  }

  function showPreview(box, data) {
    box.textContent = ''
    var unreachable = data.total - data.reachable
    var total = el('p', undefined, 'preview-total')
    total.appendChild(el('span', '可触达 ' + data.reachable + ' 人', 'reachable'))
    total.appendChild(el('span', '无法触达 ' + unreachable + ' 人', 'unreachable'))
    total.appendChild(el('span', '共覆盖 ' + data.total + ' 人', 'muted'))
    box.appendChild(total)
    if (data.total && !data.reachable) {
      box.appendChild(el('p', '所选地区没有可触达的用户（未关注公众号、也未订阅小程序消息）：发布后不会有人收到。', 'alert error'))
    } else if (unreachable) {
      box.appendChild(el('p', '无法触达：未关注公众号、也未订阅小程序消息的用户，收不到推送。', 'muted small'))
    }
    var table = el('table', undefined, 'data')
    var head = table.createTHead().insertRow()
    ;['地区', '可触达', '无法触达', '覆盖'].forEach(function (t) { head.appendChild(el('th', t)) })
    var body = table.createTBody()
    data.regions.forEach(function (r) {
      var row = body.insertRow()
      row.appendChild(el('td', r.name))
      row.appendChild(el('td', String(r.reachable), 'num'))
      row.appendChild(el('td', String(r.users - r.reachable), 'num'))
      row.appendChild(el('td', String(r.users), 'num'))
    })
    box.appendChild(table)
  }

  var previewButton = document.getElementById('preview-button')
  if (previewButton) {
    previewButton.addEventListener('click', function () {
      var form = previewButton.form
      var box = document.getElementById('preview')
      var people = audience(form)
      var body = form.querySelector('#kind') ? { kind: form.kind.value, audience: people } : { region_codes: people.region_codes }
      box.textContent = '统计中…'
      fetch(previewButton.dataset.preview, {
        method: 'POST', credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify(body)
      }).then(function (res) {
        return res.json().then(function (data) {
          if (!res.ok) throw new Error((data.error && data.error.message) || '预览失败')
          showPreview(box, data)
        })
      }).catch(function (err) { box.textContent = err.message })
    })
  }

  Array.prototype.forEach.call(document.querySelectorAll('[data-confirm], [data-confirm-red]'), function (button) {
    button.addEventListener('click', function (event) {
      var form = button.form
      if (form && !form.checkValidity()) return  // the browser names the missing field; ask nothing yet
      var severity = form && form.querySelector('select[name="severity"]')
      var red = button.dataset.confirmRed && severity && severity.value === 'red'
      if (red) {
        var box = form.querySelector('input[name="confirm_red"]')
        if (box && !box.checked) {
          event.preventDefault()
          window.alert('红色预警须再次确认：请先勾选确认项。')
          box.focus()
          return
        }
      }
      if (button.dataset.confirm && !window.confirm(button.dataset.confirm)) { event.preventDefault(); return }
      if (red && !window.confirm(button.dataset.confirmRed)) event.preventDefault()  // the second confirmation
    })
  })

  // The red confirmation box shows only while red is chosen.
  Array.prototype.forEach.call(document.querySelectorAll('select[name="severity"]'), function (select) {
    var label = select.form && select.form.querySelector('.red-confirm')
    if (!label) return
    var sync = function () { label.style.display = select.value === 'red' ? '' : 'none' }
    select.addEventListener('change', sync)
    sync()
  })

  function isFanning(notices) {
    return (notices || []).some(function (n) { return n.fanout_state === 'queued' || n.fanout_state === 'running' })
  }

  function deliveryState(t, status, fanning) {
    var queued = t.pending + t.sending
    if (status === 'cancelled') return '已撤销'
    if (fanning) return '正在生成推送名单…'
    if (queued) return '发送中…'
    if (!t.targeted) return '所选地区没有用户，没有发出推送'
    var tail = (t.unreachable ? '，' + t.unreachable + ' 人无法触达' : '') + (t.failed ? '，' + t.failed + ' 条发送失败' : '')
    if (!t.sent) return '已结束：没有人收到（' + tail.slice(1) + '）'
    return '已结束：' + t.sent + ' 人已收到' + tail
  }

  var delivery = document.getElementById('delivery')
  if (delivery) {
    var cells = ['targeted', 'queued', 'sent', 'failed', 'unreachable', 'cancelled']
    var fill = function (row, r) {
      var values = [r.targeted, r.pending + r.sending, r.sent, r.failed, r.unreachable, r.cancelled]
      values.forEach(function (v, i) { row.cells[i + 1].textContent = String(v) })
    }
    var refresh = function () {
      fetch(delivery.dataset.source, { credentials: 'same-origin' }).then(function (res) { return res.json() }).then(function (data) {
        var body = delivery.querySelector('tbody')
        body.textContent = ''
        data.regions.forEach(function (r) {
          var row = body.insertRow()
          row.dataset.region = r.region_code
          row.appendChild(el('td', r.name))
          cells.forEach(function () { row.appendChild(el('td', '', 'num')) })
          fill(row, r)
        })
        fill(document.getElementById('delivery-total'), data.totals)
        var t = data.totals
        var sums = { 'sum-sent': t.sent, 'sum-pending': t.pending + t.sending, 'sum-failed': t.failed,
          'sum-unreachable': t.unreachable, 'sum-targeted': t.targeted }
        Object.keys(sums).forEach(function (id) { document.getElementById(id).textContent = String(sums[id]) })
        var fanning = isFanning(data.notices)
        document.getElementById('delivery-state').textContent = deliveryState(t, data.status, fanning)
        var done = t.targeted ? (t.sent + t.failed + t.unreachable + t.cancelled) / t.targeted : 1
        document.getElementById('progress-bar').style.width = Math.round(done * 100) + '%'
        document.getElementById('delivery-updated').textContent = '更新于 ' + new Date().toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) + '（北京时间）'
        if ((fanning || done < 1) && data.status === 'active') setTimeout(refresh, 2000)
      }).catch(function () { setTimeout(refresh, 5000) })
    }
    refresh()
  }
})()
