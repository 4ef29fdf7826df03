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
import { markMonthChanged, provisionalMonth } from '../assessment/state';
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

/** The ledger's entries whose `key` cell is exactly `value` (one search, then one read per entry found). */
export function entriesWhere(
  ctx: JobContext,
  key: 'evidence' | 'entryId' | 'reverses',
  value: string,
): StoredEntry[] {
  if (value.trim() === '' || !ctx.findSheet(MERITS)) return [];
  const table = ctx.table<MeritRow>(MERITS);
  const rows = table.findRows([key], value.trim(), { exact: true });
  return table
    .readRowList(rows, ENTRY_KEYS)
    .rows.map((row) => storedEntry(row.values))
    .filter((entry) => entry.entryId !== '');
}

/** An entry by ID with the reversals that name it (so a second correction is refused). */
export function entryWithReversals(ctx: JobContext, id: string): StoredEntry[] {
  return [...entriesWhere(ctx, 'entryId', id), ...entriesWhere(ctx, 'reverses', id)];
}

function localYearMonth(settings: DeskSettings, instant: Date): { year: number; month: string } {
  const local = new Date(
    instant.getTime() + settings.calendar.zone.offsetAt(instant.getTime()),
  ).toISOString();
  return { year: Number(local.slice(0, 4)), month: local.slice(0, 7) };
}

/** Numbers the drafts (IDs from the counter in document properties) and fills their cells: no Sheets call. */
export function numberDrafts(
  ctx: JobContext,
  settings: DeskSettings,
  drafts: readonly MeritDraft[],
): Array<Partial<MeritRow>> {
  if (drafts.length === 0) return [];
  const { ports } = ctx;
  const now = ctx.now();
  const { year, month } = localYearMonth(settings, now);
  const prefix = settings.general['prefix.merit'];
  const counter = counterKey(prefix, year);
  let n = nextCounter(ports.store.get(counter)) - 1;
  const rows: Array<Partial<MeritRow>> = drafts.map((draft) => {
    n += 1;
    const points = draft.points;
    return {
      ...draft,
      entryId: formatTicketId(prefix, year, n),
      at: now,
      month: draft.month ?? month,
      staff: sanitizeUserText(draft.staff, NAME_MAX_LENGTH).text,
      recordedBy: sanitizeUserText(draft.recordedBy, NAME_MAX_LENGTH).text,
      note: sanitizeUserText(draft.note, NOTE_MAX_LENGTH).text,
      evidence: sanitizeUserText(draft.evidence, NAME_MAX_LENGTH).text,
      department: departmentOf(settings, draft.staff),
      amount: points === '' ? '' : entryAmount(points, settings.general.meritMoneyPerPoint),
    };
  });
  ports.store.set(counter, String(n));
  for (const row of rows) if (row.month) markMonthChanged(ports.store, row.month);
  return rows;
}

/** Appends numbered rows in one write, with one History line each; under the document lock. */
export function writeRows(
  ctx: JobContext,
  rows: ReadonlyArray<Partial<MeritRow>>,
  source: 'form' | 'edit' | 'scheduler' | 'menu',
): void {
  if (rows.length === 0) return;
  const { lang } = ctx;
  ctx.table<MeritRow>(MERITS).appendRecords(rows);
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
 * Numbers and appends the drafts (one write) with one History line each; under the document lock.
 * A run killed between the counter and the append skips numbers, never reuses one.
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
  const rows = numberDrafts(ctx, settings, drafts);
  writeRows(ctx, rows, source);
  return rows.map((row) => row.entryId ?? '');
}

function signed(points: number | '' | undefined): string {
  if (typeof points !== 'number') return '';
  return points > 0 ? `+${points}` : String(points).replace('-', '−');
}
