/**
 * What a callback attempt reads, bounded whatever the number of tickets and callbacks (issue 13, SPEC
 * §15): the ticket's earlier attempts (their numbers, days, methods, this response if already recorded)
 * and the ticket's row, each found by Google's TextFinder in one column — no column of every row is
 * read. The search finds rows where they are now, so a person sorting, moving or typing rows into
 * either sheet changes nothing; a row typed by hand is found like any other.
 *
 * Calls: a search is getRange + createTextFinder + findAll (+ getRow of the first and last match); the
 * rows found are read in one block when they lie close together (the usual case: a ticket's attempts
 * are days apart), else one read per run of rows.
 */
import type { CallbackRow, TicketRow } from '../../workbook/schemas';
import type { Table, TableRow } from '../../workbook/table';

export const ATTEMPT_KEYS = [
  'ticketId',
  'at',
  'by',
  'method',
  'reached',
  'satisfaction',
  'issueResolved',
  'comments',
  'formResponseId',
] as const;

export const TICKET_KEYS = [
  'id',
  'type',
  'severity',
  'receivedAt',
  'customer',
  'phone',
  'category',
  'department',
  'assignee',
  'status',
  'resolution',
  'resolveAt',
  'callbackOpen',
  'callbackDue',
  'callbackState',
  'waitingSince',
  'pausedMs',
  'reopenCount',
  // Read only so the update (callback state … updated at) can be one contiguous write.
  'updatedAt',
] as const;

export type StoredAttempt = Pick<CallbackRow, (typeof ATTEMPT_KEYS)[number]>;
export type StoredTicket = Pick<TicketRow, (typeof TICKET_KEYS)[number]>;

/**
 * Rows between the first and last match that are read in one block (× 13 columns ≈ 2,000 cells):
 * beyond that, the matches are read one run at a time.
 */
const BLOCK_ROWS = 150;
/** Other rows a run may take in between two matches, so that nearby matches are one read. */
const RUN_GAP = 20;

/** Ticket IDs are compared as people type them: trimmed, any case. */
export function sameId(a: string, b: string): boolean {
  return a.trim().toUpperCase() === b.trim().toUpperCase();
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Sorted rows as [first, last] runs, a run bridging at most RUN_GAP other rows. */
function runsOf(rows: readonly number[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (const row of [...new Set(rows)].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && row - last[1] <= RUN_GAP + 1) last[1] = row;
    else runs.push([row, row]);
  }
  return runs;
}

/**
 * The Callbacks rows whose `key` cell holds `value` (trimmed, any case; callers compare exactly what
 * they need), plus possibly a few neighbours the caller filters out. One search: a substring search
 * (one call fewer than a whole-cell one), whose matches are read in one block when close together;
 * matches far apart are searched again for the whole cell (only the rows that hold `value`) and read
 * one run at a time.
 */
function attemptRowsHolding(
  table: Table<CallbackRow>,
  key: 'ticketId' | 'formResponseId',
  value: string,
): TableRow<StoredAttempt>[] {
  const found = table.spanOf(key, value, { wholeCell: false });
  if (!found) return [];
  if (found.last - found.first < BLOCK_ROWS)
    return table.readRowSpan(found.first, found.last, ATTEMPT_KEYS).rows;
  if (found.count === 2)
    return [found.first, found.last].flatMap((row) => table.readRowSpan(row, row, ATTEMPT_KEYS).rows);
  const exact = table.findRows([key], `^\\s*${escapeRegex(value.trim())}\\s*$`, { regex: true });
  return runsOf(exact).flatMap(([first, last]) => table.readRowSpan(first, last, ATTEMPT_KEYS).rows);
}

/**
 * The attempts already stored for this ticket ID, and the row of this response if it was recorded
 * (the duplicate check): the rows naming the ticket, or — with no ticket ID given — the rows naming
 * the response. A recorded response names the same ticket, as its answers do.
 */
export function storedAttempts(
  table: Table<CallbackRow>,
  ticketId: string,
  responseId: string,
): StoredAttempt[] {
  const rows =
    ticketId.trim() !== ''
      ? attemptRowsHolding(table, 'ticketId', ticketId).filter((row) => sameId(row.values.ticketId, ticketId))
      : attemptRowsHolding(table, 'formResponseId', responseId).filter(
          (row) => row.values.formResponseId === responseId,
        );
  return rows.map((row) => row.values);
}

/**
 * The first ticket whose ID is `id` (trimmed, any case), or null: the first cell containing it is the
 * ticket's own (IDs are unique and of fixed width); a longer ID containing it (an imported one) sends
 * the search on to the whole cell.
 */
export function ticketNamed(
  table: Table<TicketRow>,
  id: string,
): { row: number; values: StoredTicket } | null {
  const found = table.spanOf('id', id, { wholeCell: false });
  if (!found) return null;
  const holds = (row: TableRow<StoredTicket> | undefined) =>
    row !== undefined && row.values.id !== '' && sameId(row.values.id, id);
  const [first] = table.readRowSpan(found.first, found.first, TICKET_KEYS).rows;
  if (holds(first)) return first;
  const exact = found.count > 1 ? table.rowOf('id', id) : null;
  const [row] = exact === null ? [] : table.readRowSpan(exact, exact, TICKET_KEYS).rows;
  return holds(row) ? row : null;
}
