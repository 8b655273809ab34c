// Jest prints nothing from a file whose tests are all skipped; this reporter names every skipped
// test at the end of the run so a suite that did not run can never pass for one that did.
const path = require('path')

class SkipNoticeReporter {
  onRunComplete(_contexts, results) {
    const skipped = []
    results.testResults.forEach((file) => {
      file.testResults.filter((t) => t.status === 'pending' || t.status === 'skipped').forEach((t) => {
        skipped.push(`${path.relative(process.cwd(), file.testFilePath)} › ${t.fullName}`)
      })
    })
    if (!skipped.length) return
    process.stderr.write(`\nSKIPPED (${skipped.length}, not run):\n${skipped.map((s) => `  - ${s}`).join('\n')}\n`)
  }
}

module.exports = SkipNoticeReporter
