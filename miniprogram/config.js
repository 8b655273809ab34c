// Runtime settings of the mini-program. Change apiBase per environment (DevTools: 详情 → 本地设置 →
// 不校验合法域名 when pointing at a local backend).
module.exports = {
  apiBase: 'http://127.0.0.1:8000',
  requestTimeout: 15000,
  // Subscribe-message template ids from the MP console (订阅消息). At most 3 per request, all one-time.
  subscribeTemplates: [
    { id: 'TMPL_POST_PROGRESS', name: '服务进度提醒' },
    { id: 'TMPL_MATCH_FOUND', name: '匹配结果通知' },
  ],
  // The official account people bind to for concierge chat and template messages.
  officialAccountName: '四川科协',
}
