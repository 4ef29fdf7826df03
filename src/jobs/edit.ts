/**
 * Manual edits of the sheet (installable onEdit, SPEC §4). A Status edit runs the state machine:
 * allowed → timestamps, pause, deadlines and History follow; refused → the cell is restored and a note
 * says why. Edits of Assignee, Department, Severity, Category and Type are logged; Severity, Category and
 * Type re-run the deadlines. An edit of a ⚙ sheet drops the cached settings.
 */
import { businessTimeBetween } from '../core/calendar';
import { isEnumCode, type TicketStatus } from '../core/enums';
import { enumCodeFromText } from '../core/text';
import { checkTransition } from '../core/tickets';
import { bothLanguages, enumLabel, LANGS, type MessageKey, t } from '../i18n';
import type { CellEdit, Ports } from '../ports';
import { columnLabelOf, columnOf, type SheetSchema } from '../workbook/schema';
import {
  AREAS,
  ASSESSMENT_APPEALS,
  AUDIT_APPEALS,
  CHECKLISTS,
  HISTORY,
  type HistoryRow,
  MERIT_CATALOG,
  MISSED_INSPECTIONS,
  SCORECARDS,
  TICKETS,
  type TicketRow,
} from '../workbook/schemas';
import { changedFields, type RowChange, type TableRow } from '../workbook/table';
import { keepReopenedInWindow } from './active-rows';
import { handleAssessmentAppealEdit } from './assessment/appeals';
import { handleAppealEdit } from './audits/appeals';
import { syncAuditForms } from './audits/forms';
import { callbackOnResolve } from './callbacks/queue';
import { JobContext } from './context';
import { ticketDeadlines } from './deadlines';
import { spreadsheetLang } from './entry';
import { appendHistory, type HistoryEntry } from './history';
import { syncInspectionForms } from './inspections/forms';
import { handleExcuseEdit, rectificationSettleRefusal } from './inspections/manual';
import { JUDGED_KEYS, judgeEditedComplaints } from './merits/edits';
import { syncMeritForm } from './merits/form';
import { type DeskSettings, invalidateSettings, loadSettings, SETTINGS_SCHEMAS } from './settings';

/** Columns whose edits are logged to History. */
const LOGGED = ['status', 'assignee', 'department', 'severity', 'category', 'type'] as const;
/** Columns whose edits move the deadlines. */
const RESCHEDULING = ['severity', 'category', 'type'] as const;

/** The columns a change of a ticket needs to read (exported for the ticket panel, which changes them too). */
export const CHANGE_KEYS = [
  'id',
  'type',
  'severity',
  'category',
  'assignee',
  'department',
  'status',
  'resolution',
  'receivedAt',
  'resolveDue',
  'resolveAt',
  'firstResolvedAt',
  'callbackState',
  'waitingSince',
  'pausedMs',
  'reopenCount',
  'needsReview',
  'reviewNote',
  'inspection',
] as const;

export type EditedRow = Pick<TicketRow, (typeof CHANGE_KEYS)[number]>;
export type LoggedKey = (typeof LOGGED)[number];

/**
 * For a multi-cell paste Google gives no old value: the previous status is the last one History
 * recorded for the ticket (every status change and every creation is logged there). One read.
 */
function previousStatuses(ctx: JobContext, ids: ReadonlySet<string>): Map<string, TicketStatus> {
  const statusFields = new Set([
    ...LANGS.map((lang) => t(lang, 'col.tickets.status')),
    ...LANGS.map((lang) => t(lang, 'history.created')),
  ]);
  const found = new Map<string, TicketStatus>();
  const { rows } = ctx.table<HistoryRow>(HISTORY).readRows(['recordId', 'field', 'newValue']);
  for (const { values } of rows) {
    if (!ids.has(values.recordId) || !statusFields.has(values.field)) continue;
    const status = enumCodeFromText(bothLanguages, 'status', values.newValue);
    if (status) found.set(values.recordId, status);
  }
  return found;
}

function statusLabel(ctx: JobContext, status: string): string {
  return isEnumCode('status', status) ? enumLabel(ctx.lang, 'status', status) : status;
}

function refusalText(ctx: JobContext, reason: MessageKey, params: Record<string, string> = {}): string {
  const shown: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    shown[name] =
      name === 'state' && isEnumCode('callbackState', value)
        ? enumLabel(ctx.lang, 'callbackState', value)
        : statusLabel(ctx, value);
  }
  return t(ctx.lang, reason, shown);
}

