/**
 * The daily escalation summary (issue 14 "Noise", SPEC §10 noise budget): at the ⚙ General summary hour
 * on working days, each department head, the CS manager and the GM get one mail listing the tickets
 * escalated to them since the last summary — instead of an alert every hour. Levels that ⚙ SLA policy
 * sends at once (Major complaints by default) were mailed by the sweep and are left out here — except
 * those the daily cap on alerts held from a person (./alert-cap): that person reads them here, once.
 *
 * Figures from events: the escalations are History's Escalation level rows of the window (the sweep
 * appends them in the locked step that records the level); each line shows where the ticket stands now
 * (status, assignee, how late the missed deadline is, or was when it was done).
 *
 * Nothing lost, nothing twice: the window (since, until] is saved before any mail, so a run killed
 * anywhere is re-run over the same window; each recipient's mail carries the key
 * escalation-summary:<email>:<date>, indexed by the Outbox, so what was enqueued before the kill is a
 * no-op the second time. The window's end becomes the next window's start only once all are enqueued.
 */
import type { Slot } from '../../core/schedule';
import { computeDueDates, SLA_STAGES, type SlaStage, slaTargetFor } from '../../core/sla';
import { TICKETS, type TicketRow } from '../../workbook/schemas';
import type { TableRow } from '../../workbook/table';
import type { JobContext } from '../context';
import { STAGE_DONE_COLUMN } from '../deadlines';
import type { RunCounts } from '../run-log';
import type { DeskSettings } from '../settings';
import { rowsSweptIn, type SWEEP_KEYS } from '../sweep-row';
import { heldFromAlerts } from './alert-cap';
import { escalationsBetween } from './escalation-log';
import { type EscalationNotice, escalationSummaryMails } from './escalations';
import { enqueueMail } from './outbox';

/** Among the sweep's columns (SWEEP_KEYS): the summary reuses the rows the sweep just read. */
const SUMMARY_KEYS = [
  'id',
  'type',
  'severity',
  'category',
  'customer',
  'description',
  'department',
  'assignee',
  'status',
  'receivedAt',
  'pausedMs',
  ...SLA_STAGES.map((stage) => STAGE_DONE_COLUMN[stage]),
] as const satisfies ReadonlyArray<(typeof SWEEP_KEYS)[number]>;

type SummaryTicket = Pick<TicketRow, (typeof SUMMARY_KEYS)[number]>;

/** Where the last completed summary's window ended. */
const THROUGH_KEY = 'escalationSummary.through';
/** The window of the summary being sent: kept until every mail of it is enqueued. */
const WINDOW_KEY = 'escalationSummary.window';
/** Without an earlier summary, the first one covers the last day. */
const FIRST_WINDOW_MS = 24 * 3_600_000;
const LOCK_MS = 30_000;

interface SummaryWindow {
  label: string;
  since: number;
  until: number;
}

function savedWindow(ctx: JobContext, label: string): SummaryWindow | null {
  try {
    const saved = JSON.parse(ctx.ports.store.get(WINDOW_KEY) ?? 'null') as Partial<SummaryWindow> | null;
    return saved &&
      saved.label === label &&
      typeof saved.since === 'number' &&
      typeof saved.until === 'number'
      ? { label, since: saved.since, until: saved.until }
      : null;
  } catch {
    return null;
  }
}

function windowOf(ctx: JobContext, slot: Slot): SummaryWindow {
  const saved = savedWindow(ctx, slot.label);
  if (saved) return saved;
  const through = Number(ctx.ports.store.get(THROUGH_KEY) ?? Number.NaN);
  const window: SummaryWindow = {
    label: slot.label,
    since: Number.isFinite(through) ? through : slot.at - FIRST_WINDOW_MS,
    until: ctx.now().getTime(),
  };
  ctx.ports.store.set(WINDOW_KEY, JSON.stringify(window));
  return window;
}

function time(value: Date | ''): number | null {
  return value instanceof Date ? value.getTime() : null;
}

