/**
 * What the panel's buttons do. Every action runs under the document lock and through the same job
 * code as a cell edit (jobs/edit planTicketChange: the state machine, timestamps, deadlines, callback
 * queue) or the callback form (jobs/callbacks recordCallbackAttempt), with History source `panel`.
 * The request carries the version the panel showed; if the row changed since, nothing is written.
 * A refused rule writes nothing either: the panel shows the reason instead of a note in the sheet.
 */
import type { TicketStatus } from '../../core/enums';
import { sanitizeUserText } from '../../core/text';
import { enumLabel, type MessageKey, t } from '../../i18n';
import { columnLabelOf } from '../../workbook/schema';
import { TICKETS, type TicketRow } from '../../workbook/schemas';
import { changedFields, type Table } from '../../workbook/table';
import { keepReopenedInWindow } from '../active-rows';
import { recordCallbackAttempt } from '../callbacks';
import type { JobContext } from '../context';
import { STAGE_DONE_COLUMN, STAGE_DUE_COLUMN } from '../deadlines';
import { CHANGE_KEYS, type EditedRow, type LoggedKey, planTicketChange, type RowOutcome } from '../edit';
import { appendHistory, type HistoryEntry } from '../history';
import { type DeskSettings, loadSettings } from '../settings';
import {
  type FoundTicket,
  findTicket,
  formatPanelTime,
  historyOf,
  isOpen,
  normalizeId,
  versionOf,
} from './read';
import { recall } from './recall';
import {
  type ActionRequest,
  type ActionResult,
  type PanelAction,
  RECORDED_STAGES,
  type RecordedStage,
} from './view';
import { whoIsSignedIn } from './who';

const SATISFACTION = new Set([1, 2, 3, 4, 5]);
/**
 * The panel's History rows go under the cached header map, as intake's do: an action's budget (≤ 15
 * Sheets calls, issue 19) has no room for reading History's row 1, and every hourly run checks it.
 */
const PANEL_HISTORY = { trustCachedHeader: true } as const;
const METHODS = new Set(['phone', 'sms', 'visit', 'email', 'wechat']);

function refuse(message: string, stale = false): ActionResult {
  return { ok: false, message, stale };
}

function picked(values: TicketRow): EditedRow {
  const out: Partial<EditedRow> = {};
  for (const key of CHANGE_KEYS) (out as Record<string, unknown>)[key] = values[key];
  return out as EditedRow;
}

/** Checks what can be checked before the lock: required text, known staff and departments. */
function precheck(ctx: JobContext, settings: DeskSettings, action: PanelAction): string | null {
  const { lang } = ctx;
  if (action.kind === 'status') {
    const what =
      action.to === 'resolved'
        ? 'panel.action.resolution'
        : action.to === 'cancelled'
          ? 'panel.action.reason'
          : action.to === 'waitingOnCustomer'
            ? 'panel.action.waitNote'
            : null;
    if (what && action.text.trim() === '') return t(lang, 'panel.error.needsText', { what: t(lang, what) });
  }
  if (action.kind === 'note' && action.text.trim() === '')
    return t(lang, 'panel.error.needsText', { what: t(lang, 'panel.action.noteText') });
  if (action.kind === 'assign') {
    const member = settings.staff.find((s) => s.active && s.name === action.assignee);
    if (action.assignee !== '' && !member)
      return t(lang, 'panel.error.unknownStaff', { name: action.assignee });
    const departments = new Set([
      ...settings.categories.map((c) => c.department),
      ...settings.staff.map((s) => s.department),
    ]);
    if (action.department !== '' && !departments.has(action.department))
      return t(lang, 'panel.error.unknownDepartment', { name: action.department });
  }
  if (action.kind === 'stage' && !(RECORDED_STAGES as readonly string[]).includes(action.stage))
    return t(lang, 'panel.error.badRequest');
  if (action.kind === 'callback') {
    if (!METHODS.has(action.method))
      return t(lang, 'panel.error.needsText', { what: t(lang, 'panel.action.method') });
    if (action.satisfaction !== null && !SATISFACTION.has(action.satisfaction))
      return t(lang, 'panel.error.needsText', { what: t(lang, 'panel.action.satisfaction') });
    if (!/^[\w-]{8,64}$/.test(action.requestId)) return t(lang, 'panel.error.badRequest');
  }
  return null;
}

