/**
 * The merits ledger (SPEC §8.2): entries are never edited; a correction is a reversing entry with the
 * opposite points that names the entry it reverses. What stands is computed from the rows, so a month's
 * sum is the sum of its rows, reversals included (a reversal counts in the month it is made).
 */
import type { EnumCode } from '../enums';
import type { KeyedMessage } from '../message';
import { message } from '../message';
import type { AutomaticRule, MeritRule } from './catalog';

export type MeritState = EnumCode<'meritState'>;

export interface LedgerEntry {
  entryId: string;
  staff: string;
  points: number;
  rule: MeritRule | '';
  evidence: string;
  state: MeritState | '';
  reverses: string;
}

function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Entry IDs reversed by a reversal row, with the ID of the reversal. */
export function reversedBy(entries: readonly LedgerEntry[]): Map<string, string> {
  const reversed = new Map<string, string>();
  for (const entry of entries) {
    if (entry.state === 'reversal' && entry.reverses !== '') reversed.set(entry.reverses, entry.entryId);
  }
  return reversed;
}

/** Original entries (entered, not reversed) of `rule`. */
export function standingEntries<E extends LedgerEntry>(entries: readonly E[], rule: MeritRule): E[] {
  const reversed = reversedBy(entries);
  return entries.filter(
    (entry) => entry.rule === rule && entry.state === 'entered' && !reversed.has(entry.entryId),
  );
}

export interface AutomaticPlan<E extends LedgerEntry = LedgerEntry> {
  /** Standing entries to reverse (the evidence no longer holds, or names someone else now). */
  reverse: E[];
  /** Whether a new entry for `staff` is to be added. */
  add: boolean;
}

/**
 * What an automatic rule does for one piece of evidence (a ticket, an audit, an inspection) given the
 * entries the ledger already holds for it: one standing entry per evidence and rule, for the person the
 * evidence now names (`wanted`), or none (`wanted` null). Idempotent: planning again after the entries
 * are written plans nothing — which makes a retried or duplicated trigger harmless.
 */
export function planAutomatic<E extends LedgerEntry>(
  existing: readonly E[],
  rule: AutomaticRule,
  wanted: string | null,
): AutomaticPlan<E> {
  const standing = standingEntries(existing, rule);
  const keep = wanted === null ? undefined : standing.find((entry) => sameName(entry.staff, wanted));
  return {
    reverse: standing.filter((entry) => entry !== keep),
    add: wanted !== null && keep === undefined,
  };
}

export type ReversalCheck<E extends LedgerEntry = LedgerEntry> =
  | { ok: true; entry: E }
  | { ok: false; review: KeyedMessage };

/** Whether entry `id` can be reversed by hand (the merit form's "Entry ID to correct"). */
export function checkReversal<E extends LedgerEntry>(entries: readonly E[], id: string): ReversalCheck<E> {
  const entry = entries.find((candidate) => sameName(candidate.entryId, id));
  if (!entry) return { ok: false, review: message('merits.review.unknownEntry', { id }) };
  if (entry.state !== 'entered')
    return { ok: false, review: message('merits.review.notReversible', { id: entry.entryId }) };
  const by = reversedBy(entries).get(entry.entryId);
  if (by) return { ok: false, review: message('merits.review.alreadyReversed', { id: entry.entryId, by }) };
  return { ok: true, entry };
}
