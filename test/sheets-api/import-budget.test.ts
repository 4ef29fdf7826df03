/**
 * The import's budget (issue 18): 10,000 historic rows cost ≤ 20 Sheets API requests on the tool's side,
 * and the add-on turns them into tickets within ≤ 3 hourly runs, none longer than the scheduler's
 * 4.5-minute budget, with the emulator's Google-like latency on. `npm run bench` prints the same figures.
 */
import { benchImport, formatImportBench } from '../../scripts/sheets-api/testing/bench-import';
import { forbidNetwork } from './helpers';

forbidNetwork();

it('10,000 rows: ≤ 20 requests, ≤ 3 hourly runs within the run budget, every valid row a ticket', async () => {
  const bench = await benchImport(10_000);
  console.log(formatImportBench(bench));
  expect(bench.staged).toBe(9_500); // 5 % of the generated rows are bad
  expect(bench.requests).toBeLessThanOrEqual(20);
  expect(bench.remaining).toBe(0);
  expect(bench.runs.length).toBeLessThanOrEqual(3);
  for (const run of bench.runs) expect(run.elapsedMs).toBeLessThan(4.5 * 60_000);
  expect(bench.runs.reduce((sum, run) => sum + run.imported, 0)).toBe(9_500);
}, 240_000);
