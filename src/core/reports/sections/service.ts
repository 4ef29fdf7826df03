/**
 * Service figures beside the KPIs (issue 14; seed 003 L223 average response and resolution time;
 * seed 002 every severely dissatisfied customer is called back by the CS manager in person;
 * 是否属实 substantiated complaints). One row per figure, each with what it counted.
 *
 * - Average response time: business hours from Received to Ack at, over tickets acknowledged in the period.
 * - Average resolution time: business hours from Received to the first resolution, less the time spent
 *   waiting on the customer, over tickets first resolved in the period.
 * - Dissatisfied customers: tickets with a score of 1–2 in the period's callbacks (the Callbacks log).
 * - Very dissatisfied (1) and called back by a manager: a later attempt on the ticket by a CS manager or the GM.
 * - Substantiated complaints: Substantiated = Yes among complaints first resolved in the period with Yes or No.
 */
import { businessTimeBetween } from '../../calendar';
import { inWindow, isCancelled, type ReportContext, ratio, scoredCallbacks } from '../input';
import { label, type ReportCell, type ReportSection } from '../model';

const HOUR_MS = 3_600_000;

function average(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

export function serviceFigures(context: ReportContext): ReportSection {
  const { calendar, current } = context;
  const responses: number[] = [];
  const resolutions: number[] = [];
  let substantiated = 0;
  let judged = 0;
  for (const ticket of context.tickets) {
    if (isCancelled(ticket) || ticket.receivedAt === null) continue;
    if (inWindow(ticket.ackAt, current))
      responses.push(businessTimeBetween(calendar, ticket.receivedAt, ticket.ackAt) / HOUR_MS);
    const resolvedAt = ticket.firstResolvedAt ?? ticket.resolveAt;
    if (inWindow(resolvedAt, current)) {
      const worked = businessTimeBetween(calendar, ticket.receivedAt, resolvedAt) - ticket.pausedMs;
      resolutions.push(Math.max(0, worked) / HOUR_MS);
      if (ticket.type === 'complaint' && (ticket.substantiated === 'yes' || ticket.substantiated === 'no')) {
        judged += 1;
        if (ticket.substantiated === 'yes') substantiated += 1;
      }
    }
  }
  const scored = scoredCallbacks(context.callbacks, current);
  const dissatisfied = new Set(scored.filter((c) => c.satisfaction <= 2).map((c) => c.ticketId));
  const managers = new Set(context.managers);
  const veryDissatisfied = scored.filter((c) => c.satisfaction === 1);
  const veryIds = new Set(veryDissatisfied.map((c) => c.ticketId));
  const calledBack = [...veryIds].filter((id) => {
    const first = Math.min(...veryDissatisfied.filter((c) => c.ticketId === id).map((c) => c.at));
    return context.callbacks.some((c) => c.ticketId === id && c.at > first && managers.has(c.by));
  });
  const rows: ReportCell[][] = [
    [
      label('reports.figure.responseTime'),
      average(responses),
      label('reports.figure.counted', { count: responses.length }),
    ],
    [
      label('reports.figure.resolutionTime'),
      average(resolutions),
      label('reports.figure.counted', { count: resolutions.length }),
    ],
    [
      label('reports.figure.dissatisfied'),
      dissatisfied.size,
      label('reports.figure.ofScored', { count: scored.length }),
    ],
    [
      label('reports.figure.managerCallbacks'),
      calledBack.length,
      label('reports.kpi.basis', { part: calledBack.length, whole: veryIds.size }),
    ],
    [
      label('reports.figure.substantiated'),
      ratio(substantiated, judged),
      label('reports.kpi.basis', { part: substantiated, whole: judged }),
    ],
  ];
  return {
    id: 'service',
    title: 'reports.section.service',
    columns: [
      { header: 'reports.col.kpi', format: 'text' },
      { header: 'reports.col.value', format: 'mixed' },
      { header: 'reports.col.basis', format: 'text' },
    ],
    // Rows 0–1 are hours, 2–3 counts, 4 a share: the value column's format per row.
    rowFormats: ['hours', 'hours', 'count', 'count', 'percent'],
    rows,
    mailRows: rows.length,
  };
}
