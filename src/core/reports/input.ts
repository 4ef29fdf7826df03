/**
 * What a report is computed from, and the counting rules every section shares (README "Reports").
 *
 * Figures come from events, never from a row's latest state (issue 14): satisfaction from the Callbacks
 * log by attempt time (a low score stays counted in its period whatever happens to the ticket later),
 * resolve timeliness from the first resolution and the deadline it had then (First resolved at / First
 * resolve due, kept when a ticket is reopened and resolved again).
 *
 * One rule decides in which period a deadline counts, so each ticket counts once and a rebuilt report
 * gives the same figures: **a stage counts in the period in which its outcome became known** — the
 * moment it was done if it was done on time, or the moment its deadline passed if it was not (done
 * late, or still not done). A stage not yet done and not yet due counts nowhere yet.
 */
import type { BusinessCalendar } from '../calendar';
import type { CallbackState, Channel, Severity, TicketStatus, TicketType } from '../enums';
import type { InspectionReportInput } from '../inspections';
import type { ReportTargets } from '../settings/targets';
import { stageDoneAt } from '../sla';
import type { ReportPeriod } from './period';

/** The columns of a ticket a report needs; instants as epoch ms, null when the cell is empty. */
export interface ReportTicket {
  id: string;
  receivedAt: number | null;
  type: TicketType | '';
  severity: Severity | '';
  channel: Channel | '';
  category: string;
  department: string;
  assignee: string;
  status: TicketStatus | '';
  phone: string;
  ackDue: number | null;
  ackAt: number | null;
  transferDue: number | null;
  transferAt: number | null;
  feedbackDue: number | null;
  feedbackAt: number | null;
  resolveDue: number | null;
  resolveAt: number | null;
  /** The first resolution and its deadline (null on tickets resolved before these columns existed). */
  firstResolvedAt: number | null;
  firstResolveDue: number | null;
  callbackDue: number | null;
  callbackAt: number | null;
  callbackState: CallbackState | '';
  /** 1–5 from the last valid callback; null when none. */
  satisfaction: number | null;
  repeatOf: string;
  reopenCount: number;
  substantiated: 'yes' | 'no' | 'na' | '';
  personComplained: string;
  /** Business milliseconds spent waiting on the customer (the resolve clock's pause). */
  pausedMs: number;
}

/** A ticket set Resolved (a History event), at that instant. */
export interface ReportResolution {
  ticketId: string;
  at: number;
}

/** One row of the Callbacks log: one attempt. */
export interface ReportCallback {
  ticketId: string;
  at: number;
  by: string;
  /** 1–5 on a valid attempt (reached, score recorded); null otherwise. */
  satisfaction: number | null;
}

/** One Audits row as the report needs it; percentages 0–100, null when nothing was scored. */
export interface ReportAudit {
  id: string;
  at: number;
  staff: string;
  scorecard: string;
  finalPercent: number | null;
  criticalFail: boolean;
  calibration: boolean;
  /** Position in the person's run of audits below the warning score (0 when not below). */
  runBelow: number;
}

export interface ReportAuditItem {
  auditId: string;
  section: string;
  item: string;
  max: number;
  /** Points earned; null when N/A or not scored. */
  points: number | null;
  rootCause: string;
}

export interface ReportSample {
  ticketId: string;
  drawnAt: number | null;
  due: number | null;
  auditId: string;
  /** When the audit that covered it was done (from Audits), null while not audited. */
  auditedAt: number | null;
}

/** One row of Audit appeals: when it was made and how it was decided so far. */
export interface ReportAppeal {
  at: number;
  decision: 'pending' | 'accept' | 'partly' | 'reject' | 'expired' | '';
}

/** One Calibration row: a person asked to score a calibrated ticket, and how they aligned once it closed. */
export interface ReportCalibration {
  session: string;
  openedAt: number;
  calibrator: string;
  role: 'benchmark' | 'calibrator' | '';
  closed: boolean;
  /** Percent 0–100; null for the benchmark, before the close or without a benchmark score. */
  alignment: number | null;
  strictness: number | null;
}

