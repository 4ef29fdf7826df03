/**
 * The hourly deadline sweep (SPEC §5, §6): recomputes every open ticket's stage states at `now`, writes
 * SLA state, escalation level and callback state back in one batched write of just those cells, and
 * escalates once per level (the level reached is recorded in the Escalation level column and History,
 * in the same locked step as its mail's enqueue with the key escalation:<ticket>:<level>, so a level is
 * mailed exactly once). Only levels ⚙ SLA policy sends at once (Major complaints by default) are
 * mailed here; the others go into the day's escalation summary (./mail/escalation-summary.ts), built
 * from those History rows. Then the Outbox sends what waits.
 *
 * Reads only the columns it needs, in one read (SPEC §15: ≤ 30 Sheets calls whatever the number of
 * tickets). Near the run's time budget it stops, writes what it has, and saves the next ticket's ID as a
 * cursor for the next run (SPEC §6).
 */
import { businessTimeBetween } from '../core/calendar';
import { callbackStateAt } from '../core/callbacks/window';
import type { SlaState } from '../core/enums';
import type { Budget } from '../core/schedule';
import {
  type EscalationLevel,
  evaluateSla,
  SLA_STAGES,
  type SlaStage,
  type SlaStatus,
  stageDoneAt,
} from '../core/sla';
import { OPEN_STATUSES } from '../core/tickets';
import { t } from '../i18n';
import { columnLabelOf } from '../workbook/schema';
import { TICKETS, type TicketRow } from '../workbook/schemas';
import type { RowChange, Table, TableRow, ValueGroup } from '../workbook/table';
import { recordActiveWindow } from './active-rows';
import type { JobContext } from './context';
import { appendHistory } from './history';
import {
  capAlerts,
  type EnqueueResult,
  enqueueDeferredNotices,
  enqueueMail,
  escalationMails,
  type Mail,
  sendOutbox,
} from './mail';
import type { RunCounts } from './run-log';
import type { DeskSettings } from './settings';
import { type Escalation, rememberSweptRows, SWEEP_KEYS, type SweepRow } from './sweep-row';

const CURSOR_KEY = 'sweep.cursor';
/** Whom this run's escalation mails went to, until the levels are written (enqueueEscalations). */
const JOURNAL_KEY = 'sweep.mailed';
/**
 * As of when this run's escalations were appended to History, until their levels are written: the
 * escalation summary reads them from History, so they go there before the levels (a kill between the
 * two used to leave a level recorded that no summary would ever tell), and a run that derives them
 * again after a kill skips those already appended (as the mail journal does).
 */
const LOGGED_KEY = 'sweep.logged';
const LOCK_MS = 30_000;
/** Distinct values the sweep writes per run (2 Sheets calls each): its share of the 30-call budget. */
const MAX_WRITE_VALUES = 4;
/** The value groups the last run could not write (they go before others this run). */
const DEFERRED_KEY = 'sweep.deferredValues';
/** How often (in rows) the time budget is checked: the clock is cheap, but not free. */
const BUDGET_CHECK_EVERY = 500;

/** SLA states that a Resolved/Closed ticket still has to settle into met / met late once. */
const UNSETTLED: ReadonlySet<SlaState | ''> = new Set<SlaState | ''>(['', 'pending', 'atRisk', 'breached']);

export interface SweepPlan {
  changes: RowChange<TicketRow>[];
  escalations: Escalation[];
  evaluated: number;
  /** Index of the first row not assessed (time ran out), or null when every row was. */
  nextIndex: number | null;
}

export interface SweepContext {
  sla: DeskSettings['sla'];
  calendar: DeskSettings['calendar'];
  now: Date;
}

const OPEN: ReadonlySet<string> = new Set(OPEN_STATUSES);

function dateMs(value: Date | ''): number | undefined {
  return value instanceof Date ? value.getTime() : undefined;
}

/** The missed stage to name in the mail: the breached open stage that was due first. */
function missedStage(status: SlaStatus): { stage: SlaStage; due: number } | null {
  let missed: { stage: SlaStage; due: number } | null = null;
  for (const stage of SLA_STAGES) {
    const due = status.due.stages[stage];
    if (status.stages[stage] === 'breached' && due !== null && (missed === null || due < missed.due))
      missed = { stage, due };
  }
  return missed;
}

