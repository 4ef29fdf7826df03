/**
 * The inspection register in the weekly and monthly reports (SPEC §9–§10, issue 17), counted from the
 * Inspections register and the Missed inspections excuses, never from a schedule's running state:
 * - figures: inspections in the period, schedule compliance (done on time / (due − excused)), average
 *   score, failed inspections, open rectification tickets and their average age, fail streaks, repeat
 *   findings, blind spots, excused slots;
 * - compliance per area × template with its band (≥ 90 % compliant, 70–89 % at risk, < 70 % not);
 * - fail streaks and repeat findings of the period; open rectifications with their age;
 * - blind spots (inspections all passed, ≥ N complaints in the linked category);
 * - monthly: the best areas (≥ 95 %, no complaint in the linked category; top 10 %, at most 3 —
 *   after seed 000 L835–837).
 */
import {
  bestAreas,
  blindSpots,
  type ComplaintFact,
  type ComplianceThresholds,
  complianceBand,
  complianceOf,
  type InspectionReportInput,
  type ReportInspection,
  scheduleKey,
  slotKey,
  slotStatuses,
  slotsBetween,
} from '../../inspections';
import { inWindow, isOpenAt, type ReportContext, ratio } from '../input';
import { label, type ReportCell, type ReportSection } from '../model';
import { REPORT_KINDS } from '../period';
import { pendingSection } from './pending';

const DAY_MS = 86_400_000;

interface ScheduleCompliance {
  area: string;
  template: string;
  due: number;
  done: number;
  excused: number;
  missed: number;
  percent: number | null;
}

function compliance(context: ReportContext, input: InspectionReportInput): ScheduleCompliance[] {
  const { current } = context;
  const result: ScheduleCompliance[] = [];
  for (const area of input.areas) {
    for (const template of area.templates) {
      // Schedules start with the first whole slot after setup: the day of setup is not due.
      const slots = slotsBetween(
        context.calendar,
        area.frequency,
        area.sevenDay,
        current.from,
        current.to,
      ).filter((slot) => slot.start >= input.since);
      if (slots.length === 0) continue;
      const key = scheduleKey(area.area, template);
      const times = input.inspections
        .filter((inspection) => scheduleKey(inspection.area, inspection.template) === key)
        .map((inspection) => inspection.at);
      const excused = new Set(
        slots
          .filter((slot) => input.excused.has(slotKey(area.area, template, slot.label)))
          .map((slot) => slot.label),
      );
      const counts = complianceOf(slotStatuses(slots, times, excused, context.asOf), context.asOf);
      if (counts.due === 0) continue;
      result.push({ area: area.area, template, ...counts });
    }
  }
  return result;
}