export interface AuditReportInput {
  audits: readonly ReportAudit[];
  /** Calibration rows (absent on a desk without the Calibration sheet). */
  calibrations?: readonly ReportCalibration[];
  items: readonly ReportAuditItem[];
  samples: readonly ReportSample[];
  appeals: readonly ReportAppeal[];
  /** ⚙ General: the consequence comes at every this-many audits in a row below the warning score. */
  consecutiveLimit: number;
}

/** Merits and the monthly assessment as the reports read them (Assessment, Assessment appeals, Merits). */
export interface ReportAssessmentRow {
  month: string;
  staff: string;
  department: string;
  total: number | null;
  grade: string;
  rank: number | null;
  flags: string;
  state: 'provisional' | 'final' | '';
}

export interface ReportMeritEntry {
  entryId: string;
  at: number;
  staff: string;
  item: string;
  points: number | null;
  rule: 'form' | 'substantiated' | 'praise' | 'qaRun' | 'minorFault' | 'seriousFault' | 'appeal' | '';
  evidence: string;
  /** Entries waiting for review are listed, not summed. */
  counts: boolean;
}

export interface ReportAssessmentAppeal {
  month: string;
  decision: 'pending' | 'accept' | 'partly' | 'reject' | 'expired' | '';
}

export interface AssessmentReportInput {
  rows: readonly ReportAssessmentRow[];
  appeals: readonly ReportAssessmentAppeal[];
  entries: readonly ReportMeritEntry[];
}

/** [from, to) in epoch ms: the period, cut at `now` while it is still running. */
export interface Window {
  from: number;
  to: number;
}

/** A key figure as a build stored it: what was counted and the tickets counted against the target. */
export interface StoredFigure {
  part: number;
  whole: number;
  against: readonly string[];
}

/** One build of a report as the Report log holds it. */
export interface StoredBuild {
  revision: number;
  builtAt: number;
  mailed: boolean;
  figures: Readonly<Record<string, StoredFigure>>;
}

export interface ReportInput {
  tickets: readonly ReportTicket[];
  /**
   * Earlier builds of this period and of the previous one (Report log). The previous period's figures
   * are shown as it was sent; a rebuild of a sent period is a revision listing what changed since.
   */
  builds?: { current: readonly StoredBuild[]; previous: readonly StoredBuild[] };
  /** The Callbacks log, every attempt. */
  callbacks: readonly ReportCallback[];
  /**
   * Every time a ticket was set Resolved since the previous period began (History), oldest first; rework
   * counts from these. Absent on a desk without History: rework then counts from Resolved at.
   */
  resolutions?: readonly ReportResolution[];
  /** Names of the CS managers and the GM: who must call a very dissatisfied customer personally. */
  managers: readonly string[];
  period: ReportPeriod;
  previous: ReportPeriod;
  calendar: BusinessCalendar;
  targets: ReportTargets;
  now: number;
  /** Quality audits (SPEC §8.1); absent on a desk without the audit registers. */
  audits?: AuditReportInput;
  /** Merits and the monthly assessment (SPEC §8.2–8.3); absent on a desk without their sheets. */
  assessment?: AssessmentReportInput;
  /** The inspection register (issue 17); absent until it is read, then its section says "not set up". */
  inspections?: InspectionReportInput;
  /** Rows of the Report notes sheet (every period's); absent on a desk without the sheet. */
  notes?: readonly ReportNote[];
}

/** A manager's notes for one report period (Report notes sheet). */
export interface ReportNote {
  /** The period label it is for: 2026-W19, 2026-05, 2026-Q2, 2026. */
  report: string;
  problems: string;
  plan: string;
  coordinate: string;
  writtenBy: string;
}

/** What the section builders share, computed once per report. */
export interface ReportContext extends ReportInput {
  current: Window;
  before: Window;
  /** Backlog and overdue are measured at this instant. */
  asOf: number;
  ticketsById: ReadonlyMap<string, ReportTicket>;
}

