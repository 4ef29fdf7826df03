/** Trends (SPEC §10): tickets received and resolved per day, week or month of the period, in the sheet's zone. */
import { weekdayOf } from '../../calendar/civil';
import { inWindow, isCancelled, type ReportContext, stageOutcome } from '../input';
import type { ReportSection } from '../model';
import { isoWeekLabel, periodContaining, periodDays } from '../period';

export function dailyTrend(context: ReportContext): ReportSection | null {
  // A quarter or a year per day is a wall of rows; those reports trend per month (periodTrend).
  if (context.period.kind === 'quarterly' || context.period.kind === 'annual') return null;
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
 * The trend of a longer report: a monthly report per ISO week touching the month (cut to the month), a
 * quarterly or annual report per calendar month — tickets received and resolved and the share of resolve
 * deadlines met in each, so the period shows its direction. Weekly reports have the daily trend only.
 */
export function periodTrend(context: ReportContext): ReportSection | null {
  if (context.period.kind === 'weekly') return null;
  const zone = context.calendar.zone;
  const byWeek = context.period.kind === 'monthly';
  const buckets: Array<{ label: string; received: number; resolved: number; met: number; counted: number }> =
    [];
  const bucketOfDay = new Map<number, number>();
  for (const day of periodDays(zone, context.period)) {
    const label = byWeek
      ? isoWeekLabel(day - ((weekdayOf(day) + 6) % 7))
      : periodContaining('monthly', zone, zone.toInstant(day, 0)).label;
    if (buckets[buckets.length - 1]?.label !== label)
      buckets.push({ label, received: 0, resolved: 0, met: 0, counted: 0 });
    bucketOfDay.set(day, buckets.length - 1);
  }
  const bucketOf = (instant: number) => {
    const index = bucketOfDay.get(zone.toLocal(instant).dayNumber);
    return index === undefined ? undefined : buckets[index];
  };
  for (const ticket of context.tickets) {
    if (inWindow(ticket.receivedAt, context.current)) {
      const bucket = bucketOf(ticket.receivedAt);
      if (bucket) bucket.received += 1;
    }
    if (isCancelled(ticket)) continue;
    if (inWindow(ticket.resolveAt, context.current)) {
      const bucket = bucketOf(ticket.resolveAt);
      if (bucket) bucket.resolved += 1;
    }
    const outcome = stageOutcome(ticket, 'resolve');
    if (outcome && inWindow(outcome.at, context.current)) {
      const bucket = bucketOf(outcome.at);
      if (bucket) {
        bucket.counted += 1;
        if (outcome.onTime) bucket.met += 1;
      }
    }
  }
  return {
    id: byWeek ? 'weeklyTrend' : 'monthlyTrend',
    title: byWeek ? 'reports.section.weeklyTrend' : 'reports.section.monthlyTrend',
    columns: [
      { header: byWeek ? 'reports.col.week' : 'reports.col.month', format: 'text' },
      { header: 'reports.col.received', format: 'count' },
      { header: 'reports.col.resolved', format: 'count' },
      { header: 'reports.col.onTimeRate', format: 'percent' },
    ],
    rows: buckets.map((bucket) => [
      bucket.label,
      bucket.received,
      bucket.resolved,
      bucket.counted === 0 ? null : bucket.met / bucket.counted,
    ]),
    mailRows: buckets.length,
    ...(byWeek
      ? {}
      : { chart: { kind: 'line' as const, title: 'reports.chart.monthlyTrend' as const, series: 2 } }),
  };
}
