/** The ticket columns a report needs, read with one batched read of the Tickets sheet (SPEC §2, §15). */
import type { ReportTicket } from '../../core/reports';
import { type DateCell, type NumberCell, TICKETS, type TicketRow } from '../../workbook/schemas';
import type { JobContext } from '../context';

const KEYS = [
  'id',
  'receivedAt',
  'type',
  'severity',
  'channel',
  'category',
  'department',
  'assignee',
  'status',
  'phone',
  'ackDue',
  'ackAt',
  'transferDue',
  'transferAt',
  'feedbackDue',
  'feedbackAt',
  'resolveDue',
  'resolveAt',
  'callbackDue',
  'callbackAt',
  'callbackState',
  'satisfaction',
  'repeatOf',
  'reopenCount',
] as const satisfies ReadonlyArray<keyof TicketRow>;

function instant(cell: DateCell): number | null {
  return cell instanceof Date ? cell.getTime() : null;
}

function number(cell: NumberCell): number | null {
  return typeof cell === 'number' ? cell : null;
}

export function readReportTickets(ctx: JobContext): ReportTicket[] {
  const { rows } = ctx.table<TicketRow>(TICKETS).readRows(KEYS);
  const tickets: ReportTicket[] = [];
  for (const { values } of rows) {
    if (values.id === '') continue;
    tickets.push({
      id: values.id,
      receivedAt: instant(values.receivedAt),
      type: values.type,
      severity: values.severity,
      channel: values.channel,
      category: values.category,
      department: values.department,
      assignee: values.assignee,
      status: values.status,
      phone: values.phone,
      ackDue: instant(values.ackDue),
      ackAt: instant(values.ackAt),
      transferDue: instant(values.transferDue),
      transferAt: instant(values.transferAt),
      feedbackDue: instant(values.feedbackDue),
      feedbackAt: instant(values.feedbackAt),
      resolveDue: instant(values.resolveDue),
      resolveAt: instant(values.resolveAt),
      callbackDue: instant(values.callbackDue),
      callbackAt: instant(values.callbackAt),
      callbackState: values.callbackState,
      satisfaction: number(values.satisfaction),
      repeatOf: values.repeatOf,
      reopenCount: number(values.reopenCount) ?? 0,
    });
  }
  return tickets;
}
