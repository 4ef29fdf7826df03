/**
 * Writing the Merits ledger (奖惩记录, SPEC §8.2): entries numbered MR-YYYY-NNNNN and appended in one
 * write with their History lines, under the caller's document lock. Nothing here edits a written row:
 * a correction is a reversing entry (core/merits/ledger).
 *
 * Bounded I/O: the entries of one piece of evidence are found by a TextFinder search of the Evidence
 * column and read row by row (a ticket has a handful), whatever the size of the ledger.
 */
import {
  entryAmount,
  entryPoints,
  type LedgerEntry,
  type MeritCatalogItem,
  type MeritRule,
  type PointsPerLevel,
} from '../../core/merits';
import type { GeneralSettings } from '../../core/settings';
import { sanitizeUserText } from '../../core/text';
import { counterKey, formatTicketId, nextCounter } from '../../core/tickets';
import { t } from '../../i18n';
import { MERITS, type MeritRow } from '../../workbook/schemas';
import { monthChangedProperties, provisionalMonth } from '../assessment/state';
import type { JobContext } from '../context';
import { appendHistory } from '../history';
import type { DeskSettings } from '../settings';

const NOTE_MAX_LENGTH = 2000;
const NAME_MAX_LENGTH = 60;

export function pointsPerLevel(general: GeneralSettings): PointsPerLevel {
  return {
    A2: general.meritPointsA2,
    A1: general.meritPointsA1,
    B1: general.meritPointsB1,
    C1: general.meritPointsC1,
  };
}

/** An entry before it has its ID and time. */
export interface MeritDraft {
  staff: string;
  item: string;
  level: MeritRow['level'];
  sign: MeritRow['sign'];
  points: number | '';
  evidence: string;
  rule: MeritRule;
  note: string;
  recordedBy: string;
  state: MeritRow['state'];
  reverses: string;
  formResponseId: string;
  /** The month it counts in when not the current one: a correction of a month still provisional. */
  month?: string;
  /** When it happened, when not now (an edit judged in the sheet, written by the next hourly run). */
  at?: Date;
}

function departmentOf(settings: DeskSettings, staff: string): string {
  const wanted = staff.trim().toLowerCase();
  return settings.staff.find((member) => member.name.trim().toLowerCase() === wanted)?.department ?? '';
}

/** A new entry of a catalog item for `staff`. */
export function itemDraft(
  settings: DeskSettings,
  item: MeritCatalogItem,
  fields: Pick<MeritDraft, 'staff' | 'evidence' | 'rule' | 'note' | 'recordedBy'> &
    Partial<Pick<MeritDraft, 'state' | 'formResponseId'>>,
): MeritDraft {
  return {
    item: item.item,
    level: item.level,
    sign: item.sign,
    points: entryPoints(item.level, item.sign, pointsPerLevel(settings.general)),
    reverses: '',
    state: 'entered',
    formResponseId: '',
    ...fields,
  };
}

/** The entry that takes `original` back: the same item, the opposite points, naming it. */
export function reversalDraft(
  ctx: JobContext,
  original: StoredEntry,
  fields: Pick<MeritDraft, 'rule' | 'recordedBy'> & { reason: string; formResponseId?: string },
): MeritDraft {
  return {
    staff: original.staff,
    item: original.item,
    level: original.level,
    sign: original.sign,
    points: -original.points,
    evidence: original.evidence,
    rule: fields.rule,
    note: t(ctx.lang, 'merits.note.reverses', { id: original.entryId, reason: fields.reason }),
    recordedBy: fields.recordedBy,
    state: 'reversal',
    reverses: original.entryId,
    formResponseId: fields.formResponseId ?? '',
    // While the original's month is provisional the correction counts there (an upheld appeal); once
    // final, the month is frozen and the correction counts in the month it is made.
    month: provisionalMonth(ctx.ports.store)?.month === original.month ? original.month : undefined,
  };
}

