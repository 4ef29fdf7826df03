/**
 * Builds the report model (SPEC §10) from ticket rows, the period and the business calendar. Pure:
 * `now` comes in. Sections are produced by the builders listed in REPORT_SECTIONS, in order; a later
 * capability adds its section by adding one builder (its input joins ReportInput).
 */
import { holidayCoverage } from '../calendar';
import { yearOf } from '../calendar/civil';
import {
  callbackOutcome,
  inWindow,
  isOpenAt,
  type ReportContext,
  type ReportInput,
  type ReportTicket,
  STAGE_KEYS,
  stageOutcome,
  windowOf,
} from './input';
import type { ReportModel, ReportNotice, ReportSection } from './model';
import { periodDays } from './period';
import { assessmentSections } from './sections/assessment';
import { auditSection } from './sections/audits';
import { backlogByAge } from './sections/backlog';
import { callbackStatistics, satisfactionDistribution } from './sections/callbacks';
import { carriedOverComplaints } from './sections/carried-over';
import { personsComplainedAbout } from './sections/complained';
import { majorAndRepeatComplaints } from './sections/complaints';
import { departmentTimeliness } from './sections/departments';
import { inspectionSections } from './sections/inspections';
import {
  kpiDetails,
  kpiFigures,
  kpiSection,
  revisionSection,
  revisionTickets,
  sentBuild,
} from './sections/kpis';
import { managerNotes } from './sections/manager-notes';
import { overdueList } from './sections/overdue';
import { serviceFigures } from './sections/service';
import { slaAttainment } from './sections/sla';
import { staffTable } from './sections/staff';
import { dailyTrend, periodTrend } from './sections/trend';
import { volumeByCategory, volumeByChannel, volumeByDepartment, volumeByType } from './sections/volume';

/** A section of the report, or null when it does not belong to this kind of period. */
export type SectionBuilder = (context: ReportContext) => ReportSection | ReportSection[] | null;

export const REPORT_SECTIONS: readonly SectionBuilder[] = [
  revisionSection,
  revisionTickets,
  kpiSection,
  serviceFigures,
  departmentTimeliness,
  volumeByType,
  volumeByChannel,
  volumeByCategory,
  volumeByDepartment,
  dailyTrend,
  periodTrend,
  slaAttainment,
  backlogByAge,
  overdueList,
  majorAndRepeatComplaints,
  carriedOverComplaints,
  personsComplainedAbout,
  callbackStatistics,
  satisfactionDistribution,
  staffTable,
  assessmentSections,
  auditSection(0),
  auditSection(1),
  auditSection(2),
  auditSection(3),
  auditSection(4),
  inspectionSections,
  managerNotes,
  kpiDetails,
];

/** Anything that happened in the window or is still open at the cut-off. */
function touches(ticket: ReportTicket, context: ReportContext): boolean {
  const { current } = context;
  if (
    inWindow(ticket.receivedAt, current) ||
    inWindow(ticket.resolveAt, current) ||
    inWindow(ticket.callbackAt, current) ||
    inWindow(ticket.firstResolvedAt, current)
  )
    return true;
  if (isOpenAt(ticket, context.asOf)) return true;
  if (STAGE_KEYS.some((stage) => inWindow(stageOutcome(ticket, stage)?.at ?? null, current))) return true;
  return inWindow(callbackOutcome(ticket)?.at ?? null, current);
}

/** SPEC §5: every report says when the calendar has no holiday data for the period's years. */
function holidayNotices(context: ReportContext, days: readonly number[]): ReportNotice[] {
  const covered = new Set(holidayCoverage(context.calendar));
  const years = [...new Set([yearOf(days[0]), yearOf(days[days.length - 1])])];
  const missing = years.filter((year) => !covered.has(year));
  return missing.length === 0
    ? []
    : [{ key: 'reports.notice.noHolidayData', params: { years: missing.join(', ') } }];
}

export function buildReport(
  input: ReportInput,
  sections: readonly SectionBuilder[] = REPORT_SECTIONS,
): ReportModel {
  const current = windowOf(input.period, input.now);
  const context: ReportContext = {
    ...input,
    current,
    before: windowOf(input.previous, input.now),
    asOf: current.to,
    ticketsById: new Map(input.tickets.map((ticket) => [ticket.id, ticket])),
  };
  const days = periodDays(input.calendar.zone, input.period);
  const hasData = input.tickets.some((ticket) => touches(ticket, context));
  const notices = holidayNotices(context, days);
  if (!hasData) notices.push({ key: 'reports.notice.noData' });
  const builds = input.builds?.current ?? [];
  const revision = builds.reduce((highest, build) => Math.max(highest, build.revision), 0) + 1;
  const sent = sentBuild(builds);
  if (sent) notices.unshift({ key: 'reports.notice.revision', params: { revision } });
  return {
    revision,
    revises: sent ? new Date(sent.builtAt) : null,
    figures: kpiFigures(context),
    period: input.period,
    previous: input.previous,
    asOf: new Date(context.asOf),
    builtAt: new Date(input.now),
    workingDays: days.filter((day) => input.calendar.day(day).intervals.length > 0).length,
    hasData,
    notices,
    sections: sections.flatMap((build) => build(context) ?? []),
  };
}
