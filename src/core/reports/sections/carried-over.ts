/**
 * Carried-over complaints (seed 002 §3.4.4: unresolved items stay open for tracking and each report
 * gives their handling; §3.10.1: the weekly meeting coordinates new and carried-over complaints):
 * complaints still open when the period began, with what became of them by the cut-off — resolved on a
 * day, still open with a stage overdue, or still open — oldest first.
 */
import { businessTimeBetween } from '../../calendar';
import { dateKeyOf } from '../../calendar/civil';
import { isOpenAt, type ReportContext, type ReportTicket, workingDayMs } from '../input';
import { label, type ReportCell, type ReportSection } from '../model';
import { overdueStage } from './overdue';

const MS_PER_DAY = 86_400_000;

/** Progress, the stage overdue and how late (working days) at the cut-off. */
function progressOf(ticket: ReportTicket, context: ReportContext): ReportCell[] {
  if (!isOpenAt(ticket, context.asOf)) {
    const day = dateKeyOf(context.calendar.zone.toLocal(ticket.resolveAt ?? context.asOf).dayNumber);
    return [label('reports.carried.resolved', { day }), '', null];
  }
  const overdue = overdueStage(ticket, context.asOf);
  if (!overdue) return [label('reports.carried.open'), '', null];
  return [
    label('reports.carried.overdue'),
    label(`reports.stage.${overdue.stage}`),
    businessTimeBetween(context.calendar, overdue.due, context.asOf) / workingDayMs(context.calendar),
  ];
}

export function carriedOverComplaints(context: ReportContext): ReportSection {
  const start = context.current.from;
  const carried = context.tickets
    .filter((ticket) => ticket.type === 'complaint' && isOpenAt(ticket, start))
    .sort((a, b) => (a.receivedAt ?? 0) - (b.receivedAt ?? 0) || a.id.localeCompare(b.id));
  const rows: ReportCell[][] = carried.map((ticket) => {
    const until = isOpenAt(ticket, context.asOf) ? context.asOf : (ticket.resolveAt ?? context.asOf);
    return [
      ticket.id,
      ticket.receivedAt === null ? null : new Date(ticket.receivedAt),
      ticket.receivedAt === null ? null : Math.floor((until - ticket.receivedAt) / MS_PER_DAY),
      ticket.category,
      ticket.department,
      ticket.assignee === '' ? label('reports.value.unassigned') : ticket.assignee,
      ...progressOf(ticket, context),
    ];
  });
  return {
    id: 'carriedOver',
    title: 'reports.section.carriedOver',
    columns: [
      { header: 'reports.col.id', format: 'text' },
      { header: 'reports.col.receivedAt', format: 'dateTime' },
      { header: 'reports.col.daysOpen', format: 'count' },
      { header: 'reports.col.category', format: 'text' },
      { header: 'reports.col.department', format: 'text' },
      { header: 'reports.col.owner', format: 'text' },
      { header: 'reports.col.progress', format: 'text' },
      { header: 'reports.col.stage', format: 'text' },
      { header: 'reports.col.workingDaysLate', format: 'days' },
    ],
    rows,
    mailRows: context.targets.listLimit,
  };
}