export type StoredEntry = LedgerEntry & Pick<MeritRow, 'item' | 'level' | 'sign' | 'month'>;

const ENTRY_KEYS = [
  'entryId',
  'month',
  'staff',
  'item',
  'level',
  'sign',
  'points',
  'evidence',
  'rule',
  'state',
  'reverses',
] as const;

function storedEntry(values: Pick<MeritRow, (typeof ENTRY_KEYS)[number]>): StoredEntry {
  return {
    entryId: values.entryId,
    month: values.month,
    staff: values.staff,
    item: values.item,
    level: values.level,
    sign: values.sign,
    points: typeof values.points === 'number' ? values.points : 0,
    evidence: values.evidence,
    rule: values.rule,
    state: values.state,
    reverses: values.reverses,
  };
}

/**
 * The entries whose `key` cell is exactly `value`: the ledger's (one search, then one read per entry
 * found) and those numbered but not yet written to it (the journal, below), each once.
 */
export function entriesWhere(
  ctx: JobContext,
  key: 'evidence' | 'entryId' | 'reverses',
  value: string,
): StoredEntry[] {
  const wanted = value.trim();
  if (wanted === '') return [];
  const inLedger = ctx.findSheet(MERITS)
    ? (() => {
        const table = ctx.table<MeritRow>(MERITS);
        return table
          .readRowList(table.findRows([key], wanted, { exact: true }), ENTRY_KEYS)
          .rows.map((row) => storedEntry(row.values));
      })()
    : [];
  const ids = new Set(inLedger.map((entry) => entry.entryId));
  const journaled = journaledEntries(ctx)
    .filter(
      (row) =>
        String(row[key] ?? '')
          .trim()
          .toLowerCase() === wanted.toLowerCase(),
    )
    .filter((row) => !ids.has(row.entryId ?? ''))
    .map((row) => storedEntry(journaledValues(row)));
  return [...inLedger, ...journaled].filter((entry) => entry.entryId !== '');
}

/**
 * The entries naming each of `evidence` (ticket IDs…): one search of the Evidence column for all of
 * them, one read per entry found, and the journaled ones.
 */
export function entriesByEvidence(
  ctx: JobContext,
  evidence: readonly string[],
  journal: readonly JournaledEntry[],
): Map<string, StoredEntry[]> {
  const wanted = [...new Set(evidence.map((id) => id.trim()).filter((id) => id !== ''))];
  const byEvidence = new Map<string, StoredEntry[]>(wanted.map((id) => [id.toLowerCase(), []]));
  if (wanted.length === 0) return byEvidence;
  const add = (entry: StoredEntry) => {
    const list = byEvidence.get(entry.evidence.trim().toLowerCase());
    if (list && entry.entryId !== '' && !list.some((known) => known.entryId === entry.entryId))
      list.push(entry);
  };
  if (ctx.findSheet(MERITS)) {
    const table = ctx.table<MeritRow>(MERITS);
    const pattern = `^(${wanted.map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`;
    const rows = table.findRows(['evidence'], pattern, { regex: true });
    for (const row of table.readRowList(rows, ENTRY_KEYS).rows) add(storedEntry(row.values));
  }
  for (const row of journal) add(storedEntry(journaledValues(row)));
  return byEvidence;
}

/** An entry by ID with the reversals that name it (so a second correction is refused). */
export function entryWithReversals(ctx: JobContext, id: string): StoredEntry[] {
  return [...entriesWhere(ctx, 'entryId', id), ...entriesWhere(ctx, 'reverses', id)];
}

/** The Entry ID recorded for this response (journaled, or in the ledger: one search, one read), or null. */
export function entryOfResponse(ctx: JobContext, responseId: string): string | null {
  const journaled = journaledEntries(ctx).find((row) => row.formResponseId === responseId);
  if (journaled?.entryId) return journaled.entryId;
  if (!ctx.findSheet(MERITS)) return null;
  const table = ctx.table<MeritRow>(MERITS);
  const rows = table.findRows(['formResponseId'], responseId, { exact: true, limit: 1 });
  return table.readRowList(rows, ['entryId']).rows[0]?.values.entryId || null;
}

