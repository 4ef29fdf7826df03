/** The monthly assessment's reads (jobs/assessment/read.ts): the rows a month counts, in a bounded number of reads. */
import { rowRuns } from '../../src/jobs/assessment/read';

describe('rowRuns', () => {
  it('adjacent rows are one run; at most `max` runs, split at the largest gaps, never reading outside first…last', () => {
    expect(rowRuns([], 8)).toEqual([]);
    expect(rowRuns([5, 6, 7], 8)).toEqual([{ first: 5, last: 7 }]);
    expect(rowRuns([2, 3, 10, 11, 500, 501], 8)).toEqual([
      { first: 2, last: 3 },
      { first: 10, last: 11 },
      { first: 500, last: 501 },
    ]);
    // Two reads: the gap of 489 rows splits, the gap of 7 is read through.
    expect(rowRuns([2, 3, 10, 11, 500, 501], 2)).toEqual([
      { first: 2, last: 11 },
      { first: 500, last: 501 },
    ]);
    expect(rowRuns([2, 9, 40], 1)).toEqual([{ first: 2, last: 40 }]);
  });

  it('a sorted sheet (every row of the month scattered) still costs at most max reads', () => {
    const rows = Array.from({ length: 5_000 }, (_, i) => 2 + i * 20);
    const runs = rowRuns(rows, 8);
    expect(runs).toHaveLength(8);
    expect(runs[0].first).toBe(2);
    expect(runs.at(-1)?.last).toBe(rows.at(-1));
    // Every row is inside a run.
    expect(rows.every((row) => runs.some((run) => run.first <= row && row <= run.last))).toBe(true);
  });
});
