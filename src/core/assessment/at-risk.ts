/**
 * Points at risk (SPEC §8.3), for each person's daily digest while a month runs: the month-to-date
 * provisional total (what is known so far, by the assessment's own rules) and what can still change
 * before the month ends — callbacks to make whose window closes this month and own tickets whose resolve
 * deadline falls in it, each worth the per-occurrence points if missed — and a QA average under its line.
 */
import { type KeyedMessage, message } from '../message';
import { inWindow, isCancelled } from '../reports/input';
import { type AssessmentInput, assessMonth, personKey } from './compute';

export interface PointsAtRisk {
  staff: string;
  total: number;
  lines: KeyedMessage[];
}

/** `input.month` is the running month; facts are counted up to `now`. */
export function pointsAtRisk(input: AssessmentInput, now: number): PointsAtRisk[] {
  const soFar = assessMonth({ ...input, month: { ...input.month, end: Math.min(now, input.month.end) } });
  const rest = { from: now, to: input.month.end };
  const perOccurrence = (metric: 'resolveBreached' | 'callbackMissed') =>
    input.rules.find((rule) => rule.active && rule.kind === 'perOccurrence' && rule.metric === metric)
      ?.points ?? 0;
  const resolvePoints = perOccurrence('resolveBreached');
  const callbackPoints = perOccurrence('callbackMissed');
  const open = new Map<string, { resolve: number; callbacks: number }>();
  const countsOf = (name: string) => {
    const key = personKey(name);
    const counts = open.get(key) ?? { resolve: 0, callbacks: 0 };
    open.set(key, counts);
    return counts;
  };
  for (const ticket of input.tickets) {
    if (isCancelled(ticket)) continue;
    const unresolved =
      ticket.firstResolvedAt === null && ticket.status !== 'resolved' && ticket.status !== 'closed';
    if (unresolved && inWindow(ticket.resolveDue, rest)) countsOf(ticket.assignee).resolve += 1;
    // The callback is at risk for whoever should make it, as in the assessment.
    const callbackOpen = ticket.callbackState === 'waiting' || ticket.callbackState === 'due';
    if (callbackOpen && inWindow(ticket.callbackDue, rest)) countsOf(ticket.callbackOwner).callbacks += 1;
  }
  return soFar.map((person) => {
    const lines: KeyedMessage[] = [];
    const counts = open.get(personKey(person.staff)) ?? { resolve: 0, callbacks: 0 };
    if (counts.callbacks > 0 && callbackPoints !== 0)
      lines.push(
        message('assessment.risk.callbacks', {
          count: counts.callbacks,
          points: counts.callbacks * callbackPoints,
        }),
      );
    if (counts.resolve > 0 && resolvePoints !== 0)
      lines.push(
        message('assessment.risk.resolve', { count: counts.resolve, points: counts.resolve * resolvePoints }),
      );
    const qa = person.metrics.qaAverage;
    if (qa.value !== null && qa.points !== 0)
      lines.push(message('assessment.risk.qa', { value: qa.value, points: qa.points }));
    return { staff: person.staff, total: person.total, lines };
  });
}
