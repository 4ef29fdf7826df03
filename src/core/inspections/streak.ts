/**
 * What an inspection carries over from the previous one of the same area × template: the fail streak
 * and its consequence (seed 000 L835: 1st fail a minor fault, 2nd a serious fault, 3rd replacement, fine
 * and order stop — re-inspections count, since the 2nd and 3rd fails of the seed are re-inspections),
 * repeat findings (the same item failed last time too), and the rectifications still open.
 */

import type { ChecklistTemplate } from './checklists';
import type { ItemOutcome } from './grading';

/** An item waiting for a re-inspection to pass it; its ticket closes when one does. */
export interface OpenRectification {
  itemKey: string;
  ticketId: string;
  /** Tickets-sheet row when the ticket was written: a hint, always checked against the ID there. */
  ticketRow: number;
  due: number;
  /** The inspection that found it. */
  inspectionId: string;
}

/** The running state of one schedule (area × template), kept between submissions. */
export interface ScheduleState {
  lastInspectionId: string;
  lastAt: number;
  streak: number;
  /** Item keys that failed in the last inspection. */
  lastFailed: string[];
  open: OpenRectification[];
}

export const EMPTY_STATE: ScheduleState = {
  lastInspectionId: '',
  lastAt: 0,
  streak: 0,
  lastFailed: [],
  open: [],
};

export function nextStreak(previous: number, passed: boolean): number {
  return passed ? 0 : previous + 1;
}

/** The consequence of the n-th consecutive fail (the 3rd applies to every later one too); '' when passed. */
export function consequenceFor(template: ChecklistTemplate, streak: number): string {
  if (streak <= 0) return '';
  return template.consequences[Math.min(streak, 3) - 1];
}

/** The fault-ledger entry a consequence becomes once the merits ledger exists (issue 16). */
export interface FaultHook {
  staff: string;
  streak: number;
  consequence: string;
  inspectionId: string;
}

export interface CarryOver {
  streak: number;
  consequence: string;
  /** Item keys failed now and in the previous inspection of the same schedule. */
  repeats: string[];
  /** Open rectifications this inspection passes: their tickets close. */
  closes: OpenRectification[];
  /** Open rectifications still failing (or not answered): they stay open. */
  stillOpen: OpenRectification[];
  /** Failed items that have no open rectification yet: each gets a new ticket. */
  newFailures: ItemOutcome[];
  /** The inspection this one re-inspects (the one whose items are open), '' if none. */
  recheckOf: string;
}

/** What this inspection inherits and changes, given the schedule's state before it. */
export function carryOver(
  template: ChecklistTemplate,
  state: ScheduleState,
  items: readonly ItemOutcome[],
  passed: boolean,
): CarryOver {
  const streak = nextStreak(state.streak, passed);
  const failedKeys = new Set(items.filter((item) => item.failed).map((item) => item.item.key));
  const lastFailed = new Set(state.lastFailed);
  const byKey = new Map(items.map((item) => [item.item.key, item]));
  const closes: OpenRectification[] = [];
  const stillOpen: OpenRectification[] = [];
  for (const open of state.open) {
    const outcome = byKey.get(open.itemKey);
    // Passed (or N/A: nothing left to put right) closes it; an item dropped from the template is kept open.
    const resolved = outcome !== undefined && !outcome.failed && outcome.answer !== null;
    (resolved ? closes : stillOpen).push(open);
  }
  const openKeys = new Set(stillOpen.map((open) => open.itemKey));
  return {
    streak,
    consequence: consequenceFor(template, streak),
    repeats: [...failedKeys].filter((key) => lastFailed.has(key)),
    closes,
    stillOpen,
    newFailures: items.filter((item) => item.failed && !openKeys.has(item.item.key)),
    recheckOf: state.open.length > 0 ? state.open[0].inspectionId : '',
  };
}

/** The schedule's state after the inspection. */
export function nextState(
  inspectionId: string,
  at: number,
  carry: CarryOver,
  items: readonly ItemOutcome[],
  opened: readonly OpenRectification[],
): ScheduleState {
  return {
    lastInspectionId: inspectionId,
    lastAt: at,
    streak: carry.streak,
    lastFailed: items.filter((item) => item.failed).map((item) => item.item.key),
    open: [...carry.stillOpen, ...opened],
  };
}

/** When the re-inspection is due: the latest rectification deadline among the open items (null if none). */
export function recheckDue(open: readonly OpenRectification[]): number | null {
  return open.length === 0 ? null : Math.max(...open.map((item) => item.due));
}
