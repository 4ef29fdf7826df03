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

/** A ledger entry for `month` was written: if it is the provisional month, it is computed again. */
export function markMonthChanged(store: StorePort, month: string): void {
  const pending = provisionalMonth(store);
  if (pending && pending.month === month && !pending.dirty)
    setProvisionalMonth(store, { ...pending, dirty: true });
}
