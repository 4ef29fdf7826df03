/**
 * The earlier tickets a new complaint may repeat (SPEC §4 step 5), found within intake's budget (SPEC
 * §15: ≤ 15 Sheets calls and ≤ 5,000 cells read, the same at 10 and at 100,000 tickets).
 *
 * Google's TextFinder tells how many cells hold the phone (or, without one, the email) with no cell read;
 * where they are costs one getRow each. So intake remembers, per contact, the rows of the tickets it wrote
 * (document properties, bounded). A contact with remembered rows is searched for in the whole sheet
 * (Sheet.createTextFinder + findAll: two calls) and its remembered rows are read across the whole width,
 * one read per run of nearby rows; when the text cells there holding the contact are as many as the
 * search counted, no other cell of the sheet holds it: the rows read are every ticket of that contact,
 * however the sheet was sorted, edited or typed into since. Only text cells are counted, and only ASCII
 * letters are case folded, so each cell counted is one the search counted too.
 *
 * A contact without remembered rows (its first complaint since intake began to remember it, or one whose
 * rows could not be proved: typed as a number, more than a block apart) is searched for in its own column
 * (three calls, a 48th of the cells), and so is nothing to prove wrong. Matches that are not proved are
 * located: the first and the last (one getRow each); when they are close, the block between them holds
 * every match (one read), else the latest REPEAT_CANDIDATES are read. What a block proved is remembered.
 */
import { fnv1a } from '../core/hash';
import type { PriorTicket } from '../core/tickets/repeats';
import type { CellValue, Grid, SheetMatches, StorePort } from '../ports';
import type { TicketRow } from '../workbook/schemas';
import type { Table } from '../workbook/table';

/** Columns of an earlier ticket that decide whether a new complaint repeats it. */
const REPEAT_KEYS = ['id', 'type', 'phone', 'email', 'category', 'receivedAt'] as const;
/** Far-apart matches without remembered rows: how many of the latest are read (each costs two calls). */
const REPEAT_CANDIDATES = 3;
/** Cells the reads of earlier rows may take (the budget is 5,000; the header check reads one row). */
const CELLS_FOR_EARLIER = 4_000;
/** Reads of remembered rows at most: beyond, locating the matches costs no more. */
const MAX_READS = 3;

/** The remembered rows of a contact are kept in one of these properties, by a hash of the contact. */
const MEMORY_PREFIX = 'intake.contactRows.';
const MEMORY_CHUNKS = 6;
/** Properties hold 9 KB per value (UTF-8): the least recently used contacts of a chunk go first. */
const CHUNK_BYTES = 8_000;
/** Rows remembered per contact: a contact with more tickets is located by the search each time. */
const ROWS_PER_CONTACT = 12;

type Memory = Record<string, number[]>;

function chunkKey(contact: string): string {
  return `${MEMORY_PREFIX}${fnv1a(contact) % MEMORY_CHUNKS}`;
}

function readChunk(store: StorePort, key: string): Memory {
  try {
    const parsed = JSON.parse(store.get(key) ?? '{}') as unknown;
    return parsed !== null && typeof parsed === 'object' ? (parsed as Memory) : {};
  } catch {
    // A hand-edited property is forgotten: the search locates the rows again.
    return {};
  }
}

function rememberedRows(store: StorePort, contact: string): number[] | null {
  const rows = readChunk(store, chunkKey(contact))[contact];
  return Array.isArray(rows) && rows.every((row) => Number.isInteger(row) && row >= 2) ? rows : null;
}

/** Sets (or, with null, forgets) the rows of contacts, each chunk written once. */
function remember(store: StorePort, updates: ReadonlyMap<string, readonly number[] | null>): void {
  const byChunk = new Map<string, Array<[string, readonly number[] | null]>>();
  for (const [contact, rows] of updates) {
    const key = chunkKey(contact);
    byChunk.set(key, [...(byChunk.get(key) ?? []), [contact, rows]]);
  }
  for (const [key, entries] of byChunk) {
    const chunk = readChunk(store, key);
    for (const [contact, rows] of entries) {
      // Re-inserted last: the chunk's order is its contacts' recency.
      delete chunk[contact];
      if (rows) chunk[contact] = [...new Set(rows)].sort((a, b) => a - b).slice(-ROWS_PER_CONTACT);
    }
    let text = JSON.stringify(chunk);
    for (const contact of Object.keys(chunk)) {
      if (utf8Length(text) <= CHUNK_BYTES) break;
      delete chunk[contact];
      text = JSON.stringify(chunk);
    }
    try {
      store.set(key, text);
    } catch {
      // The memory only spares calls (what it says is proved before it is used): a store too full to
      // take it costs the next repeat of these contacts a search, never the ticket being written.
    }
  }
}

/** UTF-8 bytes, as Google counts a property value (an email may hold any letters: 3 bytes each). */
function utf8Length(text: string): number {
  return encodeURIComponent(text).replace(/%[0-9A-F]{2}/g, '.').length;
}

