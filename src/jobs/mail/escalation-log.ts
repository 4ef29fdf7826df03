/**
 * The escalations the sweep recorded: History rows of source scheduler on the Escalation level column
 * (appended in the sweep's locked step with the level). Read backwards in blocks until `since`; the
 * manager's digest and the daily escalation summary both count from here, never from the level column.
 */
import { bothLanguages } from '../../i18n';
import { columnOf } from '../../workbook/schema';
import { HISTORY, type HistoryRow, TICKETS } from '../../workbook/schemas';
import type { JobContext } from '../context';

/** History is read backwards in blocks of this many rows until the window's start is reached. */
const HISTORY_BLOCK = 1000;

export interface LoggedEscalation {
  id: string;
  /** Level before and after (History's old and new value). */
  from: number;
  to: number;
  at: number;
}

function levelOf(value: unknown): number {
  const level = Number(value);
  return Number.isInteger(level) && level >= 0 && level <= 3 ? level : 0;
}

/** Escalations recorded in (since, until], oldest first. */
export function escalationsBetween(ctx: JobContext, since: number, until = Infinity): LoggedEscalation[] {
  const sheet = ctx.findSheet(HISTORY);
  if (!sheet) return [];
  const labels = new Set(bothLanguages(columnOf(TICKETS, 'escalationLevel').label));
  const table = ctx.table<HistoryRow>(HISTORY);
  const found: LoggedEscalation[] = [];
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
      else if (at <= until && values.source === 'scheduler' && labels.has(values.field))
        found.push({ id: values.recordId, from: levelOf(values.oldValue), to: levelOf(values.newValue), at });
    }
    if (older) break;
    end = first - 1;
  }
  return found.sort((a, b) => a.at - b.at);
}
