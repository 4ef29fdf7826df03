/**
 * Which resolved tickets are called back when an SLA row samples (SPEC §5: Inquiry "sample 10 %").
 * The pick is a pure function of the ticket ID, so re-running a job, repairing a sheet or replaying a
 * month picks exactly the same tickets — no random numbers, no stored state.
 */

/** FNV-1a (32 bit): small, fast, and spreads sequential IDs like CMP-2026-00001 … 00002 evenly. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The ticket's bucket 0 … 99; IDs are compared trimmed and upper-cased, as people type them. */
export function sampleBucket(ticketId: string): number {
  return fnv1a(ticketId.trim().toUpperCase()) % 100;
}

/** Whether a ticket falls in a sample of `ratePercent` % (0 → none, 100 → all). */
export function isSampled(ticketId: string, ratePercent: number): boolean {
  if (ratePercent >= 100) return true;
  if (ratePercent <= 0) return false;
  return sampleBucket(ticketId) < ratePercent;
}
