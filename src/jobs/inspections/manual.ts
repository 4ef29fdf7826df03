/**
 * What people may do by hand to the inspection register (SPEC §9):
 * - a rectification ticket closes when a re-inspection passes its item; before that only a CS manager or
 *   the GM may resolve, close or cancel it, with the reason in Resolution (the edit job asks here);
 * - a CS manager or the GM excuses a missed inspection in Missed inspections by writing the reason and
 *   ticking Excused; the row records who did. Anyone else's tick is taken back, with a note saying why.
 */
import type { TicketStatus } from '../../core/enums';
import type { StaffMember } from '../../core/settings';
import { t } from '../../i18n';
import type { CellEdit } from '../../ports';
import { MISSED_INSPECTIONS, type MissedInspectionRow } from '../../workbook/schemas';
import type { JobContext } from '../context';
import { appendHistory } from '../history';
import { loadSettings } from '../settings';

const MANAGERS: ReadonlySet<StaffMember['role']> = new Set<StaffMember['role']>(['manager', 'gm']);
const SETTLING: ReadonlySet<TicketStatus> = new Set<TicketStatus>(['resolved', 'closed', 'cancelled']);

function isManager(staff: readonly StaffMember[], email: string): StaffMember | null {
  const normalized = email.trim().toLowerCase();
  return (
    staff.find(
      (member) => member.active && MANAGERS.has(member.role) && member.email.toLowerCase() === normalized,
    ) ?? null
  );
}

/**
 * Whether a hand edit may settle a ticket: null when it may, else the refusal note. Only rectification
 * tickets (an Inspection link) are guarded.
 */
export function rectificationSettleRefusal(
  ctx: JobContext,
  staff: readonly StaffMember[],
  ticket: { inspection: string; resolution: string },
  to: TicketStatus,
  editor: string,
): string | null {
  if (ticket.inspection === '' || !SETTLING.has(to)) return null;
  if (isManager(staff, editor) && ticket.resolution.trim() !== '') return null;
  return t(ctx.lang, 'inspections.ticket.closeRefused');
}

/** An edit of Missed inspections: excusing a slot, or taking an excuse back. */
export function handleExcuseEdit(ctx: JobContext, edit: CellEdit): void {
  const settings = loadSettings(ctx);
  ctx.ports.lock.withDocumentLock(settings.general.lockTimeoutSeconds * 1000, () => {
    const table = ctx.table<MissedInspectionRow>(MISSED_INSPECTIONS);
    const edited = table.keysInColumns(edit.column, edit.column + edit.numColumns - 1);
    if (!edited.includes('excused') && !edited.includes('reason')) return;
    const { rows } = table.readRowsAt(edit.row, edit.numRows, ['key', 'excused', 'reason', 'excusedBy']);
    const manager = isManager(settings.staff, edit.user);
    const changes: Array<{ row: number; values: Partial<MissedInspectionRow> }> = [];
    const notes: Array<{ row: number; note: string }> = [];
    const history: Array<{
      actor: string;
      recordId: string;
      field: string;
      oldValue: string;
      newValue: string;
    }> = [];
    for (const { row, values } of rows) {
      if (values.key === '') continue;
      if (values.excused !== true) {
        if (values.excusedBy !== '') {
          changes.push({ row, values: { excusedBy: '' } });
          notes.push({ row, note: '' });
        }
        continue;
      }
      const refusal = !manager
        ? 'inspections.excuse.notManager'
        : values.reason.trim() === ''
          ? 'inspections.excuse.noReason'
          : null;
      if (refusal) {
        changes.push({ row, values: { excused: false, excusedBy: '' } });
        notes.push({ row, note: t(ctx.lang, refusal) });
        continue;
      }
      if (values.excusedBy !== '') continue;
      const by = manager?.name ?? edit.user;
      changes.push({ row, values: { excusedBy: by } });
      notes.push({ row, note: '' });
      history.push({
        actor: edit.user || by,
        recordId: values.key,
        field: t(ctx.lang, 'col.missedInspections.excused'),
        oldValue: '',
        newValue: values.reason,
      });
    }
    table.updateRows(changes);
    for (const { row, note } of notes) table.writeNotes(row, { excused: note });
    appendHistory(ctx, 'edit', history);
    ctx.ports.workbook.flush();
  });
  ctx.rememberHeaders();
}
