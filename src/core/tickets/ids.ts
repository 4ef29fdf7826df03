/**
 * Ticket numbers `{PREFIX}-{YYYY}-{NNNNN}` (SPEC §4 step 3; one number links register, handling and
 * callback records — seed 002 §3.4.3, seed 001 L513). The counter lives in document properties and is
 * advanced by a job under the document lock; these helpers are pure.
 */

/** Document-property key of the counter for one prefix and year. Counters never go back. */
export function counterKey(prefix: string, year: number): string {
  return `ticketCounter.${prefix}.${year}`;
}

export function formatTicketId(prefix: string, year: number, n: number): string {
  return `${prefix}-${year}-${String(n).padStart(5, '0')}`;
}

/** The next number after a stored counter value (absent or corrupt → 1). */
export function nextCounter(stored: string | null): number {
  const n = stored === null ? 0 : Number(stored);
  return Number.isInteger(n) && n >= 0 ? n + 1 : 1;
}

export interface TicketIdParts {
  prefix: string;
  year: number;
  n: number;
}

export function parseTicketId(id: string): TicketIdParts | null {
  const match = /^([A-Z]{2,5})-(\d{4})-(\d{5,})$/.exec(id.trim().toUpperCase());
  return match ? { prefix: match[1], year: Number(match[2]), n: Number(match[3]) } : null;
}
