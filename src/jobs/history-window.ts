/**
 * History rows of a time window, read backwards from the end in blocks until the window's start: History
 * is appended in time order, so a report or a summary reads what its window holds (and at most one
 * block more), never the whole log.
 */
import { HISTORY, type HistoryRow } from '../workbook/schemas';
import type { JobContext } from './context';

/** Rows per backward read. */
const HISTORY_BLOCK = 1000;

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
  while (end >= 2) {
    const first = Math.max(2, end - HISTORY_BLOCK + 1);
    const { rows } = table.readRowsAt(first, end - first + 1, [
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