/**
 * The message of a refused stale action. When Updated at moved, a job changed the ticket and History
 * says who and when; otherwise the sheet was edited in a column no job stamps (e.g. Resolution).
 */
function staleMessage(
  ctx: JobContext,
  settings: DeskSettings,
  found: { id: string; updatedAt: Date | '' },
  shownVersion: string,
): string {
  const updated = found.updatedAt instanceof Date ? found.updatedAt.getTime() : 0;
  const rows =
    updated === Number(shownVersion.split(':')[0])
      ? []
      : historyOf(ctx, found.id, recall(ctx.ports.cache, normalizeId(found.id))).rows;
  const last = rows[rows.length - 1];
  if (!last || !(last.at instanceof Date)) return t(ctx.lang, 'panel.error.staleSheet');
  return t(ctx.lang, 'panel.error.stale', {
    actor: last.actor,
    at: formatPanelTime(ctx.lang, settings, last.at),
  });
}

/**
 * A stage done now (the customer answered, the department's feedback in): its done cell and Updated at,
 * as a person typing the time into the cell would (the sweep settles the stage's state from it), and a
 * History entry. Refused when the stage is already recorded or the ticket is no longer being worked.
 */
function recordStage(
  ctx: JobContext,
  settings: DeskSettings,
  table: Table<TicketRow>,
  found: FoundTicket,
  stage: RecordedStage,
  actor: string,
): ActionResult {
  const { lang } = ctx;
  const ticket = found.values;
  const column = STAGE_DONE_COLUMN[stage];
  const label = t(lang, `reports.stage.${stage}` as MessageKey);
  const recorded = ticket[column];
  if (recorded instanceof Date)
    return refuse(
      t(lang, 'panel.error.stageRecorded', { stage: label, at: formatPanelTime(lang, settings, recorded) }),
    );
  if (!isOpen(ticket.status) || !(ticket[STAGE_DUE_COLUMN[stage]] instanceof Date))
    return refuse(t(lang, 'panel.error.stageClosed', { stage: label }));
  const now = ctx.now();
  table.updateRows([{ row: found.row, values: { [column]: now, updatedAt: now } }]);
  const at = formatPanelTime(lang, settings, now);
  appendHistory(
    ctx,
    'panel',
    [{ actor, recordId: ticket.id, field: columnLabelOf(TICKETS, column, lang), oldValue: '', newValue: at }],
    PANEL_HISTORY,
  );
  ctx.ports.workbook.flush();
  return { ok: true, message: t(lang, 'panel.done.stage', { stage: label, at }) };
}

