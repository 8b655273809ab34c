// Two projects: `unit` (jsdom + miniprogram-simulate, wx stubbed at the boundary) and
// `integration` (node, the request wrapper against a real backend at KJY_API_BASE).
module.exports = {
  reporters: ['default', '<rootDir>/tests/helpers/skip-notice-reporter.js'],
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/tests/unit/**/*.test.js'],
      setupFilesAfterEnv: ['<rootDir>/tests/helpers/setup-unit.js'],
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      setupFilesAfterEnv: ['<rootDir>/tests/integration/setup.js'],
      testMatch: ['<rootDir>/tests/integration/**/*.test.js'],
    },
  ],
}
