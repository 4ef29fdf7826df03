/**
 * Where in Tickets the tickets still being worked begin, so that My queue (panel/queue.ts) reads from
 * there down instead of every row (SPEC §17: cells read stay bounded as the sheet grows). Tickets are
 * appended, so a desk's settled years lie above its open tickets and pending callbacks.
 *
 * The hourly sweep, which reads every row anyway, records the first row still active (an open status,
 * or a callback still to be made) and two anchors it can be checked by: the ticket in the row above it
 * and the ticket in the sheet's last row then. A reader uses the window only if both rows still hold
 * those tickets; rows sorted, inserted or deleted above the window move them, and the reader then reads
 * every row. The only way a settled ticket becomes active again is a reopen (core/tickets/lifecycle:
 * Resolved/Closed → Reopened): a reopen above the window (a cell edit, the panel, a callback) forgets it,
 * so every row is read until the next sweep records it again. Tickets added since the sweep are below
 * it. Kept in one document property.
 */
import type { CallbackState, TicketStatus } from '../core/enums';
import { OPEN_STATUSES } from '../core/tickets';
import type { StorePort } from '../ports';

const KEY = 'tickets.active';

/** Callback states of a ticket whose callback is still to be made (My queue lists due ones). */
const CALLBACK_PENDING: ReadonlySet<string> = new Set<CallbackState>([
  'waiting',
  'due',
  'overdue',
  'invalid',
]);
const OPEN: ReadonlySet<string> = new Set<TicketStatus>(OPEN_STATUSES);

export interface ActiveWindow {
  /** The first row to read: the row above the first active ticket (its anchor), or 1 for all rows. */
  from: number;
  /** The ticket ID the row `from` held when recorded ('' for the header row). */
  fromId: string;
  /** The sheet's last row when recorded, and the ticket it held. */
  last: number;
  lastId: string;
}

interface ActiveInput {
  row: number;
  values: { id: string; status: TicketStatus | ''; callbackState: CallbackState | '' };
}

/** Whether a ticket row may still appear in someone's queue. */
function isActive(values: ActiveInput['values']): boolean {
  if (values.id === '') return false;
  // A status no job set (typed by hand, not yet recognised) counts as active: better read than missed.
  return values.status === '' || OPEN.has(values.status) || CALLBACK_PENDING.has(values.callbackState);
}

/** The window for rows as read in sheet order (every row from 2 to the last), or null when none. */
export function planActiveWindow(rows: readonly ActiveInput[]): ActiveWindow | null {
  const lastRow = rows[rows.length - 1];
  if (!lastRow) return null;
  const index = rows.findIndex((row) => isActive(row.values));
  // Nothing active: the window starts at the last row (tickets added later are below it).
  const anchor = index < 0 ? lastRow : rows[index - 1];
  return {
    from: anchor ? anchor.row : 1,
    fromId: anchor ? anchor.values.id : '',
    last: lastRow.row,
    lastId: lastRow.values.id,
  };
}

/** Records the sweep's window (one property write, only when it moved). */
export function recordActiveWindow(store: StorePort, rows: readonly ActiveInput[]): void {
  const window = planActiveWindow(rows);
  const next = window ? JSON.stringify(window) : null;
  const previous = store.get(KEY);
  if (next === previous) return;
  if (next === null) store.delete(KEY);
  else store.set(KEY, next);
}

export function activeWindow(store: StorePort): ActiveWindow | null {
  const text = store.get(KEY);
  if (text === null) return null;
  try {
    const parsed = JSON.parse(text) as Partial<ActiveWindow>;
    if (
      typeof parsed.from === 'number' &&
      typeof parsed.fromId === 'string' &&
      typeof parsed.last === 'number' &&
      typeof parsed.lastId === 'string'
    )
      return parsed as ActiveWindow;
  } catch {
    // A value no version of this code wrote: read every row, and the next sweep writes it again.
  }
  return null;
}

/** Tickets reopened in these rows: a window that starts below one of them is forgotten. */
export function keepReopenedInWindow(store: StorePort, reopened: ReadonlyArray<{ row: number }>): void {
  if (reopened.length === 0) return;
  const window = activeWindow(store);
  if (!window) return;
  if (Math.min(...reopened.map((r) => r.row)) <= window.from) store.delete(KEY);
}