export function applyAction(ctx: JobContext, request: ActionRequest): ActionResult {
  const settings = loadSettings(ctx);
  const { lang } = ctx;
  const problem = precheck(ctx, settings, request.action);
  if (problem) return refuse(problem);
  const me = whoIsSignedIn(ctx, settings);
  const actor = me.staffName || me.email || t(lang, 'history.actor.system');
  const action = request.action;
  const maxText = settings.general.descriptionMaxLength;

  if (action.kind === 'callback') {
    const result = ctx.ports.lock.withDocumentLock(settings.general.lockTimeoutSeconds * 1000, () => {
      const found = findTicket(ctx, request.id, request.row);
      if (!found) return refuse(t(lang, 'panel.error.notFound', { id: request.id }));
      if (versionOf(found.values) !== request.version)
        return refuse(staleMessage(ctx, settings, found.values, request.version), true);
      const outcome = recordCallbackAttempt(
        ctx,
        {
          ticketId: found.values.id,
          by: actor,
          method: action.method as never,
          reached: action.reached,
          satisfaction: action.reached ? (action.satisfaction as never) : null,
          issueResolved: action.reached ? action.issueResolved : null,
          comments: action.comments,
          confirmation: action.reached ? 'verbal' : null,
        },
        `panel-${action.requestId}`,
        actor,
        'panel',
        found,
      );
      if (outcome.kind === 'duplicate') return { ok: true as const, message: t(lang, 'panel.done.note') };
      return { ok: true as const, message: t(lang, 'panel.done.callback', { n: outcome.attemptNo }) };
    });
    ctx.rememberHeaders();
    return result;
  }

  const result = ctx.ports.lock.withDocumentLock(settings.general.lockTimeoutSeconds * 1000, () => {
    const table = ctx.table<TicketRow>(TICKETS);
    const found = findTicket(ctx, request.id, request.row);
    if (!found) return refuse(t(lang, 'panel.error.notFound', { id: request.id }));
    const before = found.values;
    if (versionOf(before) !== request.version)
      return refuse(staleMessage(ctx, settings, before, request.version), true);
    const from: TicketStatus = before.status === '' ? 'new' : before.status;
    const typed: Partial<TicketRow> = {};
    const keys: LoggedKey[] = [];
    const extraHistory: HistoryEntry[] = [];
    let done = '';
    const entry = (field: string, oldValue: string, newValue: string): HistoryEntry => ({
      actor,
      recordId: before.id,
      field,
      oldValue,
      newValue,
    });
    if (action.kind === 'status') {
      const note = sanitizeUserText(action.text, maxText).text;
      // Cancelling keeps its reason in Resolution, as a cell edit does (README: Statuses); like a cell
      // edit, the Resolution text itself is not logged (History logs the tracked columns).
      if ((action.to === 'resolved' || action.to === 'cancelled') && note !== before.resolution)
        typed.resolution = note;
      if (action.to === 'waitingOnCustomer' && note !== '')
        extraHistory.push(entry(t(lang, 'panel.history.waiting'), '', note));
      typed.status = action.to;
      keys.push('status');
      done = t(lang, 'panel.done.status', { status: enumLabel(lang, 'status', action.to) });
    } else if (action.kind === 'assign') {
      if (action.assignee !== before.assignee) {
        typed.assignee = action.assignee;
        keys.push('assignee');
      }
      if (action.department !== before.department) {
        typed.department = action.department;
        keys.push('department');
      }
      if (action.transfer) {
        typed.status = 'transferred';
        keys.push('status');
      }
      if (keys.length === 0) return refuse(t(lang, 'panel.error.nothingChanged'));
      done = t(lang, 'panel.done.assign', {
        assignee: action.assignee || '—',
        department: action.department || '—',
      });
    } else if (action.kind === 'stage') {
      return recordStage(ctx, settings, table, found, action.stage, actor);
    } else {
      const note = sanitizeUserText(action.text, maxText).text;
      appendHistory(ctx, 'panel', [entry(t(lang, 'panel.history.note'), '', note)], PANEL_HISTORY);
      ctx.ports.workbook.flush();
      return { ok: true as const, message: t(lang, 'panel.done.note') };
    }
    const merged = { ...picked(before), ...typed } as EditedRow;
    const oldValues: Partial<Record<LoggedKey, string>> = {
      assignee: before.assignee,
      department: before.department,
    };
    const outcome: RowOutcome = planTicketChange(ctx, settings, merged, {
      keys,
      from,
      typedStatus: typed.status ? enumLabel(lang, 'status', typed.status) : '',
      oldValues,
      actor,
      editor: me.email,
    });
    if (outcome.refused) return refuse(outcome.refused);
    // A cleared status note is not written: the panel leaves the sheet's notes alone unless the rule set wrote one.
    const notes = { ...outcome.notes };
    if (notes.status === '') delete notes.status;
    // Only what changed (issue 13): a cell merely read is not written back over a newer edit.
    table.updateRows(
      [{ row: found.row, values: changedFields(before, { ...typed, ...outcome.values }, keys) }],
      Object.keys(notes).length > 0 ? [{ row: found.row, notes }] : [],
    );
    if ((outcome.values.status ?? merged.status) === 'reopened')
      keepReopenedInWindow(ctx.ports.store, [{ row: found.row }]);
    appendHistory(ctx, 'panel', [...extraHistory, ...outcome.history], PANEL_HISTORY);
    ctx.ports.workbook.flush();
    return { ok: true as const, message: done };
  });
  ctx.rememberHeaders();
  return result;
}
