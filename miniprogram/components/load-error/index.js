// A load that failed: what went wrong in plain words and a 重试 button (never an empty list).
Component({
  properties: {
    message: { type: String, value: '' },
  },
  methods: {
    onRetry() {
      this.triggerEvent('retry')
    },
  },
})
