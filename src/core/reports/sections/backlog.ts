/**
 * Open backlog by age (SPEC §10): tickets open at the report's cut-off (the period's end, or now for a
 * period still running), by calendar days since received; bucket bounds from ⚙ Targets.
 */
import { isOpenAt, type ReportContext } from '../input';
import { type Label, label, type ReportSection } from '../model';
import { overdueStage } from './overdue';

const MS_PER_DAY = 86_400_000;

function bucketLabels(bounds: readonly number[]): Label[] {
  return [
    label('reports.bucket.under', { to: bounds[0] }),
    ...bounds.slice(1).map((to, i) => label('reports.bucket.between', { from: bounds[i], to })),
    label('reports.bucket.over', { from: bounds[bounds.length - 1] }),
  ];
}

export function backlogByAge(context: ReportContext): ReportSection {
  const bounds = context.targets.backlogAgeDays;
  const open = new Array<number>(bounds.length + 1).fill(0);
  const overdue = new Array<number>(bounds.length + 1).fill(0);
  for (const ticket of context.tickets) {
    if (ticket.receivedAt === null || !isOpenAt(ticket, context.asOf)) continue;
    const days = (context.asOf - ticket.receivedAt) / MS_PER_DAY;
    let bucket = bounds.findIndex((bound) => days < bound);
    if (bucket < 0) bucket = bounds.length;
    open[bucket] += 1;
    if (overdueStage(ticket, context.asOf)) overdue[bucket] += 1;
  }
  return {
    id: 'backlogByAge',
    title: 'reports.section.backlogByAge',
    columns: [
      { header: 'reports.col.age', format: 'text' },
      { header: 'reports.col.open', format: 'count' },
      { header: 'reports.col.overdue', format: 'count' },
    ],
    rows: bucketLabels(bounds).map((bucket, i) => [bucket, open[i], overdue[i]]),
    mailRows: bounds.length + 1,
  };
}
