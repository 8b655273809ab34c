// Vant Weapp components as small stubs: the library ships compiled for the mini-program runtime and
// relies on wxs modules and relations the simulator does not fully model, so tests render our own
// pages and components with these stand-ins (same tag names, same events).
const simulate = require('miniprogram-simulate')

const anyProps = (names) => names.reduce((props, name) => Object.assign(props, { [name]: { type: null, value: null } }), {})

const DEFINITIONS = {
  'van-button': {
    template: '<view class="van-button van-button--{{type || \'default\'}} van-button--{{size || \'normal\'}} {{plain ? \'van-button--plain\' : \'\'}} {{block ? \'van-button--block\' : \'\'}} {{disabled ? \'van-button--disabled\' : \'\'}}" bindtap="onTap"><slot/></view>',
    properties: anyProps(['type', 'size', 'plain', 'block', 'loading', 'disabled', 'openType']),
    methods: {
      onTap() {
        if (!this.data.disabled && !this.data.loading) this.triggerEvent('click')
      },
    },
  },
  'van-field': {
    template: '<view class="van-field van-field--{{type || \'text\'}}"><text class="van-field__value">{{value}}</text><text wx:if="{{!value}}" class="van-field__placeholder">{{placeholder}}</text></view>',
    properties: anyProps(['value', 'label', 'placeholder', 'type', 'maxlength', 'error', 'errorMessage', 'border', 'autosize']),
    methods: {
      // What Vant emits when the person types: change with the new value as detail.
      input(value) {
        this.triggerEvent('change', value)
      },
    },
  },
  'van-tag': { template: '<view class="van-tag van-tag--{{type}}"><slot/></view>', properties: anyProps(['type', 'size', 'plain']) },
  'van-loading': { template: '<view class="van-loading"><slot/></view>', properties: anyProps(['size', 'type']) },
  'van-empty': { template: '<view class="van-empty">{{description}}<slot/></view>', properties: anyProps(['description', 'image']) },
}

let registered = null

/** Register the stubs once per test file; return a usingComponents map for simulate.load. */
function vantStubs() {
  if (!registered) {
    registered = {}
    Object.keys(DEFINITIONS).forEach((tag) => {
      registered[tag] = simulate.load(Object.assign({ tagName: tag }, DEFINITIONS[tag]))
    })
  }
  return Object.assign({}, registered)
}

module.exports = { vantStubs }