function assessOpen(
  context: SweepContext,
  { row, values: ticket }: TableRow<SweepRow>,
  changes: Partial<TicketRow>,
  escalations: Escalation[],
): void {
  const { calendar, now } = context;
  const received = dateMs(ticket.receivedAt);
  if (received === undefined || ticket.type === '' || ticket.severity === '') return;
  const waitingSince = dateMs(ticket.waitingSince);
  // A wait still running pauses the resolve clock up to now (SPEC §4); the column holds finished waits only.
  const running =
    ticket.status === 'waitingOnCustomer' && waitingSince !== undefined
      ? businessTimeBetween(calendar, waitingSince, now.getTime())
      : 0;
  const status = evaluateSla(
    context.sla,
    calendar,
    {
      type: ticket.type,
      severity: ticket.severity,
      receivedAt: received,
      pausedMs: (typeof ticket.pausedMs === 'number' ? ticket.pausedMs : 0) + Math.max(0, running),
      // Resolve at of a reopened ticket belongs to the earlier round: the resolve stage is open again,
      // the stages before it were ended by that resolution.
      doneAt: {
        ack: stageDoneAt(dateMs(ticket.ackAt), dateMs(ticket.resolveAt)) ?? undefined,
        transfer: stageDoneAt(dateMs(ticket.transferAt), dateMs(ticket.resolveAt)) ?? undefined,
        feedback: stageDoneAt(dateMs(ticket.feedbackAt), dateMs(ticket.resolveAt)) ?? undefined,
      },
    },
    now.getTime(),
  );
  if (status.state !== ticket.slaState) changes.slaState = status.state;
  const recorded = typeof ticket.escalationLevel === 'number' ? ticket.escalationLevel : 0;
  // The column records the highest level notified: it never goes down, so no level is mailed twice.
  if (status.escalation > recorded) {
    changes.escalationLevel = status.escalation;
    const missed = missedStage(status);
    escalations.push({
      ticket,
      row,
      notice: status.due.target?.escalation.notice ?? 'dailySummary',
      from: recorded,
      to: status.escalation,
      stage: missed?.stage ?? null,
      due: missed?.due ?? null,
    });
  }
}

/** A Resolved or Closed ticket's stages end when it was resolved, unless recorded earlier. */
function settleResolved(context: SweepContext, ticket: SweepRow, changes: Partial<TicketRow>): void {
  const received = dateMs(ticket.receivedAt);
  const resolved = dateMs(ticket.resolveAt);
  if (
    !UNSETTLED.has(ticket.slaState) ||
    received === undefined ||
    resolved === undefined ||
    ticket.type === '' ||
    ticket.severity === ''
  )
    return;
  const doneAt: Partial<Record<SlaStage, number>> = {};
  const recorded = {
    ack: ticket.ackAt,
    transfer: ticket.transferAt,
    feedback: ticket.feedbackAt,
    resolve: ticket.resolveAt,
  };
  for (const stage of SLA_STAGES) doneAt[stage] = stageDoneAt(dateMs(recorded[stage]), resolved) ?? undefined;
  const status = evaluateSla(
    context.sla,
    context.calendar,
    {
      type: ticket.type,
      severity: ticket.severity,
      receivedAt: received,
      resolvedAt: resolved,
      pausedMs: typeof ticket.pausedMs === 'number' ? ticket.pausedMs : 0,
      doneAt,
    },
    context.now.getTime(),
  );
  if (status.state !== ticket.slaState) changes.slaState = status.state;
}

/**
 * Pure: what the sweep changes in rows[startIndex…] at `now`, stopping early when `shouldStop` says so
 * (checked every few hundred rows). Exported for the benchmark (SPEC §15: ≤ 2 s CPU at 100,000 tickets).
 */
export function assessTickets(
  rows: readonly TableRow<SweepRow>[],
  context: SweepContext,
  startIndex: number,
  shouldStop: () => boolean,
): SweepPlan {
  const plan: SweepPlan = { changes: [], escalations: [], evaluated: 0, nextIndex: null };
  for (let index = startIndex; index < rows.length; index++) {
    if ((index - startIndex) % BUDGET_CHECK_EVERY === BUDGET_CHECK_EVERY - 1 && shouldStop()) {
      plan.nextIndex = index;
      break;
    }
    const { row, values: ticket } = rows[index];
    if (ticket.id === '' || ticket.status === 'cancelled') continue;
    const changes: Partial<TicketRow> = {};
    if (OPEN.has(ticket.status)) {
      assessOpen(context, rows[index], changes, plan.escalations);
      plan.evaluated += 1;
    } else settleResolved(context, ticket, changes);
    const callbackState = callbackStateAt(
      { state: ticket.callbackState, open: ticket.callbackOpen, due: ticket.callbackDue },
      context.now,
    );
    if (callbackState !== ticket.callbackState) changes.callbackState = callbackState;
    if (Object.keys(changes).length > 0) plan.changes.push({ row, values: changes });
  }
  return plan;
}

export interface SweepOutcome {
  counts: RunCounts;
  /** False when the time budget ran out; the cursor says where the next run continues. */
  complete: boolean;
}

function levelLabel(ctx: JobContext): string {
  return columnLabelOf(TICKETS, 'escalationLevel', ctx.lang);
}

