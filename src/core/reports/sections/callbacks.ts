/**
 * Callback statistics (SPEC §7, §10): callbacks whose outcome became known in the period (done on time:
 * when done; otherwise when the window closed), how many were done, on time, invalid or unreachable;
 * and the satisfaction scores given in the period (5 很满意 … 1 很不满意; satisfied = 4–5).
 */
import { callbackOutcome, inWindow, type ReportContext, scoredCallbacks } from '../input';
import { label, type ReportSection } from '../model';

export function callbackStatistics(context: ReportContext): ReportSection {
  let due = 0;
  let done = 0;
  let onTime = 0;
  let invalid = 0;
  let unreachable = 0;
  for (const ticket of context.tickets) {
    const outcome = callbackOutcome(ticket);
    if (!outcome || !inWindow(outcome.at, context.current)) continue;
    due += 1;
    if (ticket.callbackState === 'done') done += 1;
    if (outcome.onTime) onTime += 1;
    if (ticket.callbackState === 'invalid') invalid += 1;
    if (ticket.callbackState === 'unreachable') unreachable += 1;
  }
  return {
    id: 'callbacks',
    title: 'reports.section.callbacks',
    columns: [
      { header: 'reports.col.callbacksDue', format: 'count' },
      { header: 'reports.col.done', format: 'count' },
      { header: 'reports.col.onTime', format: 'count' },
      { header: 'reports.col.invalid', format: 'count' },
      { header: 'reports.col.unreachable', format: 'count' },
      { header: 'reports.col.callbackRate', format: 'percent' },
    ],
    rows: [[due, done, onTime, invalid, unreachable, due === 0 ? null : done / due]],
    mailRows: 1,
  };
}

const SCORES = [5, 4, 3, 2, 1] as const;

export function satisfactionDistribution(context: ReportContext): ReportSection {
  // Every scored attempt of the Callbacks log in the period, by attempt time.
  const counts = new Map<number, number>();
  let rated = 0;
  for (const callback of scoredCallbacks(context.callbacks, context.current)) {
    const score = Math.round(callback.satisfaction);
    counts.set(score, (counts.get(score) ?? 0) + 1);
    rated += 1;
  }
  return {
    id: 'satisfaction',
    title: 'reports.section.satisfaction',
    columns: [
      { header: 'reports.col.score', format: 'text' },
      { header: 'reports.col.callbacks', format: 'count' },
      { header: 'reports.col.share', format: 'percent' },
    ],
    rows: SCORES.map((score) => {
      const count = counts.get(score) ?? 0;
      return [label(`reports.score.${score}`), count, rated === 0 ? null : count / rated];
    }),
    mailRows: SCORES.length,
  };
}
