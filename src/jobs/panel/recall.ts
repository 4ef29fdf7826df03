/**
 * What the panel remembers of a ticket between two reads, so that opening it again costs a constant
 * handful of Sheets calls (issue 19: ≤ 6) instead of two TextFinder searches:
 * - the Tickets row it was in: tried first, and used only if that row still holds the ticket's ID (a
 *   sort, a moved or deleted row makes the check fail, and the ID is searched again);
 * - its History up to a row of History (`through`) and that row's content: the next read reads History
 *   from `through` to its last row only, keeps the remembered entries when row `through` still holds
 *   the same entry (a row deleted, inserted or sorted above it shifts that row, and History is searched
 *   again), and adds the ticket's entries among the rows appended since, whoever wrote them;
 * - the deadline notes it had to read (when they are not the ones the rules give), with the due cells
 *   they explain.
 * It lives in the document cache (shared by everyone working the spreadsheet) for 6 hours, and Google
 * may drop it sooner: then the read simply searches. Nothing is ever written from it.
 */
import type { CachePort } from '../../ports';
import type { HistoryRow } from '../../workbook/schemas';
import type { DeadlineColumn } from '../deadlines';

/** Google keeps a cache entry at most 6 hours. */
const RECALL_SECONDS = 6 * 60 * 60;
/** CacheService refuses values over 100 KB (UTF-8); a larger timeline is not remembered. */
const MAX_BYTES = 100 * 1024 - 1024;
const VERSION = 1;

export interface RememberedTicket {
  /** The ticket's ID as compared (normalized). */
  id: string;
  /** The Tickets row it was in. */
  row: number;
  /** History's last row when it was read (1: History had no entries then). */
  through: number;
  /** The entry in History row `through`, as `historyKey` writes it ('' when `through` is 1). */
  tail: string;
  /** How many History entries of the ticket there were through `through`. */
  total: number;
  /** The latest of them (at most the panel's limit), oldest first. */
  history: HistoryRow[];
  /** Deadline notes read from the sheet, and the due cells (instants) they explain. */
  notes?: { due: string; text: Partial<Record<DeadlineColumn, string>> };
}

interface Stored extends Omit<RememberedTicket, 'history'> {
  v: number;
  history: Array<[number | '', string, string, string, string, string, string]>;
}

/** CacheService keys are at most 250 characters; an ID longer than this (typed by hand) is not remembered. */
const MAX_ID = 200;

function key(id: string): string {
  return `panel.ticket.${id}`;
}

/** One History entry as text, to tell whether a row still holds the entry seen there. */
export function historyKey(row: HistoryRow): string {
  return JSON.stringify(packed(row));
}

function packed(row: HistoryRow): Stored['history'][number] {
  return [
    row.at instanceof Date ? row.at.getTime() : '',
    String(row.actor),
    String(row.recordId),
    String(row.field),
    String(row.oldValue),
    String(row.newValue),
    String(row.source),
  ];
}

function unpacked([
  at,
  actor,
  recordId,
  field,
  oldValue,
  newValue,
  source,
]: Stored['history'][number]): HistoryRow {
  return {
    at: typeof at === 'number' ? new Date(at) : '',
    actor,
    recordId,
    field,
    oldValue,
    newValue,
    source: source as HistoryRow['source'],
  };
}

/** UTF-8 length of a string (what CacheService measures). */
function bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) n += 1;
    else if (code < 0x800) n += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export function recall(cache: CachePort, id: string): RememberedTicket | null {
  if (id === '' || id.length > MAX_ID) return null;
  const text = cache.get(key(id));
  if (!text) return null;
  try {
    const stored = JSON.parse(text) as Stored;
    if (stored.v !== VERSION || stored.id !== id || !Array.isArray(stored.history)) return null;
    return {
      id: stored.id,
      row: stored.row,
      through: stored.through,
      tail: stored.tail,
      total: stored.total,
      history: stored.history.map(unpacked),
      ...(stored.notes ? { notes: stored.notes } : {}),
    };
  } catch {
    // Not ours (or cut short): searched again, then overwritten.
    return null;
  }
}

/** Stores what was read; `previous` is what recall gave, so an unchanged entry is not written again. */
export function remember(cache: CachePort, entry: RememberedTicket, previous: RememberedTicket | null): void {
  if (entry.id === '' || entry.id.length > MAX_ID) return;
  const text = serialize(entry);
  if (previous && serialize(previous) === text) return;
  if (bytes(text) > MAX_BYTES) return;
  cache.put(key(entry.id), text, RECALL_SECONDS);
}

function serialize(entry: RememberedTicket): string {
  const stored: Stored = {
    v: VERSION,
    id: entry.id,
    row: entry.row,
    through: entry.through,
    tail: entry.tail,
    total: entry.total,
    history: entry.history.map(packed),
    ...(entry.notes ? { notes: entry.notes } : {}),
  };
  return JSON.stringify(stored);
}
