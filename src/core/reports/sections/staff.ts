/**
 * Per-staff table (SPEC §10), by assignee: tickets handled (resolved in the period), the share of their
 * resolve deadlines met (same rule as the timeliness KPIs) and their callback satisfaction rate.
 */
import {
  inWindow,
  isCancelled,
  isSatisfied,
  type ReportContext,
  scoredCallbacks,
  stageOutcome,
} from '../input';
import { label, type ReportCell, type ReportSection } from '../model';
import { qaAverages } from './audits';

interface StaffTally {
  handled: number;
  decided: number;
  onTime: number;
  rated: number;
  satisfied: number;
}

export function staffTable(context: ReportContext): ReportSection {
  const byStaff = new Map<string, StaffTally>();
  const tallyOf = (name: string): StaffTally => {
    let tally = byStaff.get(name);
    if (!tally) {
      tally = { handled: 0, decided: 0, onTime: 0, rated: 0, satisfied: 0 };
      byStaff.set(name, tally);
    }
    return tally;
  };
  for (const ticket of context.tickets) {
    if (isCancelled(ticket)) continue;
    const resolvedNow = inWindow(ticket.resolveAt, context.current);
    const outcome = stageOutcome(ticket, 'resolve');
    const decidedNow = outcome !== null && inWindow(outcome.at, context.current);
    if (!resolvedNow && !decidedNow) continue;
    const tally = tallyOf(ticket.assignee);
    if (resolvedNow) tally.handled += 1;
    if (decidedNow) {
      tally.decided += 1;
      if (outcome.onTime) tally.onTime += 1;
    }
  }
  // Satisfaction from the Callbacks log, credited to the ticket's assignee.
  for (const callback of scoredCallbacks(context.callbacks, context.current)) {
    const ticket = context.ticketsById.get(callback.ticketId);
    if (!ticket || isCancelled(ticket)) continue;
    const tally = tallyOf(ticket.assignee);
    tally.rated += 1;
    if (isSatisfied(callback.satisfaction)) tally.satisfied += 1;
  }
  // QA average (SPEC §8.1): mean final % of the person's normal audits in the period.
  const qa = qaAverages(context.audits, context.current);
  const withQa = context.audits !== undefined;
  for (const name of qa.keys()) tallyOf(name);
  const rows: ReportCell[][] = [...byStaff]
    .sort(([a, x], [b, y]) => y.handled - x.handled || a.localeCompare(b))
    .map(([name, tally]) => [
      name === '' ? label('reports.value.unassigned') : name,
      tally.handled,
      tally.decided === 0 ? null : tally.onTime / tally.decided,
      tally.rated === 0 ? null : tally.satisfied / tally.rated,
      tally.rated,
      ...(withQa ? [qa.get(name) ?? null] : []),
    ]);
  return {
    id: 'staff',
    title: 'reports.section.staff',
    columns: [
      { header: 'reports.col.staff', format: 'text' },
      { header: 'reports.col.handled', format: 'count' },
      { header: 'reports.col.onTimeRate', format: 'percent' },
      { header: 'reports.col.satisfactionRate', format: 'percent' },
      { header: 'reports.col.rated', format: 'count' },
      ...(withQa ? [{ header: 'reports.col.qaAverage' as const, format: 'percent' as const }] : []),
    ],
    rows,
    mailRows: context.targets.listLimit,
  };
}
