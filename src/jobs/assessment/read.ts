/**
 * What the monthly assessment counts from, each log read with one batched read of the columns it needs
 * (SPEC §15): Tickets, Callbacks, Audits and the Merits ledger, and the previous assessments.
 */

import type { AssessAudit, AssessCallback, AssessMerit, AssessTicket } from '../../core/assessment';
import { callbackOwnerOf } from '../../core/callbacks';
import {
  ASSESSMENT,
  type AssessmentRow,
  AUDITS,
  type AuditRow,
  CALLBACKS,
  type CallbackRow,
  type DateCell,
  MERITS,
  type MeritRow,
  type NumberCell,
  TICKETS,
  type TicketRow,
} from '../../workbook/schemas';
import type { JobContext } from '../context';
import type { DeskSettings } from '../settings';

const TICKET_KEYS = [
  'id',
  'receivedAt',
  'type',
  'status',
  'assignee',
  'receivedBy',
  'resolveDue',
  'resolveAt',
  'firstResolvedAt',
  'firstResolveDue',
  'callbackDue',
  'callbackAt',
  'callbackState',
] as const satisfies ReadonlyArray<keyof TicketRow>;

function instant(cell: DateCell | undefined): number | null {
  return cell instanceof Date ? cell.getTime() : null;
}

function number(cell: NumberCell | undefined): number | null {
  return typeof cell === 'number' ? cell : null;
}

export function readAssessTickets(ctx: JobContext, settings: DeskSettings): AssessTicket[] {
  const byReceiver = settings.general.callbackByReceiver;
  const tickets: AssessTicket[] = [];
  for (const { values } of ctx.table<TicketRow>(TICKETS).readRows(TICKET_KEYS).rows) {
    if (values.id === '') continue;
    tickets.push({
      id: values.id,
      receivedAt: instant(values.receivedAt),
      type: values.type,
      status: values.status,
      assignee: values.assignee,
      receivedBy: values.receivedBy,
      callbackOwner: callbackOwnerOf(values, settings.staff, byReceiver),
      resolveDue: instant(values.resolveDue),
      resolveAt: instant(values.resolveAt),
      firstResolvedAt: instant(values.firstResolvedAt),
      firstResolveDue: instant(values.firstResolveDue),
      callbackDue: instant(values.callbackDue),
      callbackAt: instant(values.callbackAt),
      callbackState: values.callbackState,
      // Columns the assessment does not count from.
      severity: '',
      channel: '',
      category: '',
      department: '',
      phone: '',
      ackDue: null,
      ackAt: null,
      transferDue: null,
      transferAt: null,
      feedbackDue: null,
      feedbackAt: null,
      satisfaction: null,
      repeatOf: '',
      reopenCount: 0,
      substantiated: '',
      personComplained: '',
      pausedMs: 0,
    });
  }
  return tickets;
}

export function readAssessCallbacks(ctx: JobContext): AssessCallback[] {
  if (!ctx.findSheet(CALLBACKS)) return [];
  const keys = ['ticketId', 'attemptNo', 'at', 'satisfaction', 'valid'] as const satisfies ReadonlyArray<
    keyof CallbackRow
  >;
  const callbacks: AssessCallback[] = [];
  for (const { values } of ctx.table<CallbackRow>(CALLBACKS).readRows(keys).rows) {
    const at = instant(values.at);
    if (values.ticketId === '' || at === null) continue;
    callbacks.push({
      ticketId: values.ticketId,
      attemptNo: number(values.attemptNo) ?? 0,
      at,
      satisfaction: values.valid === true ? number(values.satisfaction) : null,
    });
  }
  return callbacks;
}

export function readAssessAudits(ctx: JobContext): AssessAudit[] {
  if (!ctx.findSheet(AUDITS)) return [];
  const keys = ['auditId', 'at', 'staff', 'finalPercent', 'kind'] as const satisfies ReadonlyArray<
    keyof AuditRow
  >;
  const audits: AssessAudit[] = [];
  for (const { values } of ctx.table<AuditRow>(AUDITS).readRows(keys).rows) {
    const at = instant(values.at);
    if (values.auditId === '' || at === null) continue;
    audits.push({
      id: values.auditId,
      at,
      staff: values.staff,
      finalPercent: number(values.finalPercent),
      calibration: values.kind === 'calibration',
    });
  }
  return audits;
}

export function readAssessMerits(ctx: JobContext): AssessMerit[] {
  if (!ctx.findSheet(MERITS)) return [];
  const keys = ['entryId', 'month', 'staff', 'points', 'sign', 'state'] as const satisfies ReadonlyArray<
    keyof MeritRow
  >;
  return ctx
    .table<MeritRow>(MERITS)
    .readRows(keys)
    .rows.filter(({ values }) => values.entryId !== '')
    .map(({ values }) => ({
      entryId: values.entryId,
      month: values.month,
      staff: values.staff,
      points: number(values.points) ?? 0,
      sign: values.sign,
      counts: values.state === 'entered' || values.state === 'reversal',
    }));
}

export const ASSESSMENT_KEYS = ['month', 'staff', 'state', 'revision', 'flags', 'rank', 'total'] as const;

export type StoredAssessment = Pick<AssessmentRow, (typeof ASSESSMENT_KEYS)[number]> & { row: number };

/** Every Assessment row (50 people × the months so far: small), with its sheet row. */
export function readAssessments(ctx: JobContext): StoredAssessment[] {
  return ctx
    .table<AssessmentRow>(ASSESSMENT)
    .readRows(ASSESSMENT_KEYS)
    .rows.filter(({ values }) => values.month !== '')
    .map(({ row, values }) => ({ ...values, row }));
}
