// Prints the plain closing line CI reads: "tests: N passed, N failed, N skipped".
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = results;
    const failedSuites = results.numFailedTestSuites;
    const failed = numFailedTests + (failedSuites > 0 && numFailedTests === 0 ? failedSuites : 0);
    process.stdout.write(
      `\ntests: ${numPassedTests} passed, ${failed} failed, ${numPendingTests + numTodoTests} skipped\n`,
    );
    // Browser tests skip themselves without Chromium (test/browser/chromium.ts): say so where CI looks.
    const browserSkipped = results.testResults
      .filter((file) => /[\\/]test[\\/]browser[\\/]/.test(file.testFilePath))
      .reduce((n, file) => n + file.testResults.filter((t) => t.status === 'pending').length, 0);
    if (browserSkipped > 0)
      process.stdout.write(
        `browser tests: ${browserSkipped} SKIPPED (not passed): Chromium or playwright-core is missing. Install them with \`apt-get install -y chromium\` and \`npm install\`.\n`,
      );
  }
}
module.exports = SummaryReporter;
