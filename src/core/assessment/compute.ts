/**
 * The monthly staff assessment (月度考核, SPEC §8.3), computed from events only: the first resolution
 * and its deadline, callback windows, the Callbacks log, Audits and the Merits ledger — never a row's
 * latest state — so a month computed again gives the same figures, and every point has a detail line
 * naming the IDs behind it (a person can check each one).
 *
 * Total = base + Σ points of the rules that apply to the person. Grade by ⚙ General's bands; rank
 * within the department (ties share a rank); last place (below everyone else of a department of two or
 * more); last place two months running → the configured consequence (seed 001 L671–673).
 */
import type { Role } from '../enums';
import type { KeyedMessage, Labels } from '../message';
import { message } from '../message';
import {
  callbackOutcome,
  inWindow,
  isCancelled,
  isSatisfied,
  type ReportTicket,
  stageOutcome,
} from '../reports/input';
import { roundPercent } from '../scoring';
import { gradeFor } from '../settings/general';
import { type AssessmentMetric, type AssessmentRule, ruleApplies } from './rules';

export interface AssessTicket extends ReportTicket {
  receivedBy: string;
  /**
   * Who should make the callback, so whose the miss is when it is not done in its window: the first
   * receiver or the assignee (core/callbacks/owner.ts, by ⚙ General).
   */
  callbackOwner: string;
}

export interface AssessCallback {
  ticketId: string;
  attemptNo: number;
  at: number;
  /** 1–5 on a valid scored attempt, null otherwise. */
  satisfaction: number | null;
}

export interface AssessAudit {
  id: string;
  at: number;
  staff: string;
  finalPercent: number | null;
  calibration: boolean;
}

export interface AssessMerit {
  entryId: string;
  month: string;
  staff: string;
  points: number;
  /** A reversal keeps the sign of the entry it reverses, so it lowers that side's sum. */
  sign: 'merit' | 'demerit' | '';
  /** Entries waiting for review do not count. */
  counts: boolean;
}

export interface AssessPerson {
  name: string;
  department: string;
  role: Role;
}

export interface AssessmentInput {
  month: { label: string; start: number; end: number };
  people: readonly AssessPerson[];
  tickets: readonly AssessTicket[];
  callbacks: readonly AssessCallback[];
  audits: readonly AssessAudit[];
  merits: readonly AssessMerit[];
  rules: readonly AssessmentRule[];
  base: number;
  /** The lowest total (null: none): the points below it are shown on a line of their own. */
  minimumTotal: number | null;
  bands: { gradeA: number; gradeB: number; gradeC: number };
  /** Names (any case) who were last in their department the month before. */
  lastPlaceBefore: ReadonlySet<string>;
  lastPlaceConsequence: string;
  labels: Labels;
}

export interface MetricValue {
  /** A count, or a percentage (satisfaction, QA average); null when there was nothing to count. */
  value: number | null;
  points: number;
  ids: string[];
}

export interface DetailLine {
  /** The base, a rule's points, or what the lowest total adds (the job words the base and floor lines). */
  line: 'base' | 'rule' | 'floor';
  /** The rule's name; null on the base and floor lines. */
  rule: string | null;
  metric: AssessmentMetric | null;
  count: number | null;
  points: number;
  ids: string[];
  note: KeyedMessage;
}

export interface PersonAssessment {
  staff: string;
  department: string;
  base: number;
  metrics: Record<AssessmentMetric, MetricValue>;
  merits: number;
  demerits: number;
  total: number;
  grade: 'A' | 'B' | 'C' | 'D';
  rank: number;
  /** People assessed in the department. */
  ofDepartment: number;
  lastPlace: boolean;
  consecutiveLast: boolean;
  flags: KeyedMessage[];
  details: DetailLine[];
}

export function personKey(name: string): string {
  return name.trim().toLowerCase();
}

interface Facts {
  breached: string[];
  missed: string[];
  registered: string[];
  scored: number;
  satisfied: number;
  dissatisfied: string[];
  audits: Array<{ id: string; percent: number }>;
  merits: Array<{ id: string; points: number; sign: AssessMerit['sign'] }>;
}

function emptyFacts(): Facts {
  return {
    breached: [],
    missed: [],
    registered: [],
    scored: 0,
    satisfied: 0,
    dissatisfied: [],
    audits: [],
    merits: [],
  };
}

