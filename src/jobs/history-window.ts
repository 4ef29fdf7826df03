/**
 * History rows of a time window, read backwards from the end in blocks until the window's start: History
 * is appended in time order, so a report or a summary reads what its window holds (and at most one
 * block more), never the whole log.
 */
import { HISTORY, type HistoryRow } from '../workbook/schemas';
import type { JobContext } from './context';

/** Rows of the first backward read; each further read takes twice as many, up to the largest. */
const HISTORY_BLOCK = 1000;
const HISTORY_BLOCK_MAX = 16_000;

export type HistoryEvent = Pick<HistoryRow, 'recordId' | 'field' | 'oldValue' | 'newValue' | 'source'> & {
  at: number;
};

/** Rows with `at` in (since, until] that `keep` accepts, oldest first; [] without a History sheet. */
export function historyBetween(
  ctx: JobContext,
  since: number,
  until: number,
  keep: (event: HistoryEvent) => boolean,
): HistoryEvent[] {
  const sheet = ctx.findSheet(HISTORY);
  if (!sheet) return [];
  const table = ctx.table<HistoryRow>(HISTORY);
  const found: HistoryEvent[] = [];
  let end = sheet.lastRow();
  // A busy window (5,000 escalations in a day) costs a few reads, not one per thousand rows.
  let block = HISTORY_BLOCK;
  while (end >= 2) {
    const first = Math.max(2, end - block + 1);
    block = Math.min(block * 2, HISTORY_BLOCK_MAX);
    // Rows first…end are within the sheet (end started at its last row): no getLastRow per block.
    const { rows } = table.readRowSpan(first, end, [
      'at',
      'recordId',
      'field',
      'oldValue',
      'newValue',
      'source',
    ]);
    let older = false;
    for (const { values } of rows) {
      if (!(values.at instanceof Date)) continue;
      const at = values.at.getTime();
      if (at <= since) older = true;
      else if (at <= until) {
        const event = { ...values, at };
        if (keep(event)) found.push(event);
      }
    }
    if (older) break;
    end = first - 1;
  }
  return found.sort((a, b) => a.at - b.at);
}
