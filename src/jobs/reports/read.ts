/**
 * What a report counts from, each read with one batched read (SPEC §2, §15): the ticket columns it
 * needs from Tickets, and every attempt of the Callbacks log (satisfaction is counted from the log by
 * attempt time, not from a ticket's last score — issue 14).
 */
import type { ReportCallback, ReportTicket } from '../../core/reports';
import {
  CALLBACKS,
  type CallbackRow,
  type DateCell,
  type NumberCell,
  TICKETS,
  type TicketRow,
} from '../../workbook/schemas';
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
  'firstResolvedAt',
  'firstResolveDue',
  'callbackDue',
  'callbackAt',
  'callbackState',
  'satisfaction',
  'repeatOf',
  'reopenCount',
  'substantiated',
  'personComplained',
  'pausedMs',
] as const satisfies ReadonlyArray<keyof TicketRow>;

const CALLBACK_KEYS = ['ticketId', 'at', 'by', 'satisfaction', 'valid'] as const satisfies ReadonlyArray<
  keyof CallbackRow
>;

function instant(cell: DateCell | undefined): number | null {
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
      firstResolvedAt: instant(values.firstResolvedAt),
      firstResolveDue: instant(values.firstResolveDue),
      callbackDue: instant(values.callbackDue),
      callbackAt: instant(values.callbackAt),
      callbackState: values.callbackState,
      satisfaction: number(values.satisfaction),
      repeatOf: values.repeatOf,
      reopenCount: number(values.reopenCount) ?? 0,
      substantiated: values.substantiated ?? '',
      personComplained: values.personComplained ?? '',
      pausedMs: number(values.pausedMs) ?? 0,
    });
  }
  return tickets;
}

/** Every attempt of the Callbacks log; a score counts only on a valid attempt (reached, scored). */
export function readReportCallbacks(ctx: JobContext): ReportCallback[] {
  const { rows } = ctx.table<CallbackRow>(CALLBACKS).readRows(CALLBACK_KEYS);
  const callbacks: ReportCallback[] = [];
  for (const { values } of rows) {
    const at = instant(values.at);
    if (values.ticketId === '' || at === null) continue;
    callbacks.push({
      ticketId: values.ticketId,
      at,
      by: values.by,
      satisfaction: values.valid === true ? number(values.satisfaction) : null,
    });
  }
  return callbacks;
}
