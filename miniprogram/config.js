// Runtime settings of the mini-program. Change apiBase per environment (DevTools: 详情 → 本地设置 →
// 不校验合法域名 when pointing at a local backend).
module.exports = {
  apiBase: 'http://127.0.0.1:8000',
  requestTimeout: 15000,
  // Subscribe-message templates from the MP console (订阅消息), one per backend message kind. All one-time:
  // each accepted ask allows one message. These ids are the backend's sandbox defaults
  // (templates/messages/*.toml); in production put the real ids here and in the backend's
  // WECHAT_TPL_<KIND>_MP settings. `post_progress` stays first (the live-backend suite relies on it).
  subscribeTemplates: [
    { kind: 'post_progress', id: 'sandbox-tpl-post-progress-mp', name: '服务进度提醒', desc: '您的需求或问题对接到哪一步' },
    { kind: 'concierge_message', id: 'sandbox-tpl-concierge-message-mp', name: '科服保姆回复', desc: '科服保姆给您留言时提醒' },
    { kind: 'emergency_alert', id: 'sandbox-tpl-emergency-alert-mp', name: '应急预警', desc: '您所在地区的灾害预警和防范提示' },
    { kind: 'article_push', id: 'sandbox-tpl-article-push-mp', name: '科普推送', desc: '为您挑选的科普文章' },
    { kind: 'match_found', id: 'sandbox-tpl-match-found-mp', name: '匹配结果通知', desc: '有需求匹配到您的服务', roles: ['scientist'] },
    { kind: 'match_digest', id: 'sandbox-tpl-match-digest-mp', name: '每日匹配汇总', desc: '当天其余的匹配，晚上一条汇总', roles: ['scientist'] },
    { kind: 'award_call', id: 'sandbox-tpl-award-call-mp', name: '奖项申报通知', desc: '您符合条件的科技奖项申报', roles: ['scientist'] },
  ],
  // Which notices to ask for at which moment (at most 3 per ask, WeChat's limit).
  subscribeMoments: {
    posted: ['post_progress', 'concierge_message'], // after posting a need or question
    offerPosted: ['match_found', 'match_digest'], // after a scientist posts an offer
    feed: ['emergency_alert'], // on the feed: emergencies for my region
  },
  // The official account people bind to for concierge chat and template messages.
  officialAccountName: '四川科协',
  // Its original id (gh_…, 公众号设置 → 原始 ID) for wx.openOfficialAccountProfile, and an article of the
  // account (e.g. its 绑定说明) for wx.openOfficialAccountArticle where the profile cannot be opened.
  officialAccountId: 'gh_kjy',
  officialAccountArticle: '',
}
