/**
 * The hourly import of historic register rows (issue 18): rows the googleapis `import` tool appended
 * to the hidden Import sheet become tickets through intake's own rules — core/tickets/historic
 * (planHistoricTicket → normalizeIntake), IDs from the same per-type/year counters, routing by
 * category, repeat detection across the imported and existing complaints, deadlines and their notes
 * (deadlinesFor), and SLA states as of their dates (the sweep's pure assessTickets at now). History
 * records each ticket with source Import. Nothing is mailed: the escalation level reached is recorded
 * as already notified, so the next sweep does not escalate a ticket closed years ago.
 *
 * Batches of IMPORT_BATCH_ROWS rows, each under the document lock (intake and edits write the same
 * sheets), until the run's time budget is used; the rest waits for the next run. Each batch: the
 * Import status columns, the batch's rows, the Tickets columns for duplicates and repeats, one append
 * of tickets, one write of their notes, one History append, one write of the results.
 *
 * Exactly once: the ticket's Form response ID is `import:<fingerprint>`. A run killed after the Tickets
 * append but before the results were written finds the ticket by it next time and links the row
 * instead of creating a second ticket; an ID allocated but never written is skipped, never reused.
 */
import { parseLocalDateTime } from '../../core/calendar';
import type { Budget } from '../../core/schedule';
import {
  addToRepeatIndex,
  buildRepeatIndex,
  findRepeat,
  type HistoricTicket,
  planHistoricTicket,
  type RepeatIndex,
  routeTicket,
} from '../../core/tickets';
import { bothLanguages, type MessageKey, t } from '../../i18n';
import { IMPORT, type ImportRow, TICKETS, type TicketRow } from '../../workbook/schemas';
import type { RowChange } from '../../workbook/table';
import type { JobContext } from '../context';
import { reviewNote } from '../intake';
import { allocateTicketIds, type NewTicket, writeNewTickets } from '../new-tickets';
import type { RunCounts } from '../run-log';
import type { DeskSettings } from '../settings';
import { assessTickets } from '../sweep';
import { SWEEP_KEYS, type SweepRow } from '../sweep-row';

/** Rows per locked batch: ~13 Sheets calls each, a few seconds of CPU, short enough for intake to wait. */
export const IMPORT_BATCH_ROWS = 1000;
const LOCK_MS = 30_000;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;
const STATUS_KEYS = ['fingerprint', 'ticketId', 'result'] as const;
const ROW_KEYS = IMPORT.columns.map((column) => column.key);
const TICKET_KEYS = ['id', 'formResponseId', 'type', 'phone', 'email', 'category', 'receivedAt'] as const;

export interface ImportOutcome {
  counts: RunCounts;
  /** False when rows are still waiting (time ran out): the next run continues. */
  complete: boolean;
}

interface BatchResult {
  imported: number;
  rejected: number;
  linked: number;
  /** Rows still waiting after this batch. */
  waiting: number;
}

function responseIdOf(fingerprint: string): string {
  return `import:${fingerprint}`;
}

export function runImport(ctx: JobContext, settings: DeskSettings, budget: Budget): ImportOutcome {
  if (!ctx.findSheet(IMPORT, { ownLanguageOnly: true })) return { complete: true, counts: {} };
  const counts = { imported: 0, rejected: 0, linked: 0, waiting: 0, batches: 0 };
  for (;;) {
    const batch = ctx.ports.lock.withDocumentLock(LOCK_MS, () => importBatch(ctx, settings));
    counts.batches += 1;
    counts.imported += batch.imported;
    counts.rejected += batch.rejected;
    counts.linked += batch.linked;
    counts.waiting = batch.waiting;
    if (batch.waiting === 0 || budget.exhausted()) break;
  }
  return { complete: counts.waiting === 0, counts };
}

