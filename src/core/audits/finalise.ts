/**
 * Audits left unappealed past the appeal window become final (SPEC §8.1: "rejected or expired appeals
 * lock the audit"; ANCHORS: an appeal within N working days "or the result stands"). Pure: the job
 * reads a block of Audits rows from its cursor and writes what this returns.
 *
 * Audits are appended in the order they were made, and the deadline grows with the audit's time, so a
 * cursor row splits the sheet: every row above it is past its deadline and done. A run walks down from
 * the cursor while deadlines have passed and stops at the first audit still open for appeal; that
 * audit's deadline is when the next walk is needed.
 */
import type { EnumCode } from '../enums';

export interface FinaliseCandidate {
  row: number;
  auditId: string;
  at: Date | null;
  kind: EnumCode<'auditKind'> | '';
  state: EnumCode<'auditState'> | '';
}

export interface FinalisePlan {
  /** Normal audits nobody appealed in time: their state becomes Final. */
  lock: FinaliseCandidate[];
  /** The first row not walked yet. */
  nextRow: number;
  /** When the audit at nextRow's window closes; null when the walk reached the end of the block. */
  nextDue: number | null;
}

/** Scored or acknowledged audits become final; others are final already, in an appeal, or wait for a person. */
const OPEN_STATES: ReadonlySet<string> = new Set(['scored', 'acknowledged']);

export function planFinalising(
  rows: readonly FinaliseCandidate[],
  firstRow: number,
  now: number,
  dueOf: (at: Date) => number,
): FinalisePlan {
  const lock: FinaliseCandidate[] = [];
  let nextRow = firstRow;
  for (const candidate of rows) {
    // A row without a readable time (typed over by hand) cannot be open for appeal: step over it.
    const due = candidate.at ? dueOf(candidate.at) : now;
    if (due > now) return { lock, nextRow: candidate.row, nextDue: due };
    if (candidate.kind === 'normal' && OPEN_STATES.has(candidate.state)) lock.push(candidate);
    nextRow = candidate.row + 1;
  }
  return { lock, nextRow, nextDue: null };
}
