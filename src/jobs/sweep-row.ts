/**
 * What the sweep reads of each ticket and what it found to escalate: shared by the sweep (which finds
 * escalations) and the escalation mail (which words them), so neither imports the other.
 */
import type { EscalationLevel, SlaStage } from '../core/sla';
import type { EscalationNotice } from '../core/sla/policy';
import type { TicketRow } from '../workbook/schemas';
import type { TableRow } from '../workbook/table';
import type { JobContext } from './context';

export const SWEEP_KEYS = [
  'id',
  'status',
  'type',
  'severity',
  'category',
  'customer',
  'phone',
  'description',
  'department',
  'assignee',
  'receivedAt',
  'ackAt',
  'transferAt',
  'feedbackAt',
  'resolveAt',
  'pausedMs',
  'waitingSince',
  'callbackOpen',
  'callbackDue',
  'callbackState',
  'slaState',
  'escalationLevel',
] as const;

export type SweepRow = Pick<TicketRow, (typeof SWEEP_KEYS)[number]>;

export interface Escalation {
  ticket: SweepRow;
  /** The ticket's sheet row (the mail links to it). */
  row: number;
  /** ⚙ SLA policy's rule for the ticket: mailed at once by the sweep, or in the day's summary. */
  notice: EscalationNotice;
  /** Level recorded before this run, and the level reached now. */
  from: number;
  to: EscalationLevel;
  /** The breached stage that was due first (null when only at risk). */
  stage: SlaStage | null;
  due: number | null;
}

/**
 * The Tickets rows this execution's sweep read, under its lock: the escalation summary that runs next
 * in the same hourly run lists its lines from them instead of reading the 100,000 rows again (its
 * columns are among these). Seconds old at most; a later execution reads its own.
 */
const sweptRows = new WeakMap<JobContext, readonly TableRow<SweepRow>[]>();

export function rememberSweptRows(ctx: JobContext, rows: readonly TableRow<SweepRow>[]): void {
  sweptRows.set(ctx, rows);
}

export function rowsSweptIn(ctx: JobContext): readonly TableRow<SweepRow>[] | null {
  return sweptRows.get(ctx) ?? null;
}
