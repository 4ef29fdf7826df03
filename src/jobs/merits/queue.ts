/**
 * Finishing the journal (ledger.ts): entries numbered and journaled but not yet in the ledger — made
 * inside a form submission whose call budget has no room for a ledger append (an inspection: 25 calls;
 * an audit and an intake: 15), or left by an execution killed before it finished — are written by the
 * next hourly run (or the monthly assessment, before it counts) with the IDs and times they were given.
 * Nothing twice: an entry already in the ledger (a run killed after the append) is recognised by its ID,
 * and its History line by the entry's ID in History, and neither is written again.
 */
import { LANGS, t } from '../../i18n';
import { HISTORY, type HistoryRow, MERITS, type MeritRow } from '../../workbook/schemas';
import type { JobContext } from '../context';
import type { DeskSettings } from '../settings';
import { automaticDrafts } from './automatic';
import { clearJudged, judgedComplaints } from './edits';
import {
  entriesByEvidence,
  type JournaledEntry,
  journalDrafts,
  journaledEntries,
  unjournal,
  writeHistoryLines,
  writeLedgerRows,
} from './ledger';

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function idPattern(ids: readonly string[]): string {
  return `^(${ids.map(escapeRegex).join('|')})$`;
}

/** The IDs among `ids` that History has an entry line for (one search, one read per line found). */
function withHistoryLine(ctx: JobContext, ids: readonly string[]): Set<string> {
  if (ids.length === 0 || !ctx.findSheet(HISTORY)) return new Set();
  const history = ctx.table<HistoryRow>(HISTORY);
  const fields = new Set(LANGS.map((lang) => t(lang, 'merits.history.entry')));
  const rows = history.findRows(['recordId'], idPattern(ids), { regex: true });
  return new Set(
    history
      .readRowList(rows, ['recordId', 'field'])
      .rows.filter((row) => fields.has(row.values.field))
      .map((row) => row.values.recordId),
  );
}

/**
 * Complaints judged by edits since the last run (./edits.ts): what each calls for, planned against the
 * ledger and the journal (one search for all), numbered and journaled in one property write with the
 * times of the edits, then taken off. A kill after the journal leaves them judged: planned again, they
 * find their entries journaled and call for nothing more.
 */
function journalJudged(ctx: JobContext, settings: DeskSettings, keys: readonly string[]): JournaledEntry[] {
  const judged = judgedComplaints(ctx, keys);
  if (judged.length === 0) return [];
  const journal = journaledEntries(ctx, keys);
  const byEvidence = entriesByEvidence(
    ctx,
    judged.map((complaint) => complaint.evidence),
    journal,
  );
  // Oldest first; a ticket judged twice keeps the last (one property per ticket: the later edit won).
  const drafts = judged.flatMap((complaint) =>
    automaticDrafts(ctx, settings, complaint, byEvidence.get(complaint.evidence.toLowerCase()) ?? []).map(
      (draft) => ({ ...draft, at: new Date(complaint.at) }),
    ),
  );
  const rows = journalDrafts(ctx, settings, drafts);
  clearJudged(ctx, judged);
  return [...journal, ...rows];
}

/** Writes the journaled entries not yet written; under the caller's document lock. 0 calls when none. */
export function flushMeritQueue(ctx: JobContext, settings: DeskSettings): number {
  const keys = ctx.ports.store.keys();
  const judgedFirst = journalJudged(ctx, settings, keys);
  const journaled = judgedFirst.length > 0 ? judgedFirst : journaledEntries(ctx, keys);
  if (journaled.length === 0) return 0;
  const table = ctx.table<MeritRow>(MERITS);
  table.requireColumnsForAppend();
  const ids = journaled.map((row) => row.entryId ?? '').filter((id) => id !== '');
  const found = ids.length === 0 ? [] : table.findRows(['entryId'], idPattern(ids), { regex: true });
  const present = new Set(table.readRowList(found, ['entryId']).rows.map((row) => row.values.entryId));
  const missing = journaled.filter((row) => !present.has(row.entryId ?? ''));
  // An entry in the ledger but still journaled: its writer died after the append; its History line may
  // be missing (History is appended after the ledger).
  const written = withHistoryLine(
    ctx,
    journaled.filter((row) => present.has(row.entryId ?? '')).map((row) => row.entryId ?? ''),
  );
  writeLedgerRows(ctx, missing);
  writeHistoryLines(
    ctx,
    journaled.filter((row) => !written.has(row.entryId ?? '')),
    'scheduler',
  );
  ctx.ports.workbook.flush();
  unjournal(ctx, journaled);
  return missing.length;
}

/** Entry IDs waiting in the journal for this evidence (a resumed submission asks before it queues again). */
export function queuedEntryIds(ctx: JobContext, evidence: string): string[] {
  return journaledEntries(ctx)
    .filter((row) => row.evidence === evidence)
    .map((row) => row.entryId ?? '')
    .filter((id) => id !== '');
}
