/** Daily trend (SPEC §10): tickets received and resolved on each day of the period, in the sheet's zone. */
import { weekdayOf } from '../../calendar/civil';
import { inWindow, isCancelled, type ReportContext, stageOutcome } from '../input';
import type { ReportSection } from '../model';
import { isoWeekLabel, periodDays } from '../period';

export function dailyTrend(context: ReportContext): ReportSection {
  const zone = context.calendar.zone;
  const days = periodDays(zone, context.period);
  const first = days[0];
  const received = new Array<number>(days.length).fill(0);
  const resolved = new Array<number>(days.length).fill(0);
  for (const ticket of context.tickets) {
    if (inWindow(ticket.receivedAt, context.current))
      received[zone.toLocal(ticket.receivedAt).dayNumber - first] += 1;
    if (!isCancelled(ticket) && inWindow(ticket.resolveAt, context.current)) {
      resolved[zone.toLocal(ticket.resolveAt).dayNumber - first] += 1;
    }
  }
  return {
    id: 'dailyTrend',
    title: 'reports.section.dailyTrend',
    columns: [
      { header: 'reports.col.day', format: 'date' },
      { header: 'reports.col.received', format: 'count' },
      { header: 'reports.col.resolved', format: 'count' },
    ],
    rows: days.map((day, i) => [new Date(zone.toInstant(day, 0)), received[i], resolved[i]]),
    chart: { kind: 'line', title: 'reports.chart.dailyTrend', series: 2 },
  };
}

/**
 * Weekly trend of a monthly report: for each ISO week touching the month (cut to the month), tickets
 * received and resolved and the share of resolve deadlines met, so a month shows its direction.
 */
export function weeklyTrend(context: ReportContext): ReportSection | null {
  if (context.period.kind !== 'monthly') return null;
  const zone = context.calendar.zone;
  const days = periodDays(zone, context.period);
  const weeks: Array<{
    label: string;
    days: Set<number>;
    received: number;
    resolved: number;
    met: number;
    counted: number;
  }> = [];
  for (const day of days) {
    const label = isoWeekLabel(day - ((weekdayOf(day) + 6) % 7));
    let week = weeks[weeks.length - 1];
    if (!week || week.label !== label) {
      week = { label, days: new Set(), received: 0, resolved: 0, met: 0, counted: 0 };
      weeks.push(week);
    }
    week.days.add(day);
  }
  const weekOf = (instant: number) => {
    const day = zone.toLocal(instant).dayNumber;
    return weeks.find((week) => week.days.has(day));
  };
  for (const ticket of context.tickets) {
    if (inWindow(ticket.receivedAt, context.current)) {
      const week = weekOf(ticket.receivedAt);
      if (week) week.received += 1;
    }
    if (isCancelled(ticket)) continue;
    if (inWindow(ticket.resolveAt, context.current)) {
      const week = weekOf(ticket.resolveAt);
      if (week) week.resolved += 1;
    }
    const outcome = stageOutcome(ticket, 'resolve');
    if (outcome && inWindow(outcome.at, context.current)) {
      const week = weekOf(outcome.at);
      if (week) {
        week.counted += 1;
        if (outcome.onTime) week.met += 1;
      }
    }
  }
  return {
    id: 'weeklyTrend',
    title: 'reports.section.weeklyTrend',
    columns: [
      { header: 'reports.col.week', format: 'text' },
      { header: 'reports.col.received', format: 'count' },
      { header: 'reports.col.resolved', format: 'count' },
      { header: 'reports.col.onTimeRate', format: 'percent' },
    ],
    rows: weeks.map((week) => [
      week.label,
      week.received,
      week.resolved,
      week.counted === 0 ? null : week.met / week.counted,
    ]),
    mailRows: weeks.length,
  };
}
