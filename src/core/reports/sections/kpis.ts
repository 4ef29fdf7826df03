/**
 * The KPI block (SPEC §10): the Customer Service Center's quality targets (seed 003 L359–360, 2.1.1–
 * 2.1.5) against ⚙ Targets, each with its status and its change against the previous period:
 * complaint and repair timeliness (first resolution against the deadline it had then), the **repair**
 * callback rate (2.1.3 报修回访率: repairs only), rework, and satisfaction from the Callbacks log by
 * attempt time. Each measure keeps the IDs behind it, so a figure can be explained ticket by ticket.
 */
import type { MessageKey } from '../../../i18n';
import type { ReportTargets } from '../../settings/targets';
import {
  callbackOutcome,
  inWindow,
  isCancelled,
  isSatisfied,
  type ReportContext,
  type ReportTicket,
  ratio,
  type StoredBuild,
  type StoredFigure,
  scoredCallbacks,
  stageOutcome,
  type Window,
} from '../input';
import { label, type ReportCell, type ReportFigure, type ReportSection, type Tone } from '../model';

type KpiId = keyof Pick<
  ReportTargets,
  'complaintTimeliness' | 'repairTimeliness' | 'callbackRate' | 'reworkRate' | 'satisfactionRate'
>;

export interface KpiMeasure {
  part: number;
  whole: number;
  /** Ticket IDs counted against the target (late, not called back, reworked, not satisfied), in order. */
  against: string[];
}

interface KpiDefinition {
  id: KpiId;
  title: MessageKey;
  /** 'min': the value must reach the target; 'max': it must not exceed it (rework). */
  direction: 'min' | 'max';
  /** 'part' counts toward the target for 'min' KPIs and against it for 'max' ones (rework). */
  measure: (context: ReportContext, window: Window) => KpiMeasure;
}

function tally(
  context: ReportContext,
  counts: (ticket: ReportTicket) => boolean | null,
  partIsBad = false,
): KpiMeasure {
  let part = 0;
  let whole = 0;
  const against: string[] = [];
  for (const ticket of context.tickets) {
    const counted = counts(ticket);
    if (counted === null) continue;
    whole += 1;
    if (counted) part += 1;
    if (counted === partIsBad) against.push(ticket.id);
  }
  return { part, whole, against };
}

/** Resolved by the resolve deadline, among tickets of the type whose resolve outcome is known in the window. */
function timeliness(type: 'complaint' | 'repair') {
  return (context: ReportContext, window: Window): KpiMeasure =>
    tally(context, (ticket) => {
      if (ticket.type !== type || isCancelled(ticket)) return null;
      const outcome = stageOutcome(ticket, 'resolve');
      return outcome && inWindow(outcome.at, window) ? outcome.onTime : null;
    });
}

/**
 * Rework (返工、返修, seed 003 L359 2.1.4): tickets resolved in the window whose resolution there was
 * not their first — they had been resolved before, reopened and done again. From History's Resolved
 * events and the First resolved at column, both written once, so a sent figure never changes later.
 * Without History (an older desk), tickets resolved in the window that had been reopened at all.
 */
