/**
 * What a report counts from, each read with one batched read (SPEC §2, §15): the ticket columns it
 * needs from Tickets, and every attempt of the Callbacks log (satisfaction is counted from the log by
 * attempt time, not from a ticket's last score — issue 14).
 */
import type {
  AuditReportInput,
  ReportAppeal,
  ReportAudit,
  ReportAuditItem,
  ReportCalibration,
  ReportCallback,
  ReportNote,
  ReportResolution,
  ReportSample,
  ReportTicket,
} from '../../core/reports';
import { bothLanguages } from '../../i18n';
import { columnOf } from '../../workbook/schema';
import {
  AUDIT_APPEALS,
  AUDIT_ITEMS,
  AUDIT_SAMPLES,
  AUDITS,
  type AuditAppealRow,
  type AuditItemRow,
  type AuditRow,
  type AuditSampleRow,
  CALIBRATION,
  CALLBACKS,
  type CalibrationRow,
  type CallbackRow,
  type DateCell,
  HISTORY,
  type NumberCell,
  REPORT_NOTES,
  type ReportNoteRow,
  TICKETS,
  type TicketRow,
} from '../../workbook/schemas';
import type { JobContext } from '../context';
import { STAGE_COLUMNS } from '../deadlines';
import { historyBetween } from '../history-window';

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
  ...STAGE_COLUMNS,
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

/**
 * Every time a ticket was set Resolved after `since` (History's Status rows, either language), from the
 * window's History only; undefined on a desk without History.
 */
export function readReportResolutions(ctx: JobContext, since: number): ReportResolution[] | undefined {
  if (!ctx.findSheet(HISTORY)) return undefined;
  const field = new Set(bothLanguages(columnOf(TICKETS, 'status').label));
  const resolved = new Set(bothLanguages('enum.status.resolved'));
  return historyBetween(
    ctx,
    since,
    Number.POSITIVE_INFINITY,
    (event) => field.has(event.field) && resolved.has(event.newValue),
  ).map((event) => ({ ticketId: event.recordId, at: event.at }));
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

const AUDIT_KEYS = [
  'auditId',
  'at',
  'staff',
  'scorecard',
  'finalPercent',
  'criticalFail',
  'kind',
  'runBelow',
] as const;
const AUDIT_ITEM_KEYS = ['auditId', 'section', 'item', 'max', 'points', 'rootCause'] as const;
const SAMPLE_KEYS = ['ticketId', 'drawnAt', 'due', 'auditId'] as const;

/** Audits, their items and the samples (one read each); undefined on a desk without the audit sheets. */
export function readReportAudits(ctx: JobContext, consecutiveLimit: number): AuditReportInput | undefined {
  if (!ctx.findSheet(AUDITS) || !ctx.findSheet(AUDIT_ITEMS)) return undefined;
  const audits: ReportAudit[] = [];
  for (const { values } of ctx.table<AuditRow>(AUDITS).readRows(AUDIT_KEYS).rows) {
    const at = instant(values.at);
    if (values.auditId === '' || at === null) continue;
    audits.push({
      id: values.auditId,
      at,
      staff: values.staff,
      scorecard: values.scorecard,
      finalPercent: number(values.finalPercent),
      criticalFail: values.criticalFail === true,
      calibration: values.kind === 'calibration',
      runBelow: number(values.runBelow) ?? 0,
    });
  }
  const items: ReportAuditItem[] = ctx
    .table<AuditItemRow>(AUDIT_ITEMS)
    .readRows(AUDIT_ITEM_KEYS)
    .rows.map(({ values }) => ({
      auditId: values.auditId,
      section: values.section,
      item: values.item,
      max: number(values.max) ?? 0,
      points: number(values.points),
      rootCause: values.rootCause,
    }));
  const auditedAt = new Map(audits.map((audit) => [audit.id, audit.at]));
  const samples: ReportSample[] = ctx.findSheet(AUDIT_SAMPLES)
    ? ctx
        .table<AuditSampleRow>(AUDIT_SAMPLES)
        .readRows(SAMPLE_KEYS)
        .rows.map(({ values }) => ({
          ticketId: values.ticketId,
          drawnAt: instant(values.drawnAt),
          due: instant(values.due),
          auditId: values.auditId,
          auditedAt: values.auditId === '' ? null : (auditedAt.get(values.auditId) ?? null),
        }))
    : [];
  const appeals: ReportAppeal[] = ctx.findSheet(AUDIT_APPEALS)
    ? ctx
        .table<AuditAppealRow>(AUDIT_APPEALS)
        .readRows(['at', 'decision'])
        .rows.map(({ values }) => ({ at: instant(values.at) ?? 0, decision: values.decision }))
    : [];
  const calibrations: ReportCalibration[] = ctx.findSheet(CALIBRATION)
    ? ctx
        .table<CalibrationRow>(CALIBRATION)
        .readRows(['session', 'openedAt', 'calibrator', 'role', 'state', 'alignment', 'strictness'])
        .rows.flatMap(({ values }) => {
          const openedAt = instant(values.openedAt);
          return openedAt === null || values.session === ''
            ? []
            : [
                {
                  session: values.session,
                  openedAt,
                  calibrator: values.calibrator,
                  role: values.role,
                  closed: values.state === 'closed',
                  alignment: number(values.alignment),
                  strictness: number(values.strictness),
                },
              ];
        })
    : [];
  return { audits, items, samples, appeals, consecutiveLimit, calibrations };
}

/** Every row of the Report notes sheet (a small sheet: one row per period written), or undefined without it. */
export function readReportNotes(ctx: JobContext): ReportNote[] | undefined {
  if (!ctx.findSheet(REPORT_NOTES)) return undefined;
  return ctx
    .table<ReportNoteRow>(REPORT_NOTES)
    .readRows(['report', 'problems', 'plan', 'coordinate', 'writtenBy'])
    .rows.map(({ values }) => ({
      report: String(values.report),
      problems: String(values.problems),
      plan: String(values.plan),
      coordinate: String(values.coordinate),
      writtenBy: String(values.writtenBy),
    }))
    .filter((note) => note.report.trim() !== '');
}