export function windowOf(period: ReportPeriod, now: number): Window {
  return { from: period.start.getTime(), to: Math.min(period.end.getTime(), now) };
}

export function inWindow(instant: number | null, window: Window): instant is number {
  return instant !== null && instant >= window.from && instant < window.to;
}

export type StageKey = 'ack' | 'transfer' | 'feedback' | 'resolve';
export const STAGE_KEYS: readonly StageKey[] = ['ack', 'transfer', 'feedback', 'resolve'];

export interface Outcome {
  /** When the outcome became known. */
  at: number;
  onTime: boolean;
}

/** The rule of this module's comment, for one deadline and when it was met (null = not done). */
export function outcomeOf(due: number | null, done: number | null): Outcome | null {
  if (due === null) return null;
  if (done !== null && done <= due) return { at: done, onTime: true };
  return { at: due, onTime: false };
}

export function stageOutcome(ticket: ReportTicket, stage: StageKey): Outcome | null {
  if (stage === 'resolve') {
    // The first resolution decides, with the deadline it had then: reopening and resolving again
    // changes neither (a sent report's figure stays what it was).
    if (ticket.firstResolvedAt !== null)
      return outcomeOf(ticket.firstResolveDue ?? ticket.resolveDue, ticket.firstResolvedAt);
    // A reopened ticket's Resolved at belongs to the earlier round: its resolve stage is open again.
    const settled = ticket.status === 'resolved' || ticket.status === 'closed';
    return outcomeOf(ticket.resolveDue, settled ? ticket.resolveAt : null);
  }
  return outcomeOf(ticket[`${stage}Due`], stageDoneAt(ticket[`${stage}At`], ticket.resolveAt));
}

/** Cancelled tickets count in volumes only: they have no deadlines to meet and no backlog to clear. */
export function isCancelled(ticket: ReportTicket): boolean {
  return ticket.status === 'cancelled';
}

const OPEN: ReadonlySet<TicketStatus | ''> = new Set([
  'new',
  'transferred',
  'inProgress',
  'waitingOnCustomer',
  'reopened',
]);

/** Open at `instant`: received before it and not resolved by then (reopened tickets count as open). */
export function isOpenAt(ticket: ReportTicket, instant: number): boolean {
  if (ticket.receivedAt === null || ticket.receivedAt >= instant || isCancelled(ticket)) return false;
  if (OPEN.has(ticket.status)) return true;
  return ticket.resolveAt !== null && ticket.resolveAt >= instant;
}

/** Satisfied = 4 or 5 on the 1–5 scale (SPEC §7). */
export function isSatisfied(score: number): boolean {
  return score >= 4;
}

/** Scored attempts of the Callbacks log in a window: each counts once, at its own time. */
export function scoredCallbacks(
  callbacks: readonly ReportCallback[],
  window: Window,
): Array<ReportCallback & { satisfaction: number }> {
  return callbacks.filter(
    (callback): callback is ReportCallback & { satisfaction: number } =>
      callback.satisfaction !== null &&
      callback.satisfaction >= 1 &&
      callback.satisfaction <= 5 &&
      inWindow(callback.at, window),
  );
}

/** Length of a regular working day in ms (09:00–18:00 less lunch = 8 h), to show lateness in working days. */
export function workingDayMs(calendar: BusinessCalendar): number {
  const { dayStart, dayEnd, lunchStart, lunchEnd } = calendar.config;
  const minutes = dayEnd - dayStart - Math.max(0, lunchEnd - lunchStart);
  return Math.max(minutes, 1) * 60_000;
}

/** Counts by key, in first-seen order. */
export function countBy<T>(items: Iterable<T>, keyOf: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const key = keyOf(item);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** A callback counts like a stage: done on time → when done; otherwise when its window closed. */
export function callbackOutcome(ticket: ReportTicket): Outcome | null {
  if (ticket.callbackState === 'notRequired' || isCancelled(ticket)) return null;
  return outcomeOf(ticket.callbackDue, ticket.callbackState === 'done' ? ticket.callbackAt : null);
}
