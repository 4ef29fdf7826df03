/**
 * The escalations the sweep recorded: History rows of source scheduler on the Escalation level column
 * (appended in the sweep's locked step with the level). The manager's digest and the daily escalation
 * summary both count from here, never from the level column.
 */
import { bothLanguages } from '../../i18n';
import { columnOf } from '../../workbook/schema';
import { TICKETS } from '../../workbook/schemas';
import type { JobContext } from '../context';
import { historyBetween } from '../history-window';

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
  const labels = new Set(bothLanguages(columnOf(TICKETS, 'escalationLevel').label));
  return historyBetween(
    ctx,
    since,
    until,
    (event) => event.source === 'scheduler' && labels.has(event.field),
  ).map((event) => ({
    id: event.recordId,
    from: levelOf(event.oldValue),
    to: levelOf(event.newValue),
    at: event.at,
  }));
}