/** One pass over each log, collecting per person the events of the month. */
function collectFacts(input: AssessmentInput): Map<string, Facts> {
  const facts = new Map<string, Facts>();
  for (const person of input.people) facts.set(personKey(person.name), emptyFacts());
  const window = { from: input.month.start, to: input.month.end };
  const assigneeOf = new Map<string, string>();
  for (const ticket of input.tickets) {
    const received = facts.get(personKey(ticket.receivedBy));
    if (received && inWindow(ticket.receivedAt, window)) received.registered.push(ticket.id);
    const owner = personKey(ticket.assignee);
    const own = facts.get(owner);
    if (own) assigneeOf.set(ticket.id, owner);
    if (isCancelled(ticket)) continue;
    // A deadline counts in the month its outcome became known (core/reports/input).
    const resolve = stageOutcome(ticket, 'resolve');
    if (own && resolve && !resolve.onTime && inWindow(resolve.at, window)) own.breached.push(ticket.id);
    // The miss is the caller's, not the handler's (core/callbacks/owner.ts).
    const caller = facts.get(personKey(ticket.callbackOwner));
    const callback = callbackOutcome(ticket);
    if (caller && callback && !callback.onTime && inWindow(callback.at, window))
      caller.missed.push(ticket.id);
  }
  for (const callback of input.callbacks) {
    if (callback.satisfaction === null || !inWindow(callback.at, window)) continue;
    const owner = assigneeOf.get(callback.ticketId);
    const own = owner === undefined ? undefined : facts.get(owner);
    if (!own) continue;
    own.scored += 1;
    if (isSatisfied(callback.satisfaction)) own.satisfied += 1;
    else own.dissatisfied.push(`${callback.ticketId} #${callback.attemptNo}`);
  }
  for (const audit of input.audits) {
    if (audit.calibration || audit.finalPercent === null || !inWindow(audit.at, window)) continue;
    facts.get(personKey(audit.staff))?.audits.push({ id: audit.id, percent: audit.finalPercent });
  }
  for (const entry of input.merits) {
    if (!entry.counts || entry.month !== input.month.label) continue;
    facts
      .get(personKey(entry.staff))
      ?.merits.push({ id: entry.entryId, points: entry.points, sign: entry.sign });
  }
  return facts;
}

function metricsOf(facts: Facts): Record<AssessmentMetric, MetricValue> {
  const qa =
    facts.audits.length === 0
      ? null
      : roundPercent(facts.audits.reduce((sum, audit) => sum + audit.percent, 0) / facts.audits.length, 1);
  return {
    resolveBreached: { value: facts.breached.length, points: 0, ids: facts.breached },
    callbackMissed: { value: facts.missed.length, points: 0, ids: facts.missed },
    satisfaction: {
      value: facts.scored === 0 ? null : roundPercent((facts.satisfied / facts.scored) * 100, 1),
      points: 0,
      ids: facts.dissatisfied,
    },
    registrations: { value: facts.registered.length, points: 0, ids: facts.registered },
    qaAverage: { value: qa, points: 0, ids: facts.audits.map((audit) => audit.id) },
    merits: {
      value: facts.merits.reduce((sum, entry) => sum + entry.points, 0),
      points: 0,
      ids: facts.merits.map((entry) => entry.id),
    },
  };
}

/** Merits and demerits of the month, each side net of its reversals (demerits as a positive number). */
function meritSums(entries: Facts['merits']): { merits: number; demerits: number } {
  let merits = 0;
  let demerits = 0;
  for (const entry of entries) {
    if (entry.sign === 'demerit' || (entry.sign === '' && entry.points < 0)) demerits -= entry.points;
    else merits += entry.points;
  }
  return { merits: roundPercent(merits, 1), demerits: roundPercent(demerits, 1) };
}

function shown(value: number): string {
  return String(roundPercent(value, 1));
}