/** Whether an entry of this form response is recorded (in the ledger, or numbered and journaled). */
export function responseRecorded(ctx: JobContext, responseId: string): boolean {
  if (journaledEntries(ctx).some((row) => row.formResponseId === responseId)) return true;
  return ctx.findSheet(MERITS) !== null && ctx.table<MeritRow>(MERITS).has('formResponseId', responseId);
}

/*
 * The journal: nothing lost, nothing twice, no number skipped. Entries are numbered and journaled in one
 * property write (the counter, one property per entry, and the provisional month's change mark: a kill
 * leaves all or none), then written to the ledger with their History lines, then taken off the journal.
 * Whatever a kill leaves journaled, the next hourly run writes (queue.ts), checking the ledger and
 * History for what is already there. Entries made inside a form submission whose call budget has no room
 * for a ledger append (an inspection, an audit, an intake) are only journaled: the hourly run writes them.
 */
const JOURNAL_PREFIX = 'merits.journal.';
/** The one-property journal of an earlier version, read until it is empty. */
const LEGACY_QUEUE_KEY = 'merits.queue';

type Stored = Omit<Partial<MeritRow>, 'at'> & { at?: string };

function parseStored(ctx: JobContext, key: string, saved: string | null): Array<Partial<MeritRow>> {
  if (!saved) return [];
  try {
    const parsed = JSON.parse(saved) as Stored | Stored[];
    return (Array.isArray(parsed) ? parsed : [parsed]).map((row) => ({
      ...row,
      at: row.at ? new Date(row.at) : '',
    }));
  } catch (error) {
    // A hand-edited property: reported, never guessed.
    ctx.ports.log.error(`merits: the journaled entry ${key} could not be read`, error);
    return [];
  }
}

export interface JournaledEntry extends Partial<MeritRow> {
  /** The property that holds it. */
  journalKey: string;
}

/** The journaled entries, oldest first (one property call to list, one per entry). */
export function journaledEntries(
  ctx: JobContext,
  keys: readonly string[] = ctx.ports.store.keys(),
): JournaledEntry[] {
  const { store } = ctx.ports;
  return keys
    .filter((key) => key === LEGACY_QUEUE_KEY || key.startsWith(JOURNAL_PREFIX))
    .sort()
    .flatMap((key) => parseStored(ctx, key, store.get(key)).map((row) => ({ ...row, journalKey: key })));
}

function journaledValues(row: Partial<MeritRow>): Pick<MeritRow, (typeof ENTRY_KEYS)[number]> {
  return {
    entryId: row.entryId ?? '',
    month: row.month ?? '',
    staff: row.staff ?? '',
    item: row.item ?? '',
    level: row.level ?? '',
    sign: row.sign ?? '',
    points: row.points ?? '',
    evidence: row.evidence ?? '',
    rule: row.rule ?? '',
    state: row.state ?? '',
    reverses: row.reverses ?? '',
  };
}

/** Takes written entries off the journal (one property call per entry). */
export function unjournal(ctx: JobContext, rows: ReadonlyArray<{ journalKey?: string }>): void {
  for (const key of new Set(rows.map((row) => row.journalKey ?? '')))
    if (key !== '') ctx.ports.store.delete(key);
}

function localYearMonth(settings: DeskSettings, instant: Date): { year: number; month: string } {
  const local = new Date(
    instant.getTime() + settings.calendar.zone.offsetAt(instant.getTime()),
  ).toISOString();
  return { year: Number(local.slice(0, 4)), month: local.slice(0, 7) };
}

/**
 * Numbers the drafts (IDs from the counter in document properties), fills their cells and journals them
 * with the counter in one property write: no Sheets call.
 */