/**
 * Writes the cells the plan changed, and no other (issue 13: a Status or Satisfaction typed since the
 * read must survive): one RangeList per distinct value, 2 Sheets calls each, so the calls do not grow
 * with the tickets. SPEC §15 leaves the write MAX_WRITE_VALUES values of the run's 30 calls: escalation
 * levels first (at most three values, so they always fit), then values left over last run, then the
 * largest. What does not fit is computed again and written by the next run; an escalation whose level
 * was not written is not acted on now.
 */
function writeChanges(
  ctx: JobContext,
  table: Table<TicketRow>,
  plan: SweepPlan,
  rows: readonly TableRow<SweepRow>[],
): void {
  const { store } = ctx.ports;
  const leftOver = new Set(parseList(store.get(DEFERRED_KEY)));
  const { unwritten, deferred } =
    plan.changes.length === 0
      ? { unwritten: [], deferred: [] }
      : table.updateRowsByValue(plan.changes, {
          maxValues: MAX_WRITE_VALUES,
          rank: (group) =>
            group.keys.includes('escalationLevel') ? 0 : leftOver.has(groupLabel(group)) ? 1 : 2,
        });
  if (deferred.length > 0) store.set(DEFERRED_KEY, JSON.stringify(deferred.map(groupLabel)));
  else if (leftOver.size > 0) store.delete(DEFERRED_KEY);
  if (unwritten.length === 0) return;
  const pending = new Set(unwritten.map(({ row, key }) => `${row}:${key}`));
  const rowOf = new Map(rows.map(({ row, values }) => [values, row]));
  plan.escalations = plan.escalations.filter(
    (escalation) => !pending.has(`${rowOf.get(escalation.ticket) ?? 0}:escalationLevel`),
  );
}

function groupLabel(group: ValueGroup<TicketRow>): string {
  return `${group.keys.join('+')}=${String(group.value)}`;
}

function parseList(saved: string | null): string[] {
  try {
    const list: unknown = JSON.parse(saved ?? '[]');
    return Array.isArray(list) ? list.map(String) : [];
  } catch {
    return [];
  }
}

/** Reads, assesses and writes under the document lock (intake and edits write the same rows). */
function sweepTickets(
  ctx: JobContext,
  settings: DeskSettings,
  budget: Budget,
): { plan: SweepPlan; tickets: number; delivery: EnqueueResult } {
  const { ports } = ctx;
  return ports.lock.withDocumentLock(LOCK_MS, () => {
    const table = ctx.table<TicketRow>(TICKETS);
    const { rows } = table.readRows(SWEEP_KEYS);
    // Where the tickets still being worked begin, for My queue (no Sheets call: the rows are read).
    recordActiveWindow(ports.store, rows);
    rememberSweptRows(ctx, rows);
    const cursor = ports.store.get(CURSOR_KEY);
    const start = cursor
      ? Math.max(
          0,
          rows.findIndex((row) => row.values.id === cursor),
        )
      : 0;
    const plan = assessTickets(
      rows,
      { sla: settings.sla, calendar: settings.calendar, now: ctx.now() },
      start,
      () => budget.exhausted(),
    );
    const delivery = enqueueEscalations(ctx, settings, rows, start, plan);
    logEscalations(ctx, settings, rows, start, plan);
    const escalated = plan.escalations.length;
    writeChanges(ctx, table, plan, rows);
    // A level left unwritten (the write was cut to its size limit) is derived again next run: the
    // journals stay, so those recipients are not mailed it twice, nor History told it twice.
    const allLevelsWritten = plan.escalations.length === escalated;
    if (plan.nextIndex === null) ports.store.delete(CURSOR_KEY);
    else ports.store.set(CURSOR_KEY, rows[plan.nextIndex].values.id);
    ports.workbook.flush();
    // The levels are written: the escalations of this run will not be derived again.
    if (allLevelsWritten) {
      ports.store.delete(JOURNAL_KEY);
      if (escalated > 0) ports.store.delete(LOGGED_KEY);
    }
    return { plan, tickets: rows.length, delivery };
  });
}

/**
 * The escalation mails, enqueued before the levels are written, in the sweep's locked step. A journal
 * (document property) says whom this run has mailed, and as of when; a kill before the levels are
 * written leaves it, and the next run — which derives the same escalations again, and maybe more —
 * skips for each recipient the levels that were due as of that time. So each level of each ticket
 * reaches each recipient once, with one small property whatever the number of escalations.
 */
