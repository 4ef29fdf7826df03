/**
 * The ticket state machine (SPEC §4). A manual status edit in the sheet and every job go through
 * `checkTransition`, which either refuses with a reason (i18n key) or says what else changes.
 *
 * Allowed moves — decided as a desk works: the first receiver may handle a ticket herself, so New may go
 * straight to In progress (or be resolved on the spot, e.g. an inquiry answered on the call, seed 000
 * L583); a department may hand a ticket back to Transferred for re-dispatch.
 *
 * | from \ to          | Transferred | In progress | Waiting | Resolved | Closed | Reopened | Cancelled |
 * |--------------------|-------------|-------------|---------|----------|--------|----------|-----------|
 * | New                | ✓           | ✓           |         | ✓        |        |          | ✓         |
 * | Transferred        | ✓ (re-route)| ✓           |         | ✓        |        |          | ✓         |
 * | In progress        | ✓           |             | ✓       | ✓        |        |          | ✓         |
 * | Waiting on customer| ✓           | ✓           |         | ✓        |        |          | ✓         |
 * | Resolved           |             |             |         |          | ✓ (1)  | ✓        |           |
 * | Closed             |             |             |         |          |        | ✓        |           |
 * | Reopened           | ✓           | ✓           | ✓       | ✓        |        |          | ✓         |
 * | Cancelled          | (final)     |             |         |          |        |          |           |
 * In progress needs an assignee (a department may receive a transfer before anyone is named).
 * (1) only when the callback is done, unreachable or not required. Resolved needs a Resolution text;
 * Cancelled needs a reason. Leaving Waiting on customer stops the pause (the resolve clock moves on).
 * Reopening adds the business time the ticket spent Resolved to the pause: that time was not the desk's,
 * so the rework resumes the resolve clock where it stopped instead of being late (and escalated) at once.
 */

import type { MessageKey } from '../../i18n';
import type { CallbackState, TicketStatus } from '../enums';

const MOVES: Record<TicketStatus, readonly TicketStatus[]> = {
  new: ['transferred', 'inProgress', 'resolved', 'cancelled'],
  transferred: ['transferred', 'inProgress', 'resolved', 'cancelled'],
  inProgress: ['transferred', 'waitingOnCustomer', 'resolved', 'cancelled'],
  waitingOnCustomer: ['transferred', 'inProgress', 'resolved', 'cancelled'],
  resolved: ['closed', 'reopened'],
  closed: ['reopened'],
  reopened: ['transferred', 'inProgress', 'waitingOnCustomer', 'resolved', 'cancelled'],
  cancelled: [],
};

/** The statuses a ticket may move to from `from` (what the ticket panel offers). */
export function allowedMoves(from: TicketStatus): readonly TicketStatus[] {
  return MOVES[from];
}

export const OPEN_STATUSES: readonly TicketStatus[] = [
  'new',
  'transferred',
  'inProgress',
  'waitingOnCustomer',
  'reopened',
];

/** What the transition needs to know about the ticket. */
export interface TransitionTicket {
  resolution: string;
  assignee: string;
  callbackState: CallbackState | '';
  /** When the current Waiting on customer period began ('' if not waiting). */
  waitingSince: Date | '';
  /** When the ticket was last resolved ('' if never). */
  resolveAt: Date | '';
  pausedMs: number;
  reopenCount: number;
}

export interface TransitionContext {
  now: Date;
  /** Reason typed by the person cancelling. */
  cancelReason?: string;
  /** Business milliseconds between two instants (the calendar of core/calendar); wall-clock if absent. */
  businessMs?: (from: Date, to: Date) => number;
}

/** Fields to write when the move is allowed. Only the fields that change are present. */
export interface TransitionEffects {
  transferAt?: Date;
  resolveAt?: Date;
  waitingSince?: Date | '';
  pausedMs?: number;
  reopenCount?: number;
  /** The callback window opens from resolveAt (core/callbacks computes open/due from the SLA row). */
  openCallbackWindow?: true;
  reviewNote?: string;
}

export type TransitionResult =
  | { allowed: true; effects: TransitionEffects }
  | { allowed: false; reason: MessageKey; params?: Record<string, string> };

const CALLBACK_FINISHED: readonly (CallbackState | '')[] = ['done', 'unreachable', 'notRequired'];

export function checkTransition(
  from: TicketStatus,
  to: TicketStatus,
  ticket: TransitionTicket,
  context: TransitionContext,
): TransitionResult {
  if (!MOVES[from].includes(to))
    return { allowed: false, reason: 'tickets.transition.notAllowed', params: { from, to } };
  if (to === 'resolved' && ticket.resolution.trim() === '')
    return { allowed: false, reason: 'tickets.transition.needsResolution' };
  if (to === 'cancelled' && (context.cancelReason ?? '').trim() === '')
    return { allowed: false, reason: 'tickets.transition.needsCancelReason' };
  if (to === 'inProgress' && ticket.assignee.trim() === '')
    return { allowed: false, reason: 'tickets.transition.needsAssignee' };
  if (to === 'closed' && !CALLBACK_FINISHED.includes(ticket.callbackState)) {
    return {
      allowed: false,
      reason: 'tickets.transition.callbackPending',
      params: { state: ticket.callbackState || 'waiting' },
    };
  }

  const effects: TransitionEffects = {};
  const { now } = context;
  if (from === 'waitingOnCustomer' && ticket.waitingSince instanceof Date) {
    effects.pausedMs = ticket.pausedMs + pausedBetween(ticket.waitingSince, now, context);
    effects.waitingSince = '';
  }
  if (to === 'waitingOnCustomer') effects.waitingSince = now;
  if (to === 'transferred') effects.transferAt = now;
  if (to === 'resolved') {
    effects.resolveAt = now;
    effects.openCallbackWindow = true;
  }
  if (to === 'reopened') {
    effects.reopenCount = ticket.reopenCount + 1;
    if (ticket.resolveAt instanceof Date)
      effects.pausedMs = ticket.pausedMs + pausedBetween(ticket.resolveAt, now, context);
  }
  if (to === 'cancelled') effects.reviewNote = (context.cancelReason ?? '').trim();
  return { allowed: true, effects };
}

function pausedBetween(from: Date, to: Date, context: TransitionContext): number {
  const paused = context.businessMs ? context.businessMs(from, to) : to.getTime() - from.getTime();
  return Math.max(0, paused);
}