export function journalDrafts(
  ctx: JobContext,
  settings: DeskSettings,
  drafts: readonly MeritDraft[],
): JournaledEntry[] {
  if (drafts.length === 0) return [];
  const { ports } = ctx;
  const now = ctx.now();
  const { year } = localYearMonth(settings, now);
  const prefix = settings.general['prefix.merit'];
  const counter = counterKey(prefix, year);
  let n = nextCounter(ports.store.get(counter)) - 1;
  const rows: JournaledEntry[] = drafts.map(({ month: counted, at, ...draft }) => {
    n += 1;
    const points = draft.points;
    const entryId = formatTicketId(prefix, year, n);
    const happened = at ?? now;
    return {
      ...draft,
      journalKey: `${JOURNAL_PREFIX}${entryId}`,
      entryId,
      at: happened,
      month: counted ?? localYearMonth(settings, happened).month,
      staff: sanitizeUserText(draft.staff, NAME_MAX_LENGTH).text,
      recordedBy: sanitizeUserText(draft.recordedBy, NAME_MAX_LENGTH).text,
      note: sanitizeUserText(draft.note, NOTE_MAX_LENGTH).text,
      evidence: sanitizeUserText(draft.evidence, NAME_MAX_LENGTH).text,
      department: departmentOf(settings, draft.staff),
      amount: points === '' ? '' : entryAmount(points, settings.general.meritMoneyPerPoint),
    };
  });
  const properties: Record<string, string> = {
    ...monthChangedProperties(
      ports.store,
      rows.map((row) => row.month ?? ''),
    ),
    [counter]: String(n),
  };
  for (const { journalKey, ...row } of rows)
    properties[journalKey] = JSON.stringify({
      ...row,
      at: row.at instanceof Date ? row.at.toISOString() : undefined,
    });
  ports.store.setAll(properties);
  return rows;
}

/** Appends numbered rows to the ledger in one write; under the document lock. */
export function writeLedgerRows(
  ctx: JobContext,
  rows: ReadonlyArray<Partial<MeritRow> & { journalKey?: string }>,
): void {
  if (rows.length === 0) return;
  ctx.table<MeritRow>(MERITS).appendRecords(rows.map(({ journalKey: _key, ...row }) => row));
}

/** One History line per entry (what was recorded, for whom), appended in one write. */
export function writeHistoryLines(
  ctx: JobContext,
  rows: ReadonlyArray<Partial<MeritRow>>,
  source: 'form' | 'edit' | 'scheduler' | 'menu',
): void {
  const { lang } = ctx;
  appendHistory(
    ctx,
    source,
    rows.map((row) => ({
      actor: row.recordedBy || t(lang, 'history.actor.system'),
      recordId: row.entryId ?? '',
      field: t(lang, 'merits.history.entry'),
      oldValue: row.reverses ?? '',
      newValue: t(lang, 'merits.history.value', {
        item: row.item ?? '',
        points: signed(row.points),
        staff: row.staff ?? '',
      }),
    })),
  );
}

/**
 * Numbers, journals and appends the drafts (one write) with one History line each, then takes them off
 * the journal; under the document lock. A kill anywhere leaves them journaled (or not numbered at all):
 * the next hourly run finishes the write, so no entry is lost, none written twice, no number skipped.
 */
export function appendEntries(
  ctx: JobContext,
  settings: DeskSettings,
  drafts: readonly MeritDraft[],
  source: 'form' | 'edit' | 'scheduler' | 'menu',
): string[] {
  if (drafts.length === 0) return [];
  // Before anything is numbered: a missing column stops here.
  ctx.table<MeritRow>(MERITS).requireColumnsForAppend();
  const rows = journalDrafts(ctx, settings, drafts);
  writeLedgerRows(ctx, rows);
  writeHistoryLines(ctx, rows, source);
  unjournal(ctx, rows);
  return rows.map((row) => row.entryId ?? '');
}

function signed(points: number | '' | undefined): string {
  if (typeof points !== 'number') return '';
  return points > 0 ? `+${points}` : String(points).replace('-', '−');
}
