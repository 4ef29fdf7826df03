/** Daily trend (SPEC §10): tickets received and resolved on each day of the period, in the sheet's zone. */
import { inWindow, isCancelled, type ReportContext } from '../input';
import type { ReportSection } from '../model';
import { periodDays } from '../period';

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
