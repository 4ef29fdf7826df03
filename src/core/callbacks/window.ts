/**
 * How time moves a ticket's callback state (SPEC §7): waiting (window not open) → due → overdue, from
 * the ticket's Callback open / Callback due at `now`. The states people or the callback log set — done,
 * unreachable, invalid, not required — are theirs and stay as they are; so does an empty state (the
 * ticket never entered the queue).
 */
import type { CallbackState } from '../enums';
import { windowStateAt } from './window-state';

const MOVED_BY_TIME: ReadonlySet<CallbackState | ''> = new Set<CallbackState | ''>([
  'waiting',
  'due',
  'overdue',
]);

export interface CallbackWindow {
  state: CallbackState | '';
  open: Date | '';
  due: Date | '';
}

/** The state at `now`; the same state when time does not move it (or the window has no dates). */
export function callbackStateAt(ticket: CallbackWindow, now: Date): CallbackState | '' {
  if (!MOVED_BY_TIME.has(ticket.state)) return ticket.state;
  if (ticket.open === '' && ticket.due === '') return ticket.state;
  return windowStateAt(now, ticket.open, ticket.due);
}

/** Whether the ticket is in the callback queue with its window open (what the daily digest lists). */
export function isCallbackDue(state: CallbackState | ''): boolean {
  return state === 'due' || state === 'overdue';
}
