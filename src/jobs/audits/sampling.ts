/**
 * The weekly audit sample (SPEC §8.1), run with the weekly report: for the week just ended, each staff
 * member's resolved tickets are sampled (core/audits/sampling) and recorded in Audit samples — which
 * ticket, for whom, assigned to which supervisor, with which scorecard, audit by when. Earlier samples get
 * their state: audited (with the audit's ID) once an audit names the ticket, overdue after their date.
 *
 * Reads each register once (Tickets, Audits, Audit samples), appends the week's sample in one write and
 * updates states in one batched write, whatever the number of tickets. Drawing a week twice draws nothing.
 */
import { drawSample, type SampleCandidate } from '../../core/audits/sampling';
import { lastCompletedPeriod, type ReportPeriod } from '../../core/reports/period';
import { categoryKey, type StaffMember } from '../../core/settings';
import { t } from '../../i18n';
import type { Ports } from '../../ports';
import {
  AUDIT_SAMPLES,
  AUDITS,
  type AuditRow,
  type AuditSampleRow,
  TICKETS,
  type TicketRow,
} from '../../workbook/schemas';
import { JobContext } from '../context';
import { spreadsheetLang } from '../entry';
import type { RunCounts } from '../run-log';
import { type DeskSettings, loadSettings } from '../settings';

const TICKET_KEYS = [
  'id',
  'type',
  'channel',
  'assignee',
  'status',
  'resolveAt',
  'firstResolvedAt',
  'reopenCount',
  'satisfaction',
] as const;
const AUDIT_KEYS = ['auditId', 'ticketId', 'staff', 'auditor', 'kind', 'at'] as const;
const SAMPLE_KEYS = ['week', 'ticketId', 'state', 'auditId', 'due'] as const;

/** A sample is audited within the week after it is drawn. */
const AUDIT_WITHIN_MS = 7 * 86_400_000;

function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * Who audits a person's sample: a supervisor of their department (not themself), else a CS manager.
 * With a limit, a supervisor who audited the person the last `limit` times in a row hands over to the
 * next candidate (another supervisor, then the managers).
 */
export function auditorFor(
  staff: readonly StaffMember[],
  person: string,
  lastAuditors: readonly string[],
  limit: number,
): string {
  const member = staff.find((s) => sameName(s.name, person));
  const active = staff.filter((s) => s.active && !s.onLeave && !sameName(s.name, person));
  const heads = active.filter(
    (s) => s.role === 'supervisor' && member && categoryKey(s.department) === categoryKey(member.department),
  );
  const managers = active.filter((s) => s.role === 'manager');
  const candidates = [...heads, ...managers];
  if (candidates.length === 0) return '';
  const streakBy = (name: string) =>
    limit > 0 && lastAuditors.length >= limit && lastAuditors.slice(-limit).every((a) => sameName(a, name));
  return (candidates.find((c) => !streakBy(c.name)) ?? candidates[0]).name;
}

/** The scorecard for a ticket: complaints → Complaint handling, walk-ins → Walk-in reception, else Phone service. */
function scorecardFor(ctx: JobContext, settings: DeskSettings, ticket: SampleCandidate): string {
  const names = settings.scorecards.map((card) => card.name);
  const wanted =
    ticket.type === 'complaint'
      ? 'audits.default.complaint'
      : ticket.channel === 'walkIn'
        ? 'audits.default.walkIn'
        : 'audits.default.phone';
  const name = t(ctx.lang, wanted);
  return names.includes(name) ? name : (names[0] ?? '');
}

function resolvedIn(row: Pick<TicketRow, 'resolveAt' | 'firstResolvedAt'>, week: ReportPeriod): boolean {
  const at = row.firstResolvedAt instanceof Date ? row.firstResolvedAt : row.resolveAt;
  return at instanceof Date && at >= week.start && at < week.end;
}

export function drawWeeklySample(ctx: JobContext, settings: DeskSettings, week: ReportPeriod): RunCounts {
  return ctx.ports.lock.withDocumentLock(settings.general.lockTimeoutSeconds * 1000, () =>
    drawLocked(ctx, settings, week),
  );
}

