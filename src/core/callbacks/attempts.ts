/**
 * The rules of one callback attempt (SPEC §7). Every submission of the callback form is judged here:
 * bad input is kept but flagged and changes no ticket; otherwise the attempt may complete the callback,
 * make the customer Unreachable, mark the SMS-only callbacks invalid, or reopen the ticket.
 *
 * A ticket's attempts "of this cycle" are those since its current Resolve at: a ticket that is reopened
 * and resolved again gets a fresh window, and earlier attempts no longer count.
 */
import type { MessageKey } from '../../i18n';
import type { CallbackMethod, CallbackState, TicketStatus } from '../enums';
import { checkTransition, type TransitionEffects, type TransitionTicket } from '../tickets';
import type { Satisfaction } from './satisfaction';
import { windowStateAt } from './window-state';

/** What staff answered on the callback form, parsed (null = not answered or not understood). */
export interface CallbackAnswers {
  ticketId: string;
  by: string;
  method: CallbackMethod | null;
  reached: boolean | null;
  satisfaction: Satisfaction | null;
  issueResolved: boolean | null;
  comments: string;
}

/** An attempt already in the Callbacks sheet. */
export interface RecordedAttempt extends Omit<CallbackAnswers, 'ticketId' | 'satisfaction'> {
  at: Date;
  satisfaction: number | null;
}

export interface CallbackTicket extends TransitionTicket {
  id: string;
  status: TicketStatus | '';
  resolveAt: Date | '';
  callbackOpen: Date | '';
  callbackDue: Date | '';
}

/** The numbers of ⚙ General (SPEC §7 defaults 3 attempts, 2 days; seed 004 L266: 3 SMS). */
export interface CallbackRules {
  maxUnreachedAttempts: number;
  minDistinctDays: number;
  smsOnlyLimit: number;
}

export interface AttemptContext {
  now: Date;
  rules: CallbackRules;
  /** Local day number of an instant in the spreadsheet's zone ("different days" are local days). */
  dayOf: (instant: number) => number;
  /** Business time between two instants (a reopen pauses the resolve clock for the time spent Resolved). */
  businessMs: (from: Date, to: Date) => number;
}

export interface Flag {
  key: MessageKey;
  params?: Record<string, string | number>;
}

export interface TicketOutcome {
  callbackState: CallbackState;
  /** Filled by a valid callback only. */
  callbackAt?: Date;
  satisfaction?: Satisfaction;
  /** Present when the callback reopens the ticket (state machine effects of Resolved/Closed → Reopened). */
  reopen?: { from: TicketStatus; effects: TransitionEffects; dissatisfied: boolean; notResolved: boolean };
  /** Satisfaction 1: the CS manager calls the customer back personally (seed 002 L156 §3.7.5.9). */
  askManager: boolean;
}

export interface AttemptVerdict {
  valid: boolean;
  flags: Flag[];
  /** Changes to the ticket; null when the attempt is bad input (nothing on the ticket may change). */
  ticket: TicketOutcome | null;
}

/** Two identical submissions this close together are one callback entered twice (double submit). */
export const DUPLICATE_WINDOW_MS = 10 * 60 * 1000;

function sameContent(a: RecordedAttempt, b: RecordedAttempt): boolean {
  const norm = (text: string) => text.trim().toLowerCase();
  return (
    norm(a.by) === norm(b.by) &&
    a.method === b.method &&
    a.reached === b.reached &&
    a.satisfaction === b.satisfaction &&
    a.issueResolved === b.issueResolved &&
    norm(a.comments) === norm(b.comments)
  );
}

function isDuplicateOf(attempt: RecordedAttempt, earlier: RecordedAttempt): boolean {
  return (
    Math.abs(attempt.at.getTime() - earlier.at.getTime()) <= DUPLICATE_WINDOW_MS &&
    sameContent(attempt, earlier)
  );
}

/** The ticket's attempts since its current resolution, oldest first, without double submissions. */
export function cycleAttempts(attempts: readonly RecordedAttempt[], resolveAt: Date): RecordedAttempt[] {
  const ordered = attempts
    .filter((a) => a.at.getTime() >= resolveAt.getTime())
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  const kept: RecordedAttempt[] = [];
  for (const attempt of ordered) {
    const previous = kept[kept.length - 1];
    if (!previous || !isDuplicateOf(attempt, previous)) kept.push(attempt);
  }
  return kept;
}

/** How many attempts in a row, counted back from the last, were SMS only (seed 004 L266). */
function trailingSmsCount(attempts: readonly RecordedAttempt[]): number {
  let count = 0;
  for (let i = attempts.length - 1; i >= 0 && attempts[i].method === 'sms'; i--) count += 1;
  return count;
}

function rejected(key: MessageKey, params?: Flag['params']): AttemptVerdict {
  return { valid: false, flags: [{ key, params }], ticket: null };
}