function enqueueEscalations(
  ctx: JobContext,
  settings: DeskSettings,
  rows: readonly TableRow<SweepRow>[],
  start: number,
  plan: SweepPlan,
): EnqueueResult {
  const { store } = ctx.ports;
  const earlier = readJournal(store.get(JOURNAL_KEY));
  const levelsAt = new Map<number, Set<string>>();
  for (const at of new Set(Object.values(earlier))) {
    const before = assessTickets(
      rows,
      { sla: settings.sla, calendar: settings.calendar, now: new Date(at) },
      start,
      () => false,
    );
    levelsAt.set(at, new Set(before.escalations.filter(atOnce).flatMap(levelKeys)));
  }
  const told = (email: string, ticketId: string, level: number): boolean => {
    const at = earlier[email];
    return at !== undefined && (levelsAt.get(at)?.has(`${ticketId}:${level}`) ?? false);
  };
  // Only the levels ⚙ SLA policy sends at once; the others wait for the day's summary, which reads
  // them from History (appended in this same locked step).
  const now = ctx.now().getTime();
  const alerts = plan.escalations.filter(atOnce).map((escalation) => ({ ...escalation, lateAt: now }));
  const mails = escalationMails(ctx, settings, alerts, told);
  if (mails.length === 0) return { sent: 0, queued: 0, duplicates: 0 };
  // ⚙ General's daily cap per person: beyond it, the alerts wait for the escalation summary.
  const capped = capAlerts(store, settings, mails, now);
  const journal: Journal = { ...earlier };
  const enqueued: Mail[] = [];
  const result = enqueueMail(ctx, capped.send, {
    onEnqueued: (mail) => {
      enqueued.push(mail);
      for (const email of mail.to) journal[email] = now;
      store.set(JOURNAL_KEY, JSON.stringify(journal));
    },
  });
  capped.record(enqueued);
  return result;
}

/**
 * History's Escalation level rows of this run, appended before the levels are written. After a kill
 * between the two, the next run derives the same escalations again: those that were due as of the
 * killed run's instant (LOGGED_KEY) are in History already and are left out. A kill between the append
 * and LOGGED_KEY's write appends them once more (at least once: the summary lists a ticket once).
 */
function logEscalations(
  ctx: JobContext,
  settings: DeskSettings,
  rows: readonly TableRow<SweepRow>[],
  start: number,
  plan: SweepPlan,
): void {
  if (plan.escalations.length === 0) return;
  const { store } = ctx.ports;
  const loggedAt = Number(store.get(LOGGED_KEY) ?? Number.NaN);
  const logged = new Map<string, number>();
  if (Number.isFinite(loggedAt)) {
    const before = assessTickets(
      rows,
      { sla: settings.sla, calendar: settings.calendar, now: new Date(loggedAt) },
      start,
      () => false,
    );
    for (const { ticket, to } of before.escalations)
      logged.set(ticket.id, Math.max(to, logged.get(ticket.id) ?? 0));
  }
  const field = levelLabel(ctx);
  const actor = t(ctx.lang, 'history.actor.system');
  const entries = plan.escalations.flatMap(({ ticket, from, to }) => {
    const since = Math.max(from, logged.get(ticket.id) ?? 0);
    return since >= to
      ? []
      : [{ actor, recordId: ticket.id, field, oldValue: String(since), newValue: String(to) }];
  });
  appendHistory(ctx, 'scheduler', entries);
  store.set(LOGGED_KEY, String(ctx.now().getTime()));
}

/** Recipient → the instant as of which this recipient was mailed the escalations then due. */
type Journal = Record<string, number>;

function readJournal(saved: string | null): Journal {
  if (!saved) return {};
  try {
    const parsed = JSON.parse(saved) as Record<string, unknown>;
    return Object.fromEntries(
      Object.entries(parsed).filter((entry): entry is [string, number] => typeof entry[1] === 'number'),
    );
  } catch {
    return {};
  }
}

function atOnce(escalation: Escalation): boolean {
  return escalation.notice === 'immediate';
}

function levelKeys(escalation: Escalation): string[] {
  const keys: string[] = [];
  for (let level = escalation.from + 1; level <= escalation.to; level++)
    keys.push(`${escalation.ticket.id}:${level}`);
  return keys;
}

export function runSweep(ctx: JobContext, settings: DeskSettings, budget: Budget): SweepOutcome {
  const { plan, tickets, delivery } = sweepTickets(ctx, settings, budget);
  // Notices intake left for this run while mail waited go to the Outbox before it is sent.
  const deferred = enqueueDeferredNotices(ctx, settings);
  const outbox = sendOutbox(ctx, () => !budget.exhausted());
  const byLevel = (level: EscalationLevel) => plan.escalations.filter((e) => e.to === level).length;
  return {
    complete: plan.nextIndex === null,
    counts: {
      tickets,
      evaluated: plan.evaluated,
      changed: plan.changes.length,
      level1: byLevel(1),
      level2: byLevel(2),
      level3: byLevel(3),
      mailsSent: delivery.sent,
      mailsQueued: delivery.queued,
      noticesDeferred: deferred,
      outboxSent: outbox.sent,
      outboxWaiting: outbox.remaining,
    },
  };
}
