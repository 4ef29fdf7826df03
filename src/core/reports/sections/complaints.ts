/**
 * Major and repeat complaints (SPEC §10; seed 003 L407 major incidents go up at once; seed 000
 * L799–801 second complaints are supervised): complaints received in the period that are Major or
 * repeat an earlier one. Customer phones are masked (SPEC §14).
 */
import { maskPhone } from '../../text';
import { inWindow, type ReportContext } from '../input';
import { label, type ReportCell, type ReportSection } from '../model';

export function majorAndRepeatComplaints(context: ReportContext): ReportSection {
  const listed = context.tickets
    .filter(
      (ticket) =>
        ticket.type === 'complaint' &&
        inWindow(ticket.receivedAt, context.current) &&
        (ticket.severity === 'major' || ticket.severity === 'urgent' || ticket.repeatOf !== ''),
    )
    .sort((a, b) => (a.receivedAt ?? 0) - (b.receivedAt ?? 0) || a.id.localeCompare(b.id));
  const rows: ReportCell[][] = listed.map((ticket) => [
    ticket.id,
    ticket.receivedAt === null ? null : new Date(ticket.receivedAt),
    ticket.severity === '' ? label('reports.value.none') : label(`enum.severity.${ticket.severity}`),
    ticket.repeatOf,
    ticket.category,
    ticket.department,
    ticket.assignee === '' ? label('reports.value.unassigned') : ticket.assignee,
    ticket.status === '' ? label('reports.value.none') : label(`enum.status.${ticket.status}`),
    maskPhone(ticket.phone),
  ]);
  return {
    id: 'majorAndRepeat',
    title: 'reports.section.majorAndRepeat',
    columns: [
      { header: 'reports.col.id', format: 'text' },
      { header: 'reports.col.receivedAt', format: 'dateTime' },
      { header: 'reports.col.severity', format: 'text' },
      { header: 'reports.col.repeatOf', format: 'text' },
      { header: 'reports.col.category', format: 'text' },
      { header: 'reports.col.department', format: 'text' },
      { header: 'reports.col.owner', format: 'text' },
      { header: 'reports.col.status', format: 'text' },
      { header: 'reports.col.phone', format: 'text' },
    ],
    rows,
    mailRows: context.targets.listLimit,
  };
}
