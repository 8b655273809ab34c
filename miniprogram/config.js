// Runtime settings of the mini-program. Change apiBase per environment (DevTools: 详情 → 本地设置 →
// 不校验合法域名 when pointing at a local backend).
module.exports = {
  apiBase: 'http://127.0.0.1:8000',
  requestTimeout: 15000,
  // Subscribe-message template ids from the MP console (订阅消息). At most 3 per request, all one-time.
  // These are the backend's sandbox defaults (templates/messages/*.toml); in production put the real
  // ids here and in the backend's WECHAT_TPL_POST_PROGRESS_MP / WECHAT_TPL_MATCH_FOUND_MP settings.
  subscribeTemplates: [
    { id: 'sandbox-tpl-post-progress-mp', name: '服务进度提醒' },
    { id: 'sandbox-tpl-match-found-mp', name: '匹配结果通知' },
  ],
  // The official account people bind to for concierge chat and template messages.
  officialAccountName: '四川科协',
}