/** ASCII letters lowered only: Google's any-case match folds at least these, so no cell is over-counted. */
function foldAscii(text: string): string {
  return text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

function holds(value: CellValue, folded: string): boolean {
  return typeof value === 'string' && foldAscii(value).includes(folded);
}

/**
 * Rows as [first, last] runs to read, as few as the cells allow: the smallest gaps between rows are
 * bridged first while the rows read stay within `cells` (a run's rows × the sheet's width).
 */
function runsOf(rows: readonly number[], width: number, cells = CELLS_FOR_EARLIER): Array<[number, number]> {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  let total = sorted.length * width;
  const bridged = new Set<number>();
  const gaps = sorted.slice(1).map((row, i) => ({ at: i, size: row - sorted[i] - 1 }));
  for (const gap of gaps.sort((a, b) => a.size - b.size)) {
    if (total + gap.size * width > cells) break;
    total += gap.size * width;
    bridged.add(gap.at);
  }
  const runs: Array<[number, number]> = [];
  sorted.forEach((row, i) => {
    if (i > 0 && bridged.has(i - 1)) runs[runs.length - 1][1] = row;
    else runs.push([row, row]);
  });
  return runs;
}

interface RowsRead {
  /** Every row read (the verdict judges each one's phone, email and category). */
  tickets: PriorTicket[];
  /** Rows read with a text cell holding the contact: what is remembered. */
  holding: number[];
  /** Cells holding the contact among the rows read (text cells only). */
  cells: number;
  /** A row names the contact in a cell that is not text (a phone typed as a number): no count can prove it. */
  unprovable: boolean;
}

function readRuns(
  tickets: Table<TicketRow>,
  runs: ReadonlyArray<[number, number]>,
  contact: string,
): RowsRead {
  const folded = foldAscii(contact);
  const read: RowsRead = { tickets: [], holding: [], cells: 0, unprovable: false };
  for (const [first, last] of runs) {
    const { grid, rows } = tickets.readWideSpan(first, last, REPEAT_KEYS);
    rows.forEach((row, i) => {
      read.tickets.push(row.values);
      const found = countHolding(grid[i] ?? [], folded);
      if (found > 0) {
        read.cells += found;
        read.holding.push(row.row);
      } else if (
        foldAscii(String(row.values.phone)).includes(folded) ||
        foldAscii(row.values.email).includes(folded)
      )
        read.unprovable = true;
    });
  }
  return read;
}

function countHolding(line: Grid[number], folded: string): number {
  let n = 0;
  for (const value of line) if (holds(value, folded)) n += 1;
  return n;
}

function cellsOf(runs: ReadonlyArray<[number, number]>, width: number): number {
  return runs.reduce((sum, [first, last]) => sum + (last - first + 1) * width, 0);
}

/**
 * The earlier tickets that hold this complaint's phone (or, without one, its email) — every one when the
 * remembered rows or a close block prove it, else the latest few — read within the budget above.
 * Returns the contact searched for (to remember the new ticket's row under) and what was learned.
 */
export function earlierTickets(
  tickets: Table<TicketRow>,
  store: StorePort,
  fields: { type: string; phone: string; email: string },
): { prior: PriorTicket[]; learned: Map<string, number[] | null> } {
  const learned = new Map<string, number[] | null>();
  if (fields.type !== 'complaint') return { prior: [], learned };
  const phone = fields.phone.trim();
  const contact = phone || fields.email.trim();
  if (contact === '') return { prior: [], learned };
  const width = tickets.headerMap().headers.length;
  const lastRow = tickets.lastRow();
  const remembered = rememberedRows(store, contact)?.filter((row) => row <= lastRow) ?? [];
  if (remembered.length === 0) {
    // Nothing to prove a count with: the column's own search (one call more, a 48th of the cells).
    const matches = tickets.searchColumn(phone ? 'phone' : 'email', contact);
    return { prior: located(tickets, matches, contact, width, learned), learned };
  }
  const matches = tickets.searchSheet(contact);
  const runs = runsOf(remembered, width);
  if (matches.count > 0 && runs.length <= MAX_READS && cellsOf(runs, width) <= CELLS_FOR_EARLIER) {
    const read = readRuns(tickets, runs, contact);
    if (read.cells === matches.count) {
      learned.set(contact, read.holding);
      return { prior: read.tickets, learned };
    }
  }
  return { prior: located(tickets, matches, contact, width, learned), learned };
}

/**
 * The rows of a search's matches, located: every one when the first and the last are close (the block
 * between them, one read), else the latest REPEAT_CANDIDATES. What is learned goes into `learned`.
 */
function located(
  tickets: Table<TicketRow>,
  matches: SheetMatches,
  contact: string,
  width: number,
  learned: Map<string, number[] | null>,
): PriorTicket[] {
  if (matches.count === 0) {
    learned.set(contact, []);
    return [];
  }
  const first = matches.rowAt(0);
  const last = matches.count === 1 ? first : matches.rowAt(matches.count - 1);
  if ((last - first + 1) * width <= CELLS_FOR_EARLIER) {
    // Matches are in sheet order: the block from the first to the last holds every one.
    const read = readRuns(tickets, [[first, last]], contact);
    learned.set(contact, read.unprovable ? null : read.holding);
    return read.tickets;
  }
  const latest = [last];
  for (let i = matches.count - 2; i >= 0 && latest.length < REPEAT_CANDIDATES; i--) {
    const row = i === 0 ? first : matches.rowAt(i);
    if (!latest.includes(row)) latest.push(row);
  }
  // Not every match was read: nothing is remembered that could not be proved next time.
  learned.set(contact, null);
  return readRuns(tickets, runsOf(latest, width), contact).tickets;
}

/**
 * After the new ticket's row is appended: its row is remembered under its phone and email, where the
 * rows of that contact are known in full (learned by this intake, or remembered before).
 */
export function rememberNewTicket(
  store: StorePort,
  learned: Map<string, number[] | null>,
  ticket: { phone: string; email: string },
  row: number,
): void {
  const updates = new Map(learned);
  for (const contact of [ticket.phone.trim(), ticket.email.trim()]) {
    if (contact === '') continue;
    const known = updates.has(contact) ? updates.get(contact) : rememberedRows(store, contact);
    if (known) updates.set(contact, [...known, row]);
  }
  if (updates.size > 0) remember(store, updates);
}