function drawLocked(ctx: JobContext, settings: DeskSettings, week: ReportPeriod): RunCounts {
  const samples = ctx.table<AuditSampleRow>(AUDIT_SAMPLES);
  const existing = samples.readRows(SAMPLE_KEYS).rows;
  const audits = ctx
    .table<AuditRow>(AUDITS)
    .readRows(AUDIT_KEYS)
    .rows.map((row) => row.values)
    .filter((row) => row.kind !== 'calibration');
  const auditedTicket = new Map<string, string>();
  for (const audit of audits)
    if (audit.ticketId !== '') auditedTicket.set(audit.ticketId.trim().toUpperCase(), audit.auditId);

  // States of earlier samples: audited once an audit names the ticket, overdue after the date.
  const now = ctx.now();
  const changes: Array<{ row: number; values: Partial<AuditSampleRow> }> = [];
  for (const { row, values } of existing) {
    if (values.state === 'audited') continue;
    const auditId = auditedTicket.get(values.ticketId.trim().toUpperCase());
    if (auditId) changes.push({ row, values: { state: 'audited', auditId } });
    else if (values.state !== 'overdue' && values.due instanceof Date && values.due < now)
      changes.push({ row, values: { state: 'overdue' } });
  }
  if (changes.length > 0) samples.updateRows(changes);

  if (existing.some((row) => row.values.week === week.label)) return { sampled: 0, updated: changes.length };

  const tickets = ctx
    .table<TicketRow>(TICKETS)
    .readRows(TICKET_KEYS)
    .rows.map((row) => row.values)
    .filter((row) => row.id !== '' && row.status !== 'cancelled' && resolvedIn(row, week));
  const candidates: SampleCandidate[] = tickets.map((row) => ({
    id: row.id,
    staff: row.assignee,
    type: row.type,
    channel: row.channel,
    reopened: (Number(row.reopenCount) || 0) > 0,
    satisfaction: typeof row.satisfaction === 'number' ? row.satisfaction : null,
  }));
  const excluded = new Set<string>([...auditedTicket.keys()]);
  for (const { values } of existing) excluded.add(values.ticketId.trim().toUpperCase());
  const drawn = drawSample(candidates, excluded, settings.general.qaSamplePerPerson, week.label);

  const lastAuditors = new Map<string, string[]>();
  for (const audit of [...audits].sort((a, b) => Number(a.at) - Number(b.at))) {
    const list = lastAuditors.get(audit.staff) ?? [];
    list.push(audit.auditor);
    lastAuditors.set(audit.staff, list);
  }
  const due = new Date(week.end.getTime() + AUDIT_WITHIN_MS);
  const rows: Array<Partial<AuditSampleRow>> = drawn.map(({ ticket, reason }) => ({
    week: week.label,
    staff: ticket.staff,
    ticketId: ticket.id,
    type: ticket.type as AuditSampleRow['type'],
    channel: ticket.channel as AuditSampleRow['channel'],
    reason,
    auditor: auditorFor(
      settings.staff,
      ticket.staff,
      lastAuditors.get(ticket.staff) ?? [],
      settings.general.qaSameAuditorLimit,
    ),
    scorecard: scorecardFor(ctx, settings, ticket),
    drawnAt: now,
    due,
    state: 'open',
    auditId: '',
  }));
  if (rows.length > 0) samples.appendRecords(rows);
  ctx.ports.workbook.flush();
  return { sampled: rows.length, updated: changes.length, candidates: candidates.length };
}

/** The menu action: draws (or completes) the sample of the last full week now, and says what it did. */
export function drawLastWeekSample(ports: Ports): void {
  const ctx = new JobContext(ports, spreadsheetLang(ports));
  const settings = loadSettings(ctx);
  const week = lastCompletedPeriod('weekly', settings.calendar.zone, ctx.now().getTime());
  const counts = drawWeeklySample(ctx, settings, week);
  ctx.rememberHeaders();
  ports.ui.alert(
    t(ctx.lang, 'menu.title'),
    t(ctx.lang, 'audits.menu.sampled', {
      week: week.label,
      sampled: counts.sampled ?? 0,
      updated: counts.updated ?? 0,
    }),
  );
}
