/**
 * Timeliness per department (seed 003 L89: each department's handling is measured and ranked): resolve
 * deadlines met among the tickets whose resolve outcome became known in the period (the KPI rule), the
 * average resolution time, and the rank by on-time share (ties: more tickets first).
 */
import { businessTimeBetween } from '../../calendar';
import { inWindow, isCancelled, type ReportContext, stageOutcome } from '../input';
import { label, type ReportCell, type ReportSection } from '../model';

interface DepartmentTally {
  counted: number;
  onTime: number;
  hours: number[];
}

export function departmentTimeliness(context: ReportContext): ReportSection {
  const byDepartment = new Map<string, DepartmentTally>();
  for (const ticket of context.tickets) {
    if (isCancelled(ticket)) continue;
    const outcome = stageOutcome(ticket, 'resolve');
    if (!outcome || !inWindow(outcome.at, context.current)) continue;
    const tally = byDepartment.get(ticket.department) ?? { counted: 0, onTime: 0, hours: [] };
    tally.counted += 1;
    if (outcome.onTime) tally.onTime += 1;
    const resolvedAt = ticket.firstResolvedAt ?? ticket.resolveAt;
    if (resolvedAt !== null && ticket.receivedAt !== null)
      tally.hours.push(
        Math.max(0, businessTimeBetween(context.calendar, ticket.receivedAt, resolvedAt) - ticket.pausedMs) /
          3_600_000,
      );
    byDepartment.set(ticket.department, tally);
  }
  const ranked = [...byDepartment].sort(
    ([a, x], [b, y]) =>
      y.onTime / y.counted - x.onTime / x.counted || y.counted - x.counted || a.localeCompare(b),
  );
  const rows: ReportCell[][] = ranked.map(([department, tally], i) => [
    i + 1,
    department === '' ? label('reports.value.none') : department,
    tally.counted,
    tally.onTime,
    tally.onTime / tally.counted,
    tally.hours.length === 0 ? null : tally.hours.reduce((a, b) => a + b, 0) / tally.hours.length,
  ]);
  return {
    id: 'departments',
    title: 'reports.section.departments',
    columns: [
      { header: 'reports.col.rank', format: 'count' },
      { header: 'reports.col.department', format: 'text' },
      { header: 'reports.col.decided', format: 'count' },
      { header: 'reports.col.onTime', format: 'count' },
      { header: 'reports.col.onTimeRate', format: 'percent' },
      { header: 'reports.col.resolutionHours', format: 'hours' },
    ],
    rows,
    mailRows: context.targets.listLimit,
  };
}
