// The posting form. Citizens and organisations start with 您遇到了什么问题？; the kind (请专家帮忙解决 /
// 想弄明白一个问题) is guessed from their words and a title suggested, both changeable. Scientists and
// staff choose the kind first. Every change is kept as a draft; after posting, a tap asks for notices.
const api = require('../../api/index')
const session = require('../../api/session')
const draft = require('../../utils/draft')
const subscribe = require('../../utils/subscribe')
const config = require('../../config')
const { LIMITS, validatePost, fieldKey } = require('../../utils/validate')
const { KIND_LABELS, KINDS_BY_ROLE, KIND_HINTS, PLAIN_KINDS, QUESTION_FIRST_ROLES, OFFER_TYPES } = require('../../utils/labels')
const { inferKind, suggestTitle } = require('../../utils/infer')
const { eventValue, dataset } = require('../../utils/event')
const prefs = require('../../utils/prefs')
const { MAX_PHOTOS, choosePhotos } = require('../../utils/photos')
const largeText = require('../../behaviors/large-text')

const FORM_FIELDS = ['kind', 'offer_type', 'title', 'body', 'region_code', 'tags']
const EMPTY_FORM = { title: '', body: '', tags: [], photos: [], titleLength: 0, bodyLength: 0, errors: {} }

const isQuestionFirst = (role) => QUESTION_FIRST_ROLES.includes(role || 'citizen')

function kindsFor(role) {
  const plain = isQuestionFirst(role)
  const values = plain ? ['need', 'question'] : KINDS_BY_ROLE[role] || KINDS_BY_ROLE.citizen
  return values.map((value) => ({
    value,
    label: plain ? PLAIN_KINDS[value].label : KIND_LABELS[value],
    desc: plain ? PLAIN_KINDS[value].desc : KIND_HINTS[value].desc,
  }))
}