export interface RowOutcome {
  values: Partial<TicketRow>;
  notes: Partial<Record<keyof TicketRow, string>>;
  history: HistoryEntry[];
  /** Why the state machine refused the status change (the status stays as it was), if it did. */
  refused?: string;
}

function statusChange(
  ctx: JobContext,
  settings: DeskSettings,
  row: EditedRow,
  from: TicketStatus,
  raw: string,
  actor: string,
  editor: string,
): RowOutcome {
  const outcome: RowOutcome = { values: {}, notes: {}, history: [] };
  const to = isEnumCode('status', row.status) ? row.status : enumCodeFromText(bothLanguages, 'status', raw);
  const now = ctx.now();
  const result =
    to === null
      ? ({ allowed: false, reason: 'tickets.transition.notAllowed', params: { from, to: raw } } as const)
      : checkTransition(
          from,
          to,
          { ...row, pausedMs: Number(row.pausedMs) || 0, reopenCount: Number(row.reopenCount) || 0 },
          {
            now,
            cancelReason: row.resolution,
            businessMs: (a, b) => businessTimeBetween(settings.calendar, a.getTime(), b.getTime()),
          },
        );
  // A rectification ticket settles when a re-inspection passes its item, or by a manager with a reason.
  const guard = to === null ? null : rectificationSettleRefusal(ctx, settings.staff, row, to, editor);
  if (guard !== null) {
    outcome.values.status = from;
    outcome.notes.status = guard;
    outcome.refused = guard;
    return outcome;
  }
  if (!result.allowed || to === null) {
    outcome.values.status = from;
    outcome.notes.status = refusalText(
      ctx,
      result.allowed ? 'tickets.transition.notAllowed' : result.reason,
      result.allowed ? {} : result.params,
    );
    outcome.refused = outcome.notes.status;
    return outcome;
  }
  const { effects } = result;
  outcome.values.status = to;
  outcome.notes.status = '';
  if (effects.transferAt) outcome.values.transferAt = effects.transferAt;
  if (effects.waitingSince !== undefined) outcome.values.waitingSince = effects.waitingSince;
  if (effects.pausedMs !== undefined) outcome.values.pausedMs = effects.pausedMs;
  if (effects.reopenCount !== undefined) outcome.values.reopenCount = effects.reopenCount;
  if (effects.resolveAt) outcome.values.resolveAt = effects.resolveAt;
  // Leaving Waiting on customer moves the resolve deadline by the paused business time.
  const deadlines =
    effects.pausedMs !== undefined
      ? ticketDeadlines(settings, ctx.lang, { ...row, ...outcome.values })
      : null;
  if (deadlines) {
    Object.assign(outcome.values, deadlines.values);
    Object.assign(outcome.notes, deadlines.notes);
  }
  // The first resolution and its deadline stay as they were when the ticket is reopened and resolved
  // again: reports count timeliness from them, so a sent figure never changes (issue 14).
  if (effects.resolveAt && !(row.firstResolvedAt instanceof Date)) {
    outcome.values.firstResolvedAt = effects.resolveAt;
    outcome.values.firstResolveDue = outcome.values.resolveDue ?? row.resolveDue;
  }
  // The callback queue (SPEC §7): the SLA row's window, or its sample, from Resolve at.
  if (effects.openCallbackWindow && effects.resolveAt) {
    const entry = callbackOnResolve(settings, ctx.lang, { ...row, resolveAt: effects.resolveAt }, now);
    Object.assign(outcome.values, entry.values);
    Object.assign(outcome.notes, entry.notes);
  }
  outcome.history.push({
    actor,
    recordId: row.id,
    field: fieldLabel(ctx, 'status'),
    oldValue: statusLabel(ctx, from),
    newValue: statusLabel(ctx, to),
  });
  return outcome;
}