function rework(context: ReportContext, window: Window): KpiMeasure {
  const { resolutions } = context;
  if (!resolutions)
    return tally(
      context,
      (ticket) =>
        !isCancelled(ticket) && inWindow(ticket.resolveAt, window) ? ticket.reopenCount > 0 : null,
      true,
    );
  const resolvedIn = new Map<string, number[]>();
  for (const { ticketId, at } of resolutions)
    if (inWindow(at, window)) resolvedIn.set(ticketId, [...(resolvedIn.get(ticketId) ?? []), at]);
  return tally(
    context,
    (ticket) => {
      const times = resolvedIn.get(ticket.id);
      if (!times || isCancelled(ticket)) return null;
      const first = ticket.firstResolvedAt;
      return first === null ? ticket.reopenCount > 0 : times.some((at) => at > first);
    },
    true,
  );
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
    // Repairs called back (on time or late) among repairs whose callback outcome is known in the window
    // (seed 003 L359 2.1.3 报修回访率; the callback statistics section counts every type).
    measure: (context, window) =>
      tally(context, (ticket) => {
        if (ticket.type !== 'repair') return null;
        const outcome = callbackOutcome(ticket);
        return outcome && inWindow(outcome.at, window) ? ticket.callbackState === 'done' : null;
      }),
  },
  {
    id: 'reworkRate',
    title: 'reports.kpi.reworkRate',
    direction: 'max',
    measure: rework,
  },
  {
    id: 'satisfactionRate',
    title: 'reports.kpi.satisfactionRate',
    direction: 'min',
    // Satisfied (4–5) among scored attempts of the Callbacks log, by attempt time (SPEC §7): a
    // dissatisfied score stays counted in its period whatever happens to the ticket later.
    measure: (context, window) => {
      const scored = scoredCallbacks(context.callbacks, window);
      const against = scored.filter((callback) => !isSatisfied(callback.satisfaction));
      return {
        part: scored.length - against.length,
        whole: scored.length,
        against: against.map((callback) => callback.ticketId),
      };
    },
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

/**
 * The tickets behind each KPI (明细): what it counted and the IDs counted against the target, complete,
 * so a manager can check a figure ticket by ticket. Sheet only.
 */
export function kpiDetails(context: ReportContext): ReportSection {
  return {
    id: 'kpiDetails',
    title: 'reports.section.kpiDetails',
    columns: [
      { header: 'reports.col.kpi', format: 'text' },
      { header: 'reports.col.basis', format: 'text' },
      { header: 'reports.col.against', format: 'text' },
    ],
    // One row per ticket, so the list is complete, filterable and never cut.
    rows: KPI_DEFINITIONS.flatMap((kpi): ReportCell[][] => {
      const measure = kpi.measure(context, context.current);
      const name = label(kpi.title);
      const counted = label('reports.kpi.basis', { part: measure.part, whole: measure.whole });
      const ids = [...new Set(measure.against)];
      return ids.length === 0 ? [[name, counted, null]] : ids.map((id) => [name, counted, id]);
    }),
  };
}

/** This build's key figures, for the Report log. */
export function kpiFigures(context: ReportContext): ReportFigure[] {
  return KPI_DEFINITIONS.map((kpi) => {
    const measure = kpi.measure(context, context.current);
    return { id: kpi.id, part: measure.part, whole: measure.whole, against: [...new Set(measure.against)] };
  });
}

/** The build that was emailed first: what recipients saw. */
export function sentBuild(builds: readonly StoredBuild[] | undefined): StoredBuild | null {
  const mailed = (builds ?? []).filter((build) => build.mailed);
  return mailed.length === 0 ? null : mailed.reduce((a, b) => (b.revision < a.revision ? b : a));
}

/**
 * The previous period as it was reported: the figures of its sent (else latest) build, so this report's
 * "previous" column matches what managers read last time; recomputed only when it was never built.
 */
function previousFigure(context: ReportContext, kpi: KpiDefinition): StoredFigure {
  const builds = context.builds?.previous ?? [];
  const chosen =
    sentBuild(builds) ??
    builds.reduce<StoredBuild | null>((a, b) => (a && a.revision > b.revision ? a : b), null);
  return chosen?.figures[kpi.id] ?? kpi.measure(context, context.before);
}

export function kpiSection(context: ReportContext): ReportSection {
  const rows: ReportCell[][] = [];
  const tones: Tone[] = [];
  for (const kpi of KPI_DEFINITIONS) {
    const target = context.targets[kpi.id];
    const now = kpi.measure(context, context.current);
    const before = previousFigure(context, kpi);
    const value = ratio(now.part, now.whole);
    const previous = ratio(before.part, before.whole);
    const status = kpiStatus(now, target, kpi.direction);
    rows.push([
      label(kpi.title),
      value,
      label(kpi.direction === 'min' ? 'reports.target.atLeast' : 'reports.target.atMost', { target }),
      label(`reports.status.${status}`),
      previous,
      // The change in percentage points (value and previous are fractions).
      value !== null && previous !== null ? (value - previous) * 100 : null,
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

/**
 * A rebuild of a period that was already emailed is a revision (issue 14): the figures as sent stay in
 * the Report log, and this section shows them beside today's, with the tickets that changed.
 */
export function revisionSection(context: ReportContext): ReportSection | null {
  const sent = sentBuild(context.builds?.current);
  if (!sent) return null;
  const rows: ReportCell[][] = KPI_DEFINITIONS.map((kpi) => {
    const then = sent.figures[kpi.id] ?? { part: 0, whole: 0, against: [] };
    const now = kpi.measure(context, context.current);
    return [
      label(kpi.title),
      ratio(then.part, then.whole),
      ratio(now.part, now.whole),
      label('reports.kpi.basis', { part: then.part, whole: then.whole }),
      label('reports.kpi.basis', { part: now.part, whole: now.whole }),
    ];
  });
  return {
    id: 'revision',
    title: 'reports.section.revision',
    columns: [
      { header: 'reports.col.kpi', format: 'text' },
      { header: 'reports.col.asSent', format: 'percent' },
      { header: 'reports.col.now', format: 'percent' },
      { header: 'reports.col.basisSent', format: 'text' },
      { header: 'reports.col.basisNow', format: 'text' },
    ],
    rows,
    mailRows: rows.length,
  };
}

/** The tickets whose standing changed since the sent version: newly counted against a target, or no longer. */
export function revisionTickets(context: ReportContext): ReportSection | null {
  const sent = sentBuild(context.builds?.current);
  if (!sent) return null;
  const rows: ReportCell[][] = [];
  for (const kpi of KPI_DEFINITIONS) {
    const then = new Set(sent.figures[kpi.id]?.against ?? []);
    const now = new Set(kpi.measure(context, context.current).against);
    for (const id of now)
      if (!then.has(id)) rows.push([label(kpi.title), id, label('reports.revision.added')]);
    for (const id of then)
      if (!now.has(id)) rows.push([label(kpi.title), id, label('reports.revision.removed')]);
  }
  return {
    id: 'revisionTickets',
    title: 'reports.section.revisionTickets',
    columns: [
      { header: 'reports.col.kpi', format: 'text' },
      { header: 'reports.col.id', format: 'text' },
      { header: 'reports.col.revisionChange', format: 'text' },
    ],
    rows,
    mailRows: context.targets.listLimit,
  };
}
