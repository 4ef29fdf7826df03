/**
 * What the assessment keeps between runs, in document properties (no Sheets call to read): the month
 * that is provisional and when it becomes final, and whether a ledger entry landed in it since it was
 * computed (the hourly run then computes it again).
 */
import type { StorePort } from '../../ports';

const PROVISIONAL_KEY = 'assessment.provisional';

export interface ProvisionalMonth {
  month: string;
  finalOn: string;
  /** A ledger entry landed in the month after it was computed. */
  dirty: boolean;
}

export function provisionalMonth(store: StorePort): ProvisionalMonth | null {
  const saved = store.get(PROVISIONAL_KEY);
  if (!saved) return null;
  try {
    const parsed = JSON.parse(saved) as Partial<ProvisionalMonth>;
    if (typeof parsed.month !== 'string' || typeof parsed.finalOn !== 'string') return null;
    return { month: parsed.month, finalOn: parsed.finalOn, dirty: parsed.dirty === true };
  } catch {
    return null;
  }
}

export function setProvisionalMonth(store: StorePort, month: ProvisionalMonth | null): void {
  if (month === null) store.delete(PROVISIONAL_KEY);
  else store.set(PROVISIONAL_KEY, JSON.stringify(month));
}

/**
 * The property that marks the provisional month changed, when entries for `months` land in it (the
 * hourly run then computes it again); {} otherwise. Written in one call with the entries' journal.
 */
export function monthChangedProperties(store: StorePort, months: readonly string[]): Record<string, string> {
  const pending = provisionalMonth(store);
  if (!pending || pending.dirty || !months.includes(pending.month)) return {};
  return { [PROVISIONAL_KEY]: JSON.stringify({ ...pending, dirty: true }) };
}

const WRITING_KEY = 'assessment.writing';

/**
 * A month's write in progress: the revision being written and the first Assessment details row it
 * appends to. Set before the first write, cleared after the last; a run killed in between leaves it,
 * and the next computation of the month resumes it (same revision, so the mails' keys match).
 */
export interface AssessmentWrite {
  month: string;
  revision: number;
  detailsFrom: number;
}

export function assessmentWrite(store: StorePort): AssessmentWrite | null {
  const saved = store.get(WRITING_KEY);
  if (!saved) return null;
  try {
    const parsed = JSON.parse(saved) as Partial<AssessmentWrite>;
    if (
      typeof parsed.month !== 'string' ||
      typeof parsed.revision !== 'number' ||
      typeof parsed.detailsFrom !== 'number'
    )
      return null;
    return { month: parsed.month, revision: parsed.revision, detailsFrom: parsed.detailsFrom };
  } catch {
    return null;
  }
}

export function setAssessmentWrite(store: StorePort, write: AssessmentWrite): void {
  store.set(WRITING_KEY, JSON.stringify(write));
}

/** The write is done: the provisional month recorded and the write's mark cleared, in one call each. */
export function finishAssessmentWrite(store: StorePort, month: ProvisionalMonth): void {
  setProvisionalMonth(store, month);
  store.delete(WRITING_KEY);
}

export function dropAssessmentWrite(store: StorePort): void {
  store.delete(WRITING_KEY);
}
