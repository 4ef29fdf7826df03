/**
 * Runs the slowest test files first, so the two workers finish together instead of one waiting on a
 * long file started last. Jest does this by itself from its timing cache, but CI's clean clone has no
 * cache (jest then goes by file size, and a short file can run a simulated month): there the measured
 * times in test-durations.json stand in. A file in neither (new) runs first, as jest runs untimed
 * files. Refresh the table from a full run: `npx jest --json --outputFile=/tmp/run.json` then
 * `node test/helpers/sequencer.cjs /tmp/run.json`.
 */
const { readFileSync, writeFileSync } = require('node:fs');
const { join, relative, sep } = require('node:path');

const ROOT = join(__dirname, '../..');
const TABLE = join(__dirname, 'test-durations.json');

function measured() {
  try {
    return JSON.parse(readFileSync(TABLE, 'utf8'));
  } catch {
    return {};
  }
}

const key = (path) => relative(ROOT, path).split(sep).join('/');

if (require.main === module) {
  const run = JSON.parse(readFileSync(process.argv[2], 'utf8'));
  const table = Object.fromEntries(
    run.testResults
      .map((file) => [key(file.name), Math.round(file.endTime - file.startTime)])
      .sort((a, b) => b[1] - a[1]),
  );
  writeFileSync(TABLE, `${JSON.stringify(table, null, 2)}\n`);
  process.stdout.write(`${Object.keys(table).length} files written to ${TABLE}\n`);
} else {
  // Jest's own sequencer (its timing cache, failed files first), from the jest that loads this file.
  const jestDir = require.resolve('jest');
  const { default: TestSequencer } = require(require.resolve('@jest/test-sequencer', { paths: [jestDir] }));
  const table = measured();

  module.exports = class SlowestFirst extends TestSequencer {
    time(test) {
      return super.time(test) ?? table[key(test.path)];
    }
  };
}
