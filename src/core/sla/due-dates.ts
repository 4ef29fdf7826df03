/** Due dates of a ticket's SLA stages and callback window (SPEC §5, §7). */
import {
  addBusinessTime,
  addDuration,
  type BusinessCalendar,
  businessTimeBetween,
  type Duration,
  isBusinessUnit,
} from '../calendar';
import type { Severity, TicketStatus, TicketType } from '../enums';
import { SLA_STAGES, type SlaPolicy, type SlaStage, type SlaTarget, slaTargetFor } from './policy';

export interface DueDateInput {
  type: TicketType;
  severity: Severity;
  /** Instants are epoch ms. */
  receivedAt: number;
  resolvedAt?: number;
  /** Working time spent in Waiting on customer; moves the resolve due date (see accumulatePausedTime). */
  pausedMs?: number;
  /** Wall time spent waiting, used instead of pausedMs when the resolve target is in h or d. */
  pausedWallMs?: number;
}

export interface DueDates {
  target: SlaTarget | null;
  /** Due instant per stage; null when the stage has no target. */
  stages: Record<SlaStage, number | null>;
  /** Callback window, from Resolved; null until resolved or when the row has no window. */
  callbackOpensAt: number | null;
  callbackDueAt: number | null;
}

export function computeDueDates(policy: SlaPolicy, cal: BusinessCalendar, input: DueDateInput): DueDates {
  const target = slaTargetFor(policy, input.type, input.severity);
  const stages: Record<SlaStage, number | null> = {
    ack: null,
    transfer: null,
    feedback: null,
    resolve: null,
  };
  if (!target) return { target, stages, callbackOpensAt: null, callbackDueAt: null };
  for (const stage of SLA_STAGES) {
    const duration = target.stages[stage];
    if (duration) stages[stage] = addDuration(cal, input.receivedAt, duration);
  }
  const resolveTarget = target.stages.resolve;
  if (resolveTarget && stages.resolve !== null) {
    stages.resolve = shiftByPause(cal, stages.resolve, resolveTarget, input);
  }
  const window = (duration: Duration | null) =>
    duration && input.resolvedAt !== undefined ? addDuration(cal, input.resolvedAt, duration) : null;
  return {
    target,
    stages,
    callbackOpensAt: window(target.callbackOpen),
    callbackDueAt: window(target.callbackDue),
  };
}

/** A paused ticket's clock stops: business targets move by the paused working time, wall targets by wall time. */
function shiftByPause(cal: BusinessCalendar, due: number, target: Duration, input: DueDateInput): number {
  const pausedMs = input.pausedMs ?? 0;
  if (isBusinessUnit(target)) return addBusinessTime(cal, due, pausedMs);
  return due + (input.pausedWallMs ?? pausedMs);
}

export interface StatusChange {
  at: number;
  status: TicketStatus;
}

export interface PausedTime {
  businessMs: number;
  wallMs: number;
}

/**
 * Time spent in Waiting on customer, from a ticket's status changes (any order); a wait still open is
 * counted up to `now`.
 */
export function accumulatePausedTime(
  cal: BusinessCalendar,
  changes: readonly StatusChange[],
  now: number,
): PausedTime {
  const ordered = [...changes].sort((a, b) => a.at - b.at);
  const paused: PausedTime = { businessMs: 0, wallMs: 0 };
  ordered.forEach((change, index) => {
    if (change.status !== 'waitingOnCustomer') return;
    const end = Math.min(index + 1 < ordered.length ? ordered[index + 1].at : now, now);
    if (end <= change.at) return;
    paused.businessMs += businessTimeBetween(cal, change.at, end);
    paused.wallMs += end - change.at;
  });
  return paused;
}