/** Input problems: the attempt is stored, flagged, and nothing on the ticket changes. */
function inputProblem(
  ticket: CallbackTicket | null,
  answers: CallbackAnswers,
  attempt: RecordedAttempt,
  cycle: readonly RecordedAttempt[],
): AttemptVerdict | null {
  if (answers.ticketId === '') return rejected('callbacks.flag.noTicketId');
  if (!ticket) return rejected('callbacks.flag.unknownTicket', { id: answers.ticketId });
  if (ticket.status === 'cancelled') return rejected('callbacks.flag.cancelled', { id: ticket.id });
  if ((ticket.status !== 'resolved' && ticket.status !== 'closed') || !(ticket.resolveAt instanceof Date)) {
    return rejected('callbacks.flag.notResolved', { id: ticket.id });
  }
  const previous = cycle[cycle.length - 1];
  if (previous && isDuplicateOf(attempt, previous))
    return rejected('callbacks.flag.duplicate', { id: ticket.id });
  if (ticket.callbackState === 'done') return rejected('callbacks.flag.alreadyDone', { id: ticket.id });
  return null;
}

/** The state of a callback still open after this attempt: invalid while the SMS streak lasts, else by the clock. */
function openState(ticket: CallbackTicket, smsOnly: boolean, now: Date): CallbackState {
  if (smsOnly) return 'invalid';
  return windowStateAt(now, ticket.callbackOpen, ticket.callbackDue);
}

/**
 * Judges one new attempt. `previous` are the ticket's attempts already stored (any cycle); `ticket` is
 * null when no ticket has the typed ID.
 */
export function judgeAttempt(
  ticket: CallbackTicket | null,
  answers: CallbackAnswers,
  previous: readonly RecordedAttempt[],
  context: AttemptContext,
): AttemptVerdict {
  const { now, rules } = context;
  const attempt: RecordedAttempt = { ...answers, at: now };
  const cycle = ticket && ticket.resolveAt instanceof Date ? cycleAttempts(previous, ticket.resolveAt) : [];
  const problem = inputProblem(ticket, answers, attempt, cycle);
  if (problem || !ticket)
    return problem ?? rejected('callbacks.flag.unknownTicket', { id: answers.ticketId });

  const attempts = [...cycle, attempt];
  const smsOnly = trailingSmsCount(attempts) >= rules.smsOnlyLimit;
  const smsFlag: Flag = { key: 'callbacks.flag.smsOnly', params: { count: rules.smsOnlyLimit } };

  if (answers.reached === true && answers.satisfaction !== null) {
    if (smsOnly)
      return { valid: false, flags: [smsFlag], ticket: { callbackState: 'invalid', askManager: false } };
    return validCallback(ticket, answers.satisfaction, answers.issueResolved, context);
  }
  if (answers.reached === true) {
    const flags: Flag[] = [{ key: 'callbacks.flag.noSatisfaction' }];
    if (smsOnly) flags.push(smsFlag);
    return {
      valid: false,
      flags,
      ticket: { callbackState: openState(ticket, smsOnly, now), askManager: false },
    };
  }
  if (smsOnly)
    return { valid: false, flags: [smsFlag], ticket: { callbackState: 'invalid', askManager: false } };

  const unreached = attempts.filter((a) => a.reached !== true);
  const days = new Set(unreached.map((a) => context.dayOf(a.at.getTime()))).size;
  const progress = {
    attempts: unreached.length,
    max: rules.maxUnreachedAttempts,
    days,
    minDays: rules.minDistinctDays,
  };
  if (unreached.length >= rules.maxUnreachedAttempts && days >= rules.minDistinctDays) {
    return {
      valid: false,
      flags: [{ key: 'callbacks.flag.unreachable', params: progress }],
      ticket: { callbackState: 'unreachable', askManager: false },
    };
  }
  return {
    valid: false,
    flags: [{ key: 'callbacks.flag.notReached', params: progress }],
    ticket: { callbackState: openState(ticket, false, now), askManager: false },
  };
}

/**
 * A valid callback (reached, satisfaction recorded) completes the callback. Satisfaction ≤ 2 or "issue
 * not resolved" reopens the ticket through the state machine (SPEC §4, §7; seed 003 L105–108: record
 * and hand back to the staff who handle it); satisfaction 1 also asks the CS manager to call personally.
 */
function validCallback(
  ticket: CallbackTicket,
  satisfaction: Satisfaction,
  issueResolved: boolean | null,
  context: AttemptContext,
): AttemptVerdict {
  const { now } = context;
  const flags: Flag[] = [];
  const outcome: TicketOutcome = {
    callbackState: 'done',
    callbackAt: now,
    satisfaction,
    askManager: satisfaction === 1,
  };
  const dissatisfied = satisfaction <= 2;
  const notResolved = issueResolved === false;
  if ((dissatisfied || notResolved) && (ticket.status === 'resolved' || ticket.status === 'closed')) {
    const move = checkTransition(ticket.status, 'reopened', ticket, { now, businessMs: context.businessMs });
    if (move.allowed) {
      outcome.reopen = { from: ticket.status, effects: move.effects, dissatisfied, notResolved };
      flags.push({
        key: dissatisfied ? 'callbacks.flag.reopenedDissatisfied' : 'callbacks.flag.reopenedNotResolved',
        params: { id: ticket.id },
      });
    }
  }
  if (outcome.askManager) flags.push({ key: 'callbacks.flag.managerCallback' });
  return { valid: true, flags, ticket: outcome };
}