/** The points of one rule for one person, with the line that explains them. */
export function applyRule(
  rule: AssessmentRule,
  metric: MetricValue,
  facts: Pick<Facts, 'merits'>,
): DetailLine {
  const line = (points: number, note: KeyedMessage): DetailLine => ({
    line: 'rule',
    rule: rule.rule,
    metric: rule.metric,
    count: metric.value,
    // −0 (a truncated step below the target) shows as 0.
    points: roundPercent(points, 1) || 0,
    ids: metric.ids,
    note,
  });
  const value = metric.value;
  switch (rule.kind) {
    case 'perOccurrence': {
      const count = value ?? 0;
      return line(
        count * rule.points,
        message('assessment.detail.perOccurrence', { count, points: rule.points }),
      );
    }
    case 'threshold':
    case 'qaAverage': {
      const threshold = rule.threshold ?? 0;
      if (value === null) return line(0, message('assessment.detail.noValue'));
      if (value < threshold)
        return line(
          rule.points,
          message('assessment.detail.threshold', { value: shown(value), threshold, points: rule.points }),
        );
      return line(0, message('assessment.detail.thresholdMet', { value: shown(value), threshold }));
    }
    case 'targetSteps': {
      const count = value ?? 0;
      if (rule.upper !== null && count > rule.upper)
        return line(
          rule.upperPoints ?? 0,
          message('assessment.detail.targetUpper', {
            count,
            upper: rule.upper,
            points: rule.upperPoints ?? 0,
          }),
        );
      if (rule.lower !== null && count < rule.lower)
        return line(
          rule.lowerPoints ?? 0,
          message('assessment.detail.targetLower', {
            count,
            lower: rule.lower,
            points: rule.lowerPoints ?? 0,
          }),
        );
      const step = rule.step ?? 1;
      const steps = Math.trunc((count - (rule.target ?? 0)) / step);
      return line(
        steps * rule.points,
        message('assessment.detail.targetSteps', {
          count,
          target: rule.target ?? 0,
          steps,
          step,
          points: rule.points,
        }),
      );
    }
    case 'merits': {
      let merits = 0;
      let demerits = 0;
      for (const entry of facts.merits) {
        if (entry.points > 0) merits += entry.points;
        else demerits -= entry.points;
      }
      return line(
        (merits - demerits) * rule.points,
        message('assessment.detail.merits', { merits, demerits }),
      );
    }
  }
}

/** Competition ranking by total, highest first: 1, 2, 2, 4. */
function rankWithin(totals: readonly number[], total: number): number {
  return 1 + totals.filter((other) => other > total).length;
}

export function assessMonth(input: AssessmentInput): PersonAssessment[] {
  const facts = collectFacts(input);
  const rules = input.rules.filter((rule) => rule.active);
  const people = input.people.map((person) => {
    const own = facts.get(personKey(person.name)) ?? emptyFacts();
    const metrics = metricsOf(own);
    const details: DetailLine[] = [
      {
        line: 'base',
        rule: null,
        metric: null,
        count: null,
        points: input.base,
        ids: [],
        note: message('assessment.detail.base'),
      },
    ];
    const flags: KeyedMessage[] = [];
    for (const rule of rules) {
      if (!ruleApplies(rule, person, input.labels)) continue;
      const detail = applyRule(rule, metrics[rule.metric], own);
      details.push(detail);
      metrics[rule.metric].points = roundPercent(metrics[rule.metric].points + detail.points, 1);
      if (rule.kind === 'qaAverage' && detail.points !== 0)
        flags.push(message('assessment.flag.qaWarning', { threshold: rule.threshold ?? 0 }));
    }
    const sum = roundPercent(
      details.reduce((total, detail) => total + detail.points, 0),
      1,
    );
    // Deductions stop at the lowest total; the line that lifts the sum to it keeps Σ details = total.
    const minimum = input.minimumTotal;
    const total = minimum !== null && sum < minimum ? minimum : sum;
    if (total !== sum && minimum !== null) {
      details.push({
        line: 'floor',
        rule: null,
        metric: null,
        count: null,
        points: roundPercent(minimum - sum, 1),
        ids: [],
        note: message('assessment.detail.floorNote', { total: sum, minimum }),
      });
      flags.push(message('assessment.flag.floor', { total: sum, minimum }));
    }
    const { merits, demerits } = meritSums(own.merits);
    return { person, metrics, details, flags, total, merits, demerits };
  });
  const totalsByDepartment = new Map<string, number[]>();
  for (const { person, total } of people) {
    const key = personKey(person.department);
    totalsByDepartment.set(key, [...(totalsByDepartment.get(key) ?? []), total]);
  }
  return people.map(({ person, metrics, details, flags, total, merits, demerits }) => {
    const totals = totalsByDepartment.get(personKey(person.department)) ?? [total];
    const rank = rankWithin(totals, total);
    // Last: below everyone else of a department of two or more (a tie for everyone is no last place).
    const lastPlace = totals.length >= 2 && total === Math.min(...totals) && total < Math.max(...totals);
    const consecutiveLast = lastPlace && input.lastPlaceBefore.has(personKey(person.name));
    const allFlags = [...flags];
    if (lastPlace) allFlags.push(message('assessment.flag.lastPlace'));
    if (consecutiveLast)
      allFlags.push(message('assessment.flag.consecutiveLast', { consequence: input.lastPlaceConsequence }));
    return {
      staff: person.name,
      department: person.department,
      base: input.base,
      metrics,
      merits,
      demerits,
      total,
      grade: gradeFor(input.bands, total),
      rank,
      ofDepartment: totals.length,
      lastPlace,
      consecutiveLast,
      flags: allFlags,
      details,
    };
  });
}
