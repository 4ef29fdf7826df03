/** Stage states, the ticket's SLA state and its escalation level at `now` (SPEC §5). */
import {
  addWorkingDays,
  type BusinessCalendar,
  businessTimeBetween,
  type Duration,
  isBusinessUnit,
} from '../calendar';
import type { Severity, SlaState, TicketType } from '../enums';
import { computeDueDates, type DueDateInput, type DueDates } from './due-dates';
import { REACH_LEVEL, SLA_STAGES, type SlaPolicy, type SlaStage } from './policy';

/**
 * When a stage was done: the time recorded for it, else when the ticket was resolved, for a resolution
 * ends every stage before it (an inquiry answered on the spot meets them all at once). For the resolve
 * stage itself, callers pass the resolution only while the ticket is settled (Resolved or Closed): a
 * reopened ticket's resolve stage is open again, but its earlier stages stay done. The sweep's SLA state
 * and the reports' attainment both count stages by this one rule.
 */
export function stageDoneAt(
  recorded: number | null | undefined,
  settledAt: number | null | undefined,
): number | null {
  return recorded ?? settledAt ?? null;
}

export type StageState = 'pending' | 'atRisk' | 'breached' | 'met' | 'metLate';

export interface StageProgress {
  start: number;
  due: number;
  duration: Duration;
  /** When the stage was done; undefined while open. */
  doneAt?: number;
}

/**
 * Open stage: breached after its due instant; at risk once atRiskPercent of the target is used, counting
 * working time for bh/wd targets and wall time for h/d; else pending. Done stage: met or met late.
 */
export function stageState(cal: BusinessCalendar, progress: StageProgress, now: number): StageState {
  const { start, due, duration, doneAt } = progress;
  if (doneAt !== undefined) return doneAt <= due ? 'met' : 'metLate';
  if (now > due) return 'breached';
  const business = isBusinessUnit(duration);
  const total = business ? businessTimeBetween(cal, start, due) : due - start;
  const used = business ? businessTimeBetween(cal, start, now) : now - start;
  return total > 0 && used * 100 >= total * cal.config.atRiskPercent ? 'atRisk' : 'pending';
}

/** Worst first: an open stage outranks a closed one, so the ticket shows what still needs doing. */
const SEVERITY_OF_STATE: Record<SlaState, number> = {
  none: 0,
  met: 1,
  metLate: 2,
  pending: 3,
  atRisk: 4,
  breached: 5,
};

/** SLA state of a ticket = its worst stage; 'none' when no stage has a target. */
export function ticketSlaState(states: readonly StageState[]): SlaState {
  let worst: SlaState = 'none';
  for (const state of states) if (SEVERITY_OF_STATE[state] > SEVERITY_OF_STATE[worst]) worst = state;
  return worst;
}

export type EscalationLevel = 0 | 1 | 2 | 3;

export interface OpenStage {
  due: number;
  state: StageState;
}

/**
 * SPEC §5 ladder over open stages: 1 at risk → assignee; 2 breached → department head; 3 breached by
 * more than 1 wd (now after due + 1 wd), or any breach of a Major complaint → CS manager and GM.
 */
export function escalationLevel(
  cal: BusinessCalendar,
  stages: readonly OpenStage[],
  ticket: { type: TicketType; severity: Severity },
  now: number,
): EscalationLevel {
  let level: EscalationLevel = 0;
  for (const { due, state } of stages) {
    if (state === 'breached') {
      const majorComplaint = ticket.type === 'complaint' && ticket.severity === 'major';
      // An Urgent ticket (leak, fire, lift) goes to management at its first missed deadline.
      if (majorComplaint || ticket.severity === 'urgent' || now > addWorkingDays(cal, due, 1)) return 3;
      level = 2;
    } else if (state === 'atRisk' && level < 1) level = 1;
  }
  return level;
}

export interface SlaTicket extends DueDateInput {
  /** When each stage was done (resolve defaults to resolvedAt). */
  doneAt?: Partial<Record<SlaStage, number>>;
}

export interface SlaStatus {
  due: DueDates;
  stages: Record<SlaStage, StageState | null>;
  state: SlaState;
  escalation: EscalationLevel;
}

/** Everything the sweep needs for one ticket at `now`; the level is capped by the policy's escalation rule. */
export function evaluateSla(
  policy: SlaPolicy,
  cal: BusinessCalendar,
  ticket: SlaTicket,
  now: number,
): SlaStatus {
  const due = computeDueDates(policy, cal, ticket);
  const stages: Record<SlaStage, StageState | null> = {
    ack: null,
    transfer: null,
    feedback: null,
    resolve: null,
  };
  const open: OpenStage[] = [];
  for (const stage of SLA_STAGES) {
    const duration = due.target?.stages[stage];
    const stageDue = due.stages[stage];
    if (!duration || stageDue === null) continue;
    const doneAt = ticket.doneAt?.[stage] ?? (stage === 'resolve' ? ticket.resolvedAt : undefined);
    const state = stageState(cal, { start: ticket.receivedAt, due: stageDue, duration, doneAt }, now);
    stages[stage] = state;
    if (doneAt === undefined) open.push({ due: stageDue, state });
  }
  const states = SLA_STAGES.map((stage) => stages[stage]).filter(
    (state): state is StageState => state !== null,
  );
  // The ladder stops where ⚙ SLA policy says this type and severity stops (praise never escalates).
  const reach = due.target ? REACH_LEVEL[due.target.escalation.reach] : 3;
  const escalation = Math.min(escalationLevel(cal, open, ticket, now), reach) as EscalationLevel;
  return { due, stages, state: ticketSlaState(states), escalation };
}