function average(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

function bandLabel(percent: number | null, thresholds: ComplianceThresholds): ReportCell {
  return percent === null ? null : label(`inspections.band.${complianceBand(percent, thresholds)}`);
}

/** The sections of the inspection register, or the "not set up" line when the register has no areas. */
export function inspectionSections(context: ReportContext): ReportSection[] {
  const input = context.inspections;
  if (!input || input.areas.length === 0) {
    const pending = pendingSection('inspections', REPORT_KINDS)(context);
    return pending ? [pending] : [];
  }
  const { current, asOf } = context;
  const inPeriod = input.inspections.filter((inspection) => inWindow(inspection.at, current));
  const schedules = compliance(context, input);
  const due = schedules.reduce((sum, s) => sum + s.due - s.excused, 0);
  const done = schedules.reduce((sum, s) => sum + s.done, 0);
  const excused = schedules.reduce((sum, s) => sum + s.excused, 0);
  const scores = inPeriod.flatMap((inspection) =>
    inspection.scorePercent === null ? [] : [inspection.scorePercent],
  );
  const fails = inPeriod.filter((inspection) => !inspection.passed);
  const streaks = inPeriod.filter((inspection) => inspection.failStreak >= 1);
  const repeats = inPeriod.filter((inspection) => inspection.repeatFindings !== '');

  const areaOfTicket = new Map<string, ReportInspection>();
  for (const inspection of input.inspections)
    for (const id of inspection.rectificationTickets)
      if (!areaOfTicket.has(id)) areaOfTicket.set(id, inspection);
  const open = [...areaOfTicket.keys()]
    .map((id) => context.ticketsById.get(id))
    .filter((ticket) => ticket !== undefined && isOpenAt(ticket, asOf))
    .map((ticket) => ({
      ticket: ticket as NonNullable<typeof ticket>,
      age: (asOf - (ticket?.receivedAt ?? asOf)) / DAY_MS,
    }));

  const complaints: ComplaintFact[] = context.tickets
    .filter((ticket) => ticket.type === 'complaint' && inWindow(ticket.receivedAt, current))
    .map((ticket) => ({ id: ticket.id, category: ticket.category }));
  const spots = blindSpots(input.areas, inPeriod, complaints, input.blindSpotComplaints);

  const figures: ReportSection = {
    id: 'inspections',
    title: 'reports.section.inspections',
    columns: [
      { header: 'reports.col.kpi', format: 'text' },
      { header: 'reports.col.value', format: 'mixed' },
      { header: 'reports.col.basis', format: 'text' },
    ],
    rowFormats: ['count', 'percent', 'percent', 'count', 'count', 'days', 'count', 'count', 'count', 'count'],
    rows: [
      [
        label('inspections.report.count'),
        inPeriod.length,
        label('inspections.report.recheckCount', {
          count: inPeriod.filter((i) => i.recheckOf !== '').length,
        }),
      ],
      [
        label('inspections.report.coverage'),
        ratio(done, due),
        label('reports.kpi.basis', { part: done, whole: due }),
      ],
      [
        label('inspections.report.averageScore'),
        average(scores) === null ? null : (average(scores) as number) / 100,
        label('inspections.report.counted', { count: scores.length }),
      ],
      [
        label('inspections.report.fails'),
        fails.length,
        label('reports.kpi.basis', { part: fails.length, whole: inPeriod.length }),
      ],
      [label('inspections.report.openRectifications'), open.length, label('inspections.report.asOf')],
      [
        label('inspections.report.openAge'),
        average(open.map((entry) => entry.age)),
        label('inspections.report.countedTickets', { count: open.length }),
      ],
      [
        label('inspections.report.streaks'),
        streaks.filter((i) => i.failStreak >= 2).length,
        label('inspections.report.streakBasis', { count: streaks.length }),
      ],
      [label('inspections.report.repeats'), repeats.length, ''],
      [label('inspections.report.blindSpots'), spots.length, ''],
      [label('inspections.report.excused'), excused, ''],
    ],
    mailRows: 10,
  };
  const sections: ReportSection[] = [figures];
  sections.push({
    id: 'inspectionCompliance',
    title: 'inspections.report.section.compliance',
    columns: [
      { header: 'inspections.report.col.area', format: 'text' },
      { header: 'inspections.report.col.template', format: 'text' },
      { header: 'inspections.report.col.due', format: 'count' },
      { header: 'inspections.report.col.done', format: 'count' },
      { header: 'inspections.report.col.excused', format: 'count' },
      { header: 'inspections.report.col.missed', format: 'count' },
      { header: 'inspections.report.col.compliance', format: 'percent' },
      { header: 'inspections.report.col.band', format: 'text' },
    ],
    rows: schedules.map((s) => [
      s.area,
      s.template,
      s.due,
      s.done,
      s.excused,
      s.missed,
      s.percent === null ? null : s.percent / 100,
      bandLabel(s.percent, input.compliance),
    ]),
    mailRows: 10,
  });
  sections.push({
    id: 'inspectionStreaks',
    title: 'inspections.report.section.streaks',
    columns: [
      { header: 'inspections.report.col.inspection', format: 'text' },
      { header: 'inspections.report.col.area', format: 'text' },
      { header: 'inspections.report.col.template', format: 'text' },
      { header: 'inspections.report.col.score', format: 'percent' },
      { header: 'inspections.report.col.streak', format: 'count' },
      { header: 'inspections.report.col.consequence', format: 'text' },
      { header: 'inspections.report.col.repeats', format: 'text' },
    ],
    rows: inPeriod
      .filter((inspection) => !inspection.passed || inspection.repeatFindings !== '')
      .map((inspection) => [
        inspection.id,
        inspection.area,
        inspection.template,
        inspection.scorePercent === null ? null : inspection.scorePercent / 100,
        inspection.failStreak,
        inspection.consequence,
        inspection.repeatFindings,
      ]),
    mailRows: 10,
  });
  sections.push({
    id: 'inspectionRectifications',
    title: 'inspections.report.section.rectifications',
    columns: [
      { header: 'inspections.report.col.ticket', format: 'text' },
      { header: 'inspections.report.col.inspection', format: 'text' },
      { header: 'inspections.report.col.area', format: 'text' },
      { header: 'inspections.report.col.dueAt', format: 'dateTime' },
      { header: 'inspections.report.col.age', format: 'days' },
    ],
    rows: open
      .sort((a, b) => b.age - a.age)
      .map(({ ticket, age }) => {
        const inspection = areaOfTicket.get(ticket.id);
        return [
          ticket.id,
          inspection?.id ?? '',
          inspection?.area ?? '',
          ticket.resolveDue === null ? null : new Date(ticket.resolveDue),
          age,
        ];
      }),
    mailRows: 10,
  });
  sections.push({
    id: 'inspectionBlindSpots',
    title: 'inspections.report.section.blindSpots',
    columns: [
      { header: 'inspections.report.col.area', format: 'text' },
      { header: 'inspections.report.col.category', format: 'text' },
      { header: 'inspections.report.col.complaints', format: 'count' },
      { header: 'inspections.report.col.inspections', format: 'count' },
      { header: 'inspections.report.col.ids', format: 'text' },
    ],
    rows: spots.map((spot) => [
      spot.area,
      spot.category,
      spot.complaints.length,
      spot.inspections.length,
      spot.complaints.join(', '),
    ]),
    mailRows: 10,
  });
  if (context.period.kind !== 'weekly') {
    const best = bestAreas(input.areas, inPeriod, complaints, input.bestAreas);
    sections.push({
      id: 'inspectionBestAreas',
      title: 'inspections.report.section.bestAreas',
      columns: [
        { header: 'inspections.report.col.area', format: 'text' },
        { header: 'inspections.report.col.averageScore', format: 'percent' },
        { header: 'inspections.report.col.inspections', format: 'count' },
      ],
      rows: best.map((area) => [area.area, area.averagePercent / 100, area.inspections]),
      mailRows: 3,
    });
  }
  return sections;
}