/** A review line rendered from `key` in either language, whatever its parameters. */
function reviewLinePattern(key: MessageKey): RegExp[] {
  return LANGS.map((lang) => {
    const parts = t(lang, key)
      .split(/\{\w+\}/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    return new RegExp(`^${parts.join('.*')}$`);
  });
}

const NO_STAFF_LINES = reviewLinePattern('tickets.review.noStaff');
/** Lines that explain but do not need anyone's review (a repeat complaint is supervised, not wrong). */
const INFORMATION_LINES = reviewLinePattern('tickets.review.repeat');

/**
 * SPEC §4 step 4: "Needs review for routing clears once the ticket is assigned". Naming an assignee
 * removes the "nobody could take it" line; Needs review stays only while another line (a bad phone,
 * an unknown category) still asks for someone's attention.
 */
function routingReviewCleared(row: EditedRow): Partial<TicketRow> {
  if (row.assignee.trim() === '') return {};
  const lines = row.reviewNote.split('\n');
  const kept = lines.filter((line) => !NO_STAFF_LINES.some((pattern) => pattern.test(line.trim())));
  if (kept.length === lines.length) return {};
  const needsReview = kept.some(
    (line) => line.trim() !== '' && !INFORMATION_LINES.some((pattern) => pattern.test(line.trim())),
  );
  return { reviewNote: kept.join('\n'), needsReview: row.needsReview === true && needsReview };
}

function fieldLabel(ctx: JobContext, key: keyof TicketRow): string {
  return columnLabelOf(TICKETS, key, ctx.lang);
}

function shown(value: unknown): string {
  return value instanceof Date ? value.toISOString() : String(value ?? '');
}

/** A cell value as the sheet shows it: enum codes as labels in the sheet's language. */
function labelOf(ctx: JobContext, key: keyof TicketRow, value: unknown): string {
  const column = columnOf(TICKETS, key);
  if (column.enum && typeof value === 'string' && isEnumCode(column.enum, value)) {
    return t(ctx.lang, `enum.${column.enum}.${value}` as MessageKey);
  }
  return shown(value);
}

/** A change of one ticket, however it was made: a cell edit or the ticket panel (one rule set). */
export interface TicketChange {
  /** The tracked columns that changed; their new values are in the row. */
  keys: readonly LoggedKey[];
  /** The status before the change (used when `keys` holds status). */
  from: TicketStatus;
  /** The status as typed, for the refusal note when it is no status at all. */
  typedStatus: string;
  /** What History shows as the old value of the other columns (missing when Google did not say). */
  oldValues: Partial<Record<LoggedKey, string>>;
  actor: string;
  /** The email of the person making the change (a manager may settle a rectification ticket); default actor. */
  editor?: string;
}

/**
 * The plan for one changed row (SPEC §4): a status change runs the state machine (timestamps, pause,
 * deadlines, the callback queue); the other tracked columns are logged; Severity, Category and Type
 * move the deadlines. Pure apart from reading the clock; the caller writes `values`, `notes` and History.
 */
export function planTicketChange(
  ctx: JobContext,
  settings: DeskSettings,
  values: EditedRow,
  change: TicketChange,
): RowOutcome {
  const outcome: RowOutcome = { values: {}, notes: {}, history: [] };
  if (change.keys.includes('status')) {
    Object.assign(
      outcome,
      statusChange(
        ctx,
        settings,
        values,
        change.from,
        change.typedStatus,
        change.actor,
        change.editor ?? change.actor,
      ),
    );
  }
  for (const key of change.keys.filter((k) => k !== 'status')) {
    outcome.history.push({
      actor: change.actor,
      recordId: values.id,
      field: fieldLabel(ctx, key),
      oldValue: change.oldValues[key] ?? '',
      newValue: labelOf(ctx, key, values[key]),
    });
  }
  if (change.keys.includes('assignee')) Object.assign(outcome.values, routingReviewCleared(values));
  if (RESCHEDULING.some((key) => change.keys.includes(key))) {
    const deadlines = ticketDeadlines(settings, ctx.lang, { ...values, ...outcome.values });
    if (deadlines) {
      Object.assign(outcome.values, deadlines.values);
      Object.assign(outcome.notes, deadlines.notes);
    }
  }
  outcome.values.updatedAt = ctx.now();
  return outcome;
}

function editTickets(ctx: JobContext, edit: CellEdit): void {
  const settings = loadSettings(ctx);
  ctx.ports.lock.withDocumentLock(settings.general.lockTimeoutSeconds * 1000, () => {
    const table = ctx.table<TicketRow>(TICKETS);
    const edited = table.keysInColumns(edit.column, edit.column + edit.numColumns - 1);
    // A complaint found substantiated (or no longer) moves the person's demerit (SPEC §8.2).
    if (JUDGED_KEYS.some((key) => edited.includes(key))) {
      judgeEditedComplaints(ctx, settings, table, edit, edit.user || t(ctx.lang, 'history.actor.system'));
      ctx.ports.workbook.flush();
    }
    const logged = LOGGED.filter((key) => edited.includes(key));
    if (logged.length === 0) return;
    const single = edit.numRows === 1 && edit.numColumns === 1;
    const rows: TableRow<EditedRow>[] = table
      .readRowsAt(edit.row, edit.numRows, CHANGE_KEYS)
      .rows.filter((row) => row.values.id !== '');
    // An installable trigger is told the editor's email only when Google discloses it: on consumer
    // accounts never for other people's edits (reference/base/session#getActiveUser()).
    const actor = edit.user || t(ctx.lang, 'history.actor.undisclosed');
    const changes: RowChange<TicketRow>[] = [];
    const reopened: Array<{ row: number }> = [];
    const history: HistoryEntry[] = [];
    const notes: Array<{ row: number; notes: RowOutcome['notes'] }> = [];
    const pasted =
      logged.includes('status') && !single
        ? previousStatuses(ctx, new Set(rows.map((r) => r.values.id)))
        : null;
    for (const { row, values, unrecognized } of rows) {
      const from = logged.includes('status')
        ? pasted
          ? (pasted.get(values.id) ?? 'new')
          : (enumCodeFromText(bothLanguages, 'status', edit.oldValue ?? '') ?? 'new')
        : 'new';
      const outcome = planTicketChange(ctx, settings, values, {
        keys: logged,
        from,
        typedStatus: unrecognized.status ?? shown(values.status),
        oldValues: single ? { [logged[0]]: edit.oldValue ?? '' } : {},
        actor,
        editor: edit.user,
      });
      // Only what changed (issue 13): a cell merely read is not written back over a newer edit.
      changes.push({ row, values: changedFields(values, outcome.values, logged) });
      if (Object.keys(outcome.notes).length > 0) notes.push({ row, notes: outcome.notes });
      history.push(...outcome.history);
      if ((outcome.values.status ?? values.status) === 'reopened') reopened.push({ row });
    }
    table.updateRows(changes, notes);
    keepReopenedInWindow(ctx.ports.store, reopened);
    appendHistory(ctx, 'edit', history);
    ctx.ports.workbook.flush();
  });
  ctx.rememberHeaders();
}

export function handleEdit(ports: Ports, edit: CellEdit): void {
  // Sheets are recognised by title in either language, without a Sheets call.
  const isSheetOf = (schema: SheetSchema) => LANGS.some((lang) => t(lang, schema.title) === edit.sheetName);
  if (SETTINGS_SCHEMAS.some(isSheetOf)) {
    invalidateSettings(ports);
    // A changed scorecard gets its next version and its form is updated in place (SPEC §8.1).
    if (isSheetOf(SCORECARDS)) {
      const ctx = new JobContext(ports, spreadsheetLang(ports));
      const settings = loadSettings(ctx);
      ports.lock.withDocumentLock(settings.general.lockTimeoutSeconds * 1000, () =>
        syncAuditForms(ctx, settings),
      );
    }
    // An inspection form asks a template's items of the areas inspected with it: updated in place, a
    // changed template numbered (SPEC §9).
    if (isSheetOf(CHECKLISTS) || isSheetOf(AREAS)) {
      const ctx = new JobContext(ports, spreadsheetLang(ports));
      const settings = loadSettings(ctx);
      ports.lock.withDocumentLock(settings.general.lockTimeoutSeconds * 1000, () =>
        syncInspectionForms(ctx, settings),
      );
    }
    // The merit form lists the catalog's items: updated in place (SPEC §8.2).
    if (isSheetOf(MERIT_CATALOG)) {
      const ctx = new JobContext(ports, spreadsheetLang(ports));
      const settings = loadSettings(ctx);
      ports.lock.withDocumentLock(settings.general.lockTimeoutSeconds * 1000, () =>
        syncMeritForm(ctx, settings),
      );
    }
    return;
  }
  if (isSheetOf(AUDIT_APPEALS) && edit.row + edit.numRows - 1 >= 2) {
    handleAppealEdit(new JobContext(ports, spreadsheetLang(ports)), edit);
    return;
  }
  if (isSheetOf(ASSESSMENT_APPEALS) && edit.row + edit.numRows - 1 >= 2) {
    handleAssessmentAppealEdit(new JobContext(ports, spreadsheetLang(ports)), edit);
    return;
  }
  if (isSheetOf(MISSED_INSPECTIONS) && edit.row + edit.numRows - 1 >= 2) {
    handleExcuseEdit(new JobContext(ports, spreadsheetLang(ports)), edit);
    return;
  }
  if (!isSheetOf(TICKETS) || edit.row + edit.numRows - 1 < 2) return;
  const ctx = new JobContext(ports, spreadsheetLang(ports));
  editTickets(ctx, edit);
}
