/**
 * Repeat complaints (SPEC §4 step 5; seed 000 L799–801: a second complaint on the same issue is
 * registered at once, the department head is told in writing and the desk supervises). Same phone or
 * email + same category within the window of an earlier complaint → Repeat of = the most recent such
 * complaint, severity Major, supervised.
 *
 * One pass over the rows builds a map (contact|category → latest complaint); each lookup is O(1), so
 * 100,000 rows cost one linear scan.
 */
import type { Severity, TicketType } from '../enums';
import { categoryKey } from '../settings/categories';

export interface PriorTicket {
  id: string;
  type: TicketType | '';
  phone: string;
  email: string;
  category: string;
  receivedAt: Date | '';
}

interface Latest {
  id: string;
  at: number;
}

export type RepeatIndex = Map<string, Latest>;

const DAY_MS = 24 * 60 * 60 * 1000;

function contactKeys(phone: string, email: string, category: string): string[] {
  const cat = categoryKey(category);
  const keys: string[] = [];
  const digits = phone.replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '');
  if (digits !== '') keys.push(`p:${digits}|${cat}`);
  const mail = email.trim().toLowerCase();
  if (mail !== '') keys.push(`e:${mail}|${cat}`);
  return keys;
}

export function buildRepeatIndex(rows: Iterable<PriorTicket>): RepeatIndex {
  const index: RepeatIndex = new Map();
  for (const row of rows) addToRepeatIndex(index, row);
  return index;
}

/** Adds one ticket to the index (a batch of imported tickets is an earlier complaint for the next). */
export function addToRepeatIndex(index: RepeatIndex, row: PriorTicket): void {
  if (row.type !== 'complaint' || !(row.receivedAt instanceof Date) || row.category.trim() === '') return;
  const at = row.receivedAt.getTime();
  for (const key of contactKeys(row.phone, row.email, row.category)) {
    const current = index.get(key);
    if (!current || at > current.at) index.set(key, { id: row.id, at });
  }
}

export interface RepeatMatch {
  repeatOf: string;
  severity: Severity;
  supervised: true;
}

/** The repeat verdict for a new complaint, or null. `windowDays` from ⚙ General (default 90). */
export function findRepeat(
  index: RepeatIndex,
  ticket: { type: TicketType; phone: string; email: string; category: string; receivedAt: Date },
  windowDays: number,
): RepeatMatch | null {
  if (ticket.type !== 'complaint' || ticket.category.trim() === '') return null;
  const at = ticket.receivedAt.getTime();
  let best: Latest | null = null;
  for (const key of contactKeys(ticket.phone, ticket.email, ticket.category)) {
    const earlier = index.get(key);
    if (
      earlier &&
      earlier.at <= at &&
      at - earlier.at <= windowDays * DAY_MS &&
      (!best || earlier.at > best.at)
    )
      best = earlier;
  }
  return best ? { repeatOf: best.id, severity: 'major', supervised: true } : null;
}