function importBatch(ctx: JobContext, settings: DeskSettings): BatchResult {
  const { ports, lang } = ctx;
  const staging = ctx.table<ImportRow>(IMPORT);
  const status = staging.readRows(STATUS_KEYS).rows;
  const pending = status.filter(
    (r) => r.values.fingerprint !== '' && r.values.ticketId === '' && r.values.result === '',
  );
  if (pending.length === 0) return { imported: 0, rejected: 0, linked: 0, waiting: 0 };
  const firstRow = pending[0].row;
  const lastRow = pending[Math.min(pending.length, IMPORT_BATCH_ROWS) - 1].row;
  const rows = staging
    .readRowsAt(firstRow, lastRow - firstRow + 1, ROW_KEYS)
    .rows.filter((r) => r.values.fingerprint !== '' && r.values.ticketId === '' && r.values.result === '');

  const tickets = ctx.table<TicketRow>(TICKETS);
  const existing = tickets.readRows(TICKET_KEYS).rows.map((row) => row.values);
  tickets.requireColumns();
  const byResponse = new Map(
    existing.filter((r) => r.formResponseId !== '').map((r) => [r.formResponseId, r.id]),
  );
  const repeats = buildRepeatIndex(existing);
  const now = ctx.now();
  const zone = settings.calendar.zone;
  const context = {
    labels: bothLanguages,
    now,
    descriptionMaxLength: settings.general.descriptionMaxLength,
    categories: settings.categories.filter((c) => c.active).map((c) => c.label),
    parseDateTime: (text: string) => {
      const instant = parseLocalDateTime(text, zone);
      if (instant !== null) return new Date(instant);
      // A cell someone retyped becomes a real date, which the table reads back as an ISO instant.
      return ISO_INSTANT.test(text) ? new Date(text) : null;
    },
  };

  const results: Array<RowChange<ImportRow>> = [];
  const mark = (row: number, ticketId: string, key: MessageKey, params: Record<string, string> = {}) =>
    results.push({ row, values: { ticketId, processedAt: now, result: t(lang, key, params) } });
  let rejected = 0;
  let linked = 0;
  const accepted: Array<{ row: number; values: ImportRow; plan: HistoricTicket }> = [];
  for (const { row, values } of rows) {
    const earlier = byResponse.get(responseIdOf(values.fingerprint));
    if (earlier) {
      mark(row, earlier, 'import.result.linked');
      linked += 1;
      continue;
    }
    const plan = planHistoricTicket(values, context);
    if (plan.kind === 'rejected') {
      mark(row, '', 'import.result.rejected', { reason: t(lang, plan.reason.key, plan.reason.params) });
      rejected += 1;
      continue;
    }
    byResponse.set(responseIdOf(values.fingerprint), '');
    accepted.push({ row, values, plan });
  }
  // Numbered first (the staging rows are in time order), so a repeat within the batch names its ID.
  const ids = allocateTicketIds(
    ctx,
    settings,
    accepted.map((a) => a.plan.fields),
  );
  const planned = accepted.map((a, i) => ({
    row: a.row,
    ticket: newTicketOf(ctx, settings, a.plan, a.values, ids[i], repeats),
  }));
  settleAsOfNow(
    settings,
    planned.map((p) => p.ticket),
    now,
  );
  const written = writeNewTickets(
    ctx,
    settings,
    planned.map((p) => p.ticket),
    'import',
    '',
  );
  for (const [i, ticket] of written.entries()) mark(planned[i].row, ticket.id, 'import.result.imported');
  staging.updateRows(results);
  ports.workbook.flush();
  return {
    imported: written.length,
    rejected,
    linked,
    waiting: pending.length - rows.length,
  };
}

function newTicketOf(
  ctx: JobContext,
  settings: DeskSettings,
  plan: HistoricTicket,
  row: ImportRow,
  id: string,
  repeats: RepeatIndex,
): NewTicket {
  const { fields } = plan;
  const repeat = findRepeat(repeats, fields, settings.general.repeatWindowDays);
  const severity = repeat ? repeat.severity : fields.severity;
  const reviews = [...plan.reviews];
  if (repeat)
    reviews.push({
      key: 'tickets.review.repeat',
      params: { id: repeat.repeatOf, days: settings.general.repeatWindowDays },
    });
  // The register's department wins; else the category's. No round-robin: a historic ticket was handled
  // by whoever the register names, not by today's rotation.
  const route = routeTicket({
    category: fields.category,
    categories: settings.categories,
    staff: [],
    counts: { today: new Map(), week: new Map() },
    lastAssignee: null,
  });
  const callbackDone = plan.callbackAt !== null || plan.satisfaction !== null;
  const ticket: NewTicket = {
    fields: { ...fields, severity },
    department: plan.department || route.department,
    assignee: plan.assignee,
    needsReview: plan.reviews.length > 0,
    reviewNote: reviewNote(ctx.lang, reviews),
    repeatOf: repeat?.repeatOf ?? '',
    supervised: repeat !== null,
    id,
    formResponseId: responseIdOf(row.fingerprint),
    actor: t(ctx.lang, 'import.actor', { source: row.source }),
    extra: {
      status: plan.status,
      resolution: plan.resolution,
      resolveAt: plan.resolveAt ?? '',
      callbackAt: callbackDone ? (plan.callbackAt ?? '') : '',
      callbackState: callbackDone ? 'done' : '',
      satisfaction: plan.satisfaction ?? '',
    },
  };
  // Later rows of the batch see this complaint as an earlier one.
  addToRepeatIndex(repeats, {
    id,
    type: fields.type,
    phone: fields.phone,
    email: fields.email,
    category: fields.category,
    receivedAt: fields.receivedAt,
  });
  return ticket;
}

/**
 * SLA state and escalation level as of the ticket's own dates, by the sweep's rules at `now`: a
 * resolved ticket is met or met late; an open one has the level it has reached, recorded without a
 * mail (the sweep mails a level only when it rises above the recorded one).
 */
function settleAsOfNow(settings: DeskSettings, tickets: NewTicket[], now: Date): void {
  const rows = tickets.map((ticket, index) => {
    const record: Partial<TicketRow> = {
      ...ticket.fields,
      ...ticket.extra,
      id: `#${index}`,
      slaState: 'pending',
      escalationLevel: 0,
      pausedMs: 0,
    };
    return {
      row: index,
      values: Object.fromEntries(SWEEP_KEYS.map((key) => [key, record[key] ?? ''])) as SweepRow,
      unrecognized: {},
    };
  });
  const plan = assessTickets(rows, { sla: settings.sla, calendar: settings.calendar, now }, 0, () => false);
  for (const change of plan.changes) {
    const ticket = tickets[change.row];
    ticket.extra = { ...ticket.extra, slaState: 'pending', escalationLevel: 0, ...change.values };
  }
}
