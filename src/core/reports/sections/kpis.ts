/**
 * The KPI block (SPEC §10): the Customer Service Center's quality targets (seed 003 L359–360, 2.1.1–
 * 2.1.5) against ⚙ Targets, each with its status and its change against the previous period.
 */
import type { MessageKey } from '../../../i18n';
import type { ReportTargets } from '../../settings/targets';
import {
  callbackOutcome,
  inWindow,
  isCancelled,
  isRated,
  isSatisfied,
  type ReportContext,
  type ReportTicket,
  ratio,
  stageOutcome,
  type Window,
} from '../input';
import { label, type ReportCell, type ReportSection, type Tone } from '../model';

type KpiId = keyof Pick<
  ReportTargets,
  'complaintTimeliness' | 'repairTimeliness' | 'callbackRate' | 'reworkRate' | 'satisfactionRate'
>;

export interface KpiMeasure {
  part: number;
  whole: number;
}

interface KpiDefinition {
  id: KpiId;
  title: MessageKey;
  /** 'min': the value must reach the target; 'max': it must not exceed it (rework). */
  direction: 'min' | 'max';
  measure: (tickets: readonly ReportTicket[], window: Window) => KpiMeasure;
}

function tally(
  tickets: readonly ReportTicket[],
  counts: (ticket: ReportTicket) => boolean | null,
): KpiMeasure {
  let part = 0;
  let whole = 0;
  for (const ticket of tickets) {
    const counted = counts(ticket);
    if (counted === null) continue;
    whole += 1;
    if (counted) part += 1;
  }
  return { part, whole };
}

/** Resolved by the resolve deadline, among tickets of the type whose resolve outcome is known in the window. */
function timeliness(type: 'complaint' | 'repair') {
  return (tickets: readonly ReportTicket[], window: Window): KpiMeasure =>
    tally(tickets, (ticket) => {
      if (ticket.type !== type || isCancelled(ticket)) return null;
      const outcome = stageOutcome(ticket, 'resolve');
      return outcome && inWindow(outcome.at, window) ? outcome.onTime : null;
    });
}

export const KPI_DEFINITIONS: readonly KpiDefinition[] = [
  {
    id: 'complaintTimeliness',
    title: 'reports.kpi.complaintTimeliness',
    direction: 'min',
    measure: timeliness('complaint'),
  },
  {
    id: 'repairTimeliness',
    title: 'reports.kpi.repairTimeliness',
    direction: 'min',
    measure: timeliness('repair'),
  },
  {
    id: 'callbackRate',
    title: 'reports.kpi.callbackRate',
    direction: 'min',
    // Callbacks done (on time or late) among callbacks whose outcome is known in the window.
    measure: (tickets, window) =>
      tally(tickets, (ticket) => {
        const outcome = callbackOutcome(ticket);
        return outcome && inWindow(outcome.at, window) ? ticket.callbackState === 'done' : null;
      }),
  },
  {
    id: 'reworkRate',
    title: 'reports.kpi.reworkRate',
    direction: 'max',
    // Tickets resolved in the window that had been reopened at least once (返工、返修).
    measure: (tickets, window) =>
      tally(tickets, (ticket) =>
        !isCancelled(ticket) && inWindow(ticket.resolveAt, window) ? ticket.reopenCount > 0 : null,
      ),
  },
  {
    id: 'satisfactionRate',
    title: 'reports.kpi.satisfactionRate',
    direction: 'min',
    // Satisfied (4–5) among callbacks with a score, by callback time (SPEC §7).
    measure: (tickets, window) =>
      tally(tickets, (ticket) =>
        isRated(ticket) && inWindow(ticket.callbackAt, window) ? isSatisfied(ticket.satisfaction) : null,
      ),
  },
];

export type KpiStatus = 'met' | 'missed' | 'noData';

/** Compared on counts, so 100 % means every single one and no rounding can pass a miss. */
export function kpiStatus(measure: KpiMeasure, target: number, direction: 'min' | 'max'): KpiStatus {
  if (measure.whole === 0) return 'noData';
  const percent = measure.part * 100;
  const limit = target * measure.whole;
  return (direction === 'min' ? percent >= limit : percent <= limit) ? 'met' : 'missed';
}

const TONE: Record<KpiStatus, Tone> = { met: 'good', missed: 'bad', noData: 'none' };

export function kpiSection(context: ReportContext): ReportSection {
  const rows: ReportCell[][] = [];
  const tones: Tone[] = [];
  for (const kpi of KPI_DEFINITIONS) {
    const target = context.targets[kpi.id];
    const now = kpi.measure(context.tickets, context.current);
    const before = kpi.measure(context.tickets, context.before);
    const value = ratio(now.part, now.whole);
    const previous = ratio(before.part, before.whole);
    const status = kpiStatus(now, target, kpi.direction);
    rows.push([
      label(kpi.title),
      value,
      label(kpi.direction === 'min' ? 'reports.target.atLeast' : 'reports.target.atMost', { target }),
      label(`reports.status.${status}`),
      previous,
      value !== null && previous !== null ? value - previous : null,
      label('reports.kpi.basis', { part: now.part, whole: now.whole }),
    ]);
    tones.push(TONE[status]);
  }
  return {
    id: 'kpis',
    title: 'reports.section.kpis',
    columns: [
      { header: 'reports.col.kpi', format: 'text' },
      { header: 'reports.col.value', format: 'percent' },
      { header: 'reports.col.target', format: 'text' },
      { header: 'reports.col.status', format: 'text' },
      { header: 'reports.col.previous', format: 'percent' },
      { header: 'reports.col.change', format: 'change' },
      { header: 'reports.col.basis', format: 'text' },
    ],
    rows,
    tones,
    mailRows: KPI_DEFINITIONS.length,
  };
}