Component({
  behaviors: [largeText],
  data: Object.assign({
    role: 'citizen', kinds: kindsFor('citizen'), kind: 'need', hints: KIND_HINTS.need,
    questionFirst: true, kindChosen: false, titleTouched: false, guessed: false,
    offerTypes: OFFER_TYPES, offerType: 'service', regionCode: '', regionLabel: '',
    limits: LIMITS, maxPhotos: MAX_PHOTOS, submitting: false, posted: null, subscribed: '', fromCampaign: false, agreed: false,
  }, EMPTY_FORM),
  methods: {
    onLoad() {
      this.restore()
    },
    onShow() {
      this.applyTextSize()
      // The role may have changed on the profile page since the form was opened.
      const user = session.getUser()
      if (user && user.role !== this.data.role) this.applyRole(user.role, this.data.kind)
      this.setData({ fromCampaign: Boolean(session.activeCampaign()), agreed: prefs.hasAgreed() })
    },
    restore() {
      const user = session.getUser() || {}
      const saved = draft.loadDraft() || {}
      this.idempotencyKey = saved.idempotencyKey || ''
      const title = saved.title || ''
      const body = saved.body || ''
      this.setData({
        title, body, titleLength: title.length, bodyLength: body.length, tags: saved.tags || [], photos: saved.photos || [],
        offerType: saved.offerType || 'service',
        kindChosen: Boolean(saved.kindChosen), titleTouched: Boolean(saved.titleTouched),
        regionCode: saved.regionCode || '', regionLabel: saved.regionLabel || '',
      })
      this.applyRole(user.role || 'citizen', saved.kind)
      if (!saved.regionCode && user.region_code) this.presetRegion(user.region_code)
    },
    applyRole(role, preferred) {
      const kinds = kindsFor(role)
      // Describing a problem first: unless told otherwise, expect a need (see utils/infer.js).
      const fallback = isQuestionFirst(role) && kinds.some((k) => k.value === 'need') ? 'need' : kinds[0].value
      const kind = kinds.some((k) => k.value === preferred) ? preferred : fallback
      this.setData({ role, kinds, kind, hints: KIND_HINTS[kind], questionFirst: isQuestionFirst(role) })
    },
    async presetRegion(code) {
      try {
        const path = await api.getRegionPath(code)
        if (path.length && !this.data.regionCode) {
          this.setData({ regionCode: code, regionLabel: path.map((r) => r.name).join(' / ') })
        }
      } catch (err) {
        // Leave the picker empty: the person chooses.
      }
    },
    persist() {
      const saved = draft.saveDraft({
        kind: this.data.kind, kindChosen: this.data.kindChosen, titleTouched: this.data.titleTouched,
        offerType: this.data.offerType, title: this.data.title, body: this.data.body,
        regionCode: this.data.regionCode, regionLabel: this.data.regionLabel, tags: this.data.tags, photos: this.data.photos,
        idempotencyKey: this.idempotencyKey,
      })
      this.idempotencyKey = saved.idempotencyKey
    },
    change(values, field) {
      this.setData(Object.assign({ [`errors.${field}`]: '' }, values))
      this.persist()
    },
    onKindTap(e) {
      const kind = dataset(e, 'kind')
      this.change({ kind, hints: KIND_HINTS[kind], kindChosen: true, guessed: false }, 'kind')
    },
    onOfferTypeTap(e) {
      this.change({ offerType: dataset(e, 'type') }, 'offer_type')
    },
    onTitleChange(e) {
      const title = String(eventValue(e))
      this.change({ title, titleLength: title.length, titleTouched: Boolean(title) }, 'title')
    },
    onBodyChange(e) {
      const body = String(eventValue(e))
      const values = Object.assign({ body, bodyLength: body.length }, this.guessFrom(body))
      this.change(values, 'body')
    },
    /** From the words of a question-first poster: the kind (until they choose) and a title (until they type one). */
    guessFrom(body) {
      if (!this.data.questionFirst) return {}
      const out = {}
      const kind = this.data.kindChosen ? '' : inferKind(body)
      if (kind && this.data.kinds.some((k) => k.value === kind)) Object.assign(out, { kind, hints: KIND_HINTS[kind], guessed: true })
      if (!this.data.titleTouched) {
        const title = suggestTitle(body, LIMITS.titleMax)
        Object.assign(out, { title, titleLength: title.length, 'errors.title': '' })
      }
      return out
    },
    onRegionChange(e) {
      this.change({ regionCode: e.detail.code, regionLabel: e.detail.label }, 'region_code')
    },
    /** Photos show a sick tree or a cracked weld better than words: up to 3 on a need or question. */
    async addPhotos() {
      const chosen = await choosePhotos(MAX_PHOTOS - this.data.photos.length)
      if (chosen.length) this.change({ photos: this.data.photos.concat(chosen).slice(0, MAX_PHOTOS) }, 'photos')
    },
    removePhoto(e) {
      const index = Number(dataset(e, 'index'))
      this.change({ photos: this.data.photos.filter((_, i) => i !== index) }, 'photos')
    },
    /** Upload the chosen photos to the new post one by one; return how many failed. */
    async uploadPhotos(postId) {
      let failed = 0
      for (const path of this.data.kind === 'offer' ? [] : this.data.photos) {
        try {
          await api.uploadPhoto(postId, path)
        } catch (err) {
          failed += 1
        }
      }
      return failed
    },
    onTagsChange(e) {
      this.change({ tags: e.detail.tags }, 'tags')
    },
    payload() {
      const d = this.data
      const post = { kind: d.kind, title: d.title.trim(), body: d.body.trim(), region_code: d.regionCode, tags: d.tags }
      if (d.kind === 'offer') post.offer_type = d.offerType
      const campaign = session.activeCampaign()
      if (campaign) post.scene = campaign.scene
      return post
    },
    async submit() {
      if (this.data.submitting) return
      const errors = validatePost(this.data, { allowedKinds: this.data.kinds.map((k) => k.value) })
      if (!this.data.agreed) errors.agree = '请先阅读并同意用户协议和隐私政策'
      if (Object.keys(errors).length) {
        this.setData({ errors })
        wx.showToast({ title: '请按提示修改后再提交', icon: 'none' })
        return
      }
      this.setData({ submitting: true })
      try {
        const post = await api.createPost(this.payload(), { idempotencyKey: this.idempotencyKey })
        const photoFailures = await this.uploadPhotos(post.id)
        draft.clearDraft()
        this.idempotencyKey = ''
        this.setData(Object.assign({}, EMPTY_FORM, { kindChosen: false, titleTouched: false, guessed: false }, {
          posted: {
            id: post.id, title: post.title, pending: post.review_state === 'pending', offer: post.kind === 'offer', photoFailures,
          },
          subscribed: '',
        }))
      } catch (err) {
        this.showServerError(err)
      }
      this.setData({ submitting: false })
    },
    /** The agreement box: ticking it accepts the current version, for this person. */
    toggleAgree() {
      if (this.data.agreed) return
      prefs.agree()
      this.setData({ agreed: true, 'errors.agree': '' })
    },
    openTerms() {
      wx.navigateTo({ url: '/pages/terms/index?accept=1' })
    },
    showServerError(err) {
      const key = fieldKey(err.field)
      if (key && FORM_FIELDS.includes(key)) this.setData({ [`errors.${key}`]: err.friendly })
      else if (err.field) wx.showToast({ title: err.friendly, icon: 'none' })
    },
    async onSubscribe() {
      // Right after posting: progress and the concierge's replies (a scientist's offer: its matches).
      const moments = config.subscribeMoments
      const outcome = await subscribe.askSafely(this.data.posted && this.data.posted.offer ? moments.offerPosted : moments.posted)
      let subscribed = 'rejected'
      if (outcome.accepted > 0) subscribed = 'accepted'
      else if (outcome.errCode === 20004) subscribed = 'off'
      this.setData({ subscribed })
      if (subscribed === 'accepted') wx.showToast({ title: '已开启提醒', icon: 'success' })
    },
    viewPost() {
      wx.navigateTo({ url: `/pages/post/index?id=${this.data.posted.id}` })
    },
    writeAnother() {
      this.setData({ posted: null, subscribed: '', kindChosen: false, titleTouched: false, guessed: false })
    },
  },
})
