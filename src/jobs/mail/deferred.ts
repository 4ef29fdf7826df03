/**
 * Ticket notices deferred while mail waits (SPEC §14, §15). When the Outbox already holds mail, or the
 * day's quota cannot take a new ticket's notices, they could not leave before the next hourly run
 * anyway: appending them to the Outbox from intake would cost four Sheets calls (the sheet, its header,
 * its last row, the append) that intake's 15 do not have. So intake records the ticket's ID and row in
 * one document property, in its locked step, and the next hourly run composes the notices from the
 * ticket row and enqueues them (keys notice:<ticket>:<kind>, so a kill in between makes the second
 * enqueue a no-op) just before it sends the Outbox. Nothing is lost: the property is set in the same
 * locked step as the ticket, and cleared only after the notices are enqueued.
 */
import { TICKETS, type TicketRow } from '../../workbook/schemas';
import type { JobContext } from '../context';
import type { DeskSettings } from '../settings';
import { NOTICE_FIELDS, ticketNotices } from './notices';
import { enqueueMail } from './outbox';

const DEFERRED_KEY = 'mail.deferred.notices';
/** Google keeps at most 9 KB in one property value; a longer list is not deferred (enqueued at once). */
const MAX_CHARS = 8_000;
/** Deferred tickets within this many rows are read with one read; farther ones one by one. */
const SPAN_ROWS = 500;
const LOCK_MS = 30_000;

interface Deferred {
  id: string;
  row: number;
}

function readDeferred(ctx: JobContext): Deferred[] {
  const text = ctx.ports.store.get(DEFERRED_KEY);
  if (!text) return [];
  return text
    .split(',')
    .map((entry) => {
      const at = entry.lastIndexOf('@');
      return { id: entry.slice(0, at), row: Number(entry.slice(at + 1)) };
    })
    .filter((entry) => entry.id !== '' && Number.isInteger(entry.row));
}

/**
 * Records a new ticket whose notices the next hourly run enqueues (call it in the ticket's locked step).
 * False when the list is full: the caller enqueues them now.
 */
export function deferTicketNotices(ctx: JobContext, id: string, row: number): boolean {
  const text = ctx.ports.store.get(DEFERRED_KEY) ?? '';
  const next = `${text === '' ? '' : `${text},`}${id}@${row}`;
  if (next.length > MAX_CHARS) return false;
  ctx.ports.store.set(DEFERRED_KEY, next);
  return true;
}

/** The rows of the deferred tickets, read in spans; a row that no longer holds its ticket is searched by ID. */
function deferredTickets(ctx: JobContext, deferred: readonly Deferred[]): Array<Partial<TicketRow>> {
  const tickets = ctx.table<TicketRow>(TICKETS);
  const byRow = new Map<number, Partial<TicketRow>>();
  const sorted = [...deferred].sort((a, b) => a.row - b.row);
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1].row - sorted[i].row < SPAN_ROWS) j += 1;
    const first = sorted[i].row;
    const count = sorted[j].row - first + 1;
    for (const { row, values } of tickets.readRowsAt(first, count, NOTICE_FIELDS).rows)
      byRow.set(row, values);
    i = j + 1;
  }
  const found: Array<Partial<TicketRow>> = [];
  for (const { id, row } of deferred) {
    const atRow = byRow.get(row);
    if (atRow?.id === id) {
      found.push(atRow);
      continue;
    }
    // The sheet was sorted or rows deleted since intake: one search for this ticket.
    const [moved] = tickets.findRows(['id'], id, { exact: true, limit: 1 });
    const [ticket] = moved === undefined ? [] : tickets.readRowList([moved], NOTICE_FIELDS).rows;
    if (ticket?.values.id === id) found.push(ticket.values);
  }
  return found;
}

/** Enqueues the notices of the tickets deferred since the last run (the hourly run, before the Outbox). */
export function enqueueDeferredNotices(ctx: JobContext, settings: DeskSettings): number {
  if (!ctx.ports.store.get(DEFERRED_KEY)) return 0;
  return ctx.ports.lock.withDocumentLock(LOCK_MS, () => {
    const deferred = readDeferred(ctx);
    const mails = deferredTickets(ctx, deferred).flatMap((ticket) => ticketNotices(ctx, settings, ticket));
    enqueueMail(ctx, mails);
    ctx.ports.store.delete(DEFERRED_KEY);
    return mails.length;
  });
}
