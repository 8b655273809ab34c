// Renders every page on a running backend's answers into HTML for scripts/screenshots.sh (not a test suite).
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/scripts/screens/*.screens.js'],
  testTimeout: 120000,
}
