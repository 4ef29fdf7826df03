/**
 * The clock part of an open callback's state at one instant: waiting (window not open), due, overdue.
 * Used when a callback leaves the queue's special states (e.g. a phone call ends an SMS-only streak)
 * and when the window opens at Resolve; the hourly sweep moves the same states forward over time.
 */
import type { CallbackState } from '../enums';

export function windowStateAt(
  now: Date,
  open: Date | '',
  due: Date | '',
): Extract<CallbackState, 'waiting' | 'due' | 'overdue'> {
  if (open instanceof Date && now.getTime() < open.getTime()) return 'waiting';
  if (due instanceof Date && now.getTime() > due.getTime()) return 'overdue';
  return 'due';
}