/**
 * The deadline missed: the stage due first among those done late or still open past due, as of `at`.
 * Deadlines are computed from ⚙ SLA policy as the sweep computed them when it escalated (it reads no
 * due column either), so the line says what the escalation was for.
 */
function missedStage(
  settings: DeskSettings,
  ticket: SummaryTicket,
  at: number,
): { stage: SlaStage; due: number; lateAt: number } | null {
  const received = time(ticket.receivedAt);
  if (received === null || ticket.type === '' || ticket.severity === '') return null;
  const computed = computeDueDates(settings.sla, settings.calendar, {
    type: ticket.type,
    severity: ticket.severity,
    receivedAt: received,
    pausedMs: typeof ticket.pausedMs === 'number' ? ticket.pausedMs : 0,
  }).stages;
  let missed: { stage: SlaStage; due: number; lateAt: number } | null = null;
  for (const stage of SLA_STAGES) {
    const due = computed[stage] ?? null;
    if (due === null) continue;
    const lateAt = time(ticket[STAGE_DONE_COLUMN[stage]]) ?? at;
    if (lateAt > due && (missed === null || due < missed.due)) missed = { stage, due, lateAt };
  }
  return missed;
}

export function runEscalationSummary(
  ctx: JobContext,
  settings: DeskSettings,
  slot: Slot,
): { counts: RunCounts; complete: boolean } {
  const window = windowOf(ctx, slot);
  // One ticket escalated twice in the window (1 → 2, later 2 → 3) is one line at its highest level.
  const levels = new Map<string, { from: number; to: number }>();
  /** When each (ticket, level) was recorded. */
  const recordedAt = new Map<string, number>();
  for (const { id, from, to, at } of escalationsBetween(ctx, window.since, window.until)) {
    const known = levels.get(id);
    levels.set(id, known ? { from: Math.min(known.from, from), to: Math.max(known.to, to) } : { from, to });
    for (let level = from + 1; level <= to; level++)
      if (!recordedAt.has(`${id}:${level}`)) recordedAt.set(`${id}:${level}`, at);
  }
  const notices: EscalationNotice[] = [];
  /** Tickets whose levels ⚙ SLA policy sends at once: in the summary only where the daily cap held them. */
  const immediate = new Set<string>();
  if (levels.size > 0) {
    // The rows the sweep read moments ago in this run; read here only when no sweep ran before.
    const rows: readonly TableRow<SummaryTicket>[] =
      rowsSweptIn(ctx) ?? ctx.table<TicketRow>(TICKETS).readRows(SUMMARY_KEYS).rows;
    for (const { row, values: ticket } of rows) {
      const level = levels.get(ticket.id);
      if (!level || ticket.type === '' || ticket.severity === '') continue;
      if (slaTargetFor(settings.sla, ticket.type, ticket.severity)?.escalation.notice === 'immediate')
        immediate.add(ticket.id);
      const missed = missedStage(settings, ticket, window.until);
      notices.push({
        ticket,
        row,
        from: level.from,
        to: level.to,
        stage: missed?.stage ?? null,
        due: missed?.due ?? null,
        lateAt: missed?.lateAt ?? window.until,
      });
    }
  }
  const held = heldFromAlerts(ctx.ports.store, settings);
  // A level sent at once is not told again, unless the cap held it from this person (alert-cap).
  const listed = (email: string, ticketId: string, level: number): 'summary' | 'held' | false => {
    if (!immediate.has(ticketId)) return 'summary';
    return held(email, recordedAt.get(`${ticketId}:${level}`) ?? window.until) ? 'held' : false;
  };
  const mails = escalationSummaryMails(ctx, settings, notices, slot.label, listed);
  const delivery = ctx.ports.lock.withDocumentLock(LOCK_MS, () => {
    const result = enqueueMail(ctx, mails);
    ctx.ports.store.set(THROUGH_KEY, String(window.until));
    ctx.ports.store.delete(WINDOW_KEY);
    return result;
  });
  return {
    complete: true,
    counts: {
      tickets: notices.length,
      mailsSent: delivery.sent,
      mailsQueued: delivery.queued,
    },
  };
}
