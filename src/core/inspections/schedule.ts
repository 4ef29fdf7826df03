/**
 * Schedule compliance (SPEC §9, ANCHORS "Schedules"): each area × template is due once per slot of its
 * frequency — a day (working days only, unless the area is 7-day), an ISO week (if it has a working day,
 * or always for 7-day areas), a calendar month — in the spreadsheet's zone. A closed slot is done (an
 * inspection inside it), excused (a manager gave a reason) or missed; the slot in progress is "due".
 * Compliance % = done / (due − excused) over closed slots; bands ≥ 90 % compliant, 70–89 % at risk,
 * < 70 % non-compliant (docs.assetbuddy.co.uk compliance bands), configurable in ⚙ General.
 */

import type { BusinessCalendar } from '../calendar';
import type { CalendarDay } from '../calendar/calendar';
import { weekdayOf } from '../calendar/civil';
import type { InspectionFrequency } from '../enums';
import { isoWeekLabel } from '../reports/period';
import { areaKey } from './areas';
import { templateKey } from './checklists';

export interface Slot {
  /** 2026-03-02 (day), 2026-W10 (week), 2026-03 (month). */
  label: string;
  start: number;
  end: number;
}

/** Identifies one slot of one schedule (Missed inspections' key column; excuses match on it). */
export function slotKey(area: string, template: string, label: string): string {
  return `${areaKey(area)}|${templateKey(template)}|${label}`;
}

export type SlotState = 'done' | 'excused' | 'missed' | 'due';

export interface SlotStatus extends Slot {
  state: SlotState;
  /** Inspections inside the slot. */
  count: number;
}

function isWorking(day: CalendarDay): boolean {
  return day.intervals.length > 0;
}

/** The slots of a frequency that start in [from, to), oldest first. On-demand schedules have none. */
export function slotsBetween(
  cal: BusinessCalendar,
  frequency: InspectionFrequency,
  sevenDay: boolean,
  from: number,
  to: number,
): Slot[] {
  if (frequency === 'onDemand' || to <= from) return [];
  const slots: Slot[] = [];
  const first = cal.dayAt(from).dayNumber;
  const last = cal.dayAt(to - 1).dayNumber;
  for (let n = first; n <= last; n++) {
    const day = cal.day(n);
    if (frequency === 'daily') {
      if (day.startsAt >= from && (sevenDay || isWorking(day)))
        slots.push({ label: day.dateKey, start: day.startsAt, end: day.endsAt });
    } else if (frequency === 'weekly') {
      if (weekdayOf(n) !== 1 || day.startsAt < from) continue;
      let due = sevenDay;
      for (let d = n; d < n + 7 && !due; d++) due = isWorking(cal.day(d));
      if (due) slots.push({ label: isoWeekLabel(n), start: day.startsAt, end: cal.day(n + 7).startsAt });
    } else if (day.dateKey.endsWith('-01') && day.startsAt >= from) {
      let next = n + 28;
      while (!cal.day(next).dateKey.endsWith('-01')) next += 1;
      slots.push({ label: day.dateKey.slice(0, 7), start: day.startsAt, end: cal.day(next).startsAt });
    }
  }
  return slots;
}

/** The slot of a frequency that contains an instant (null for on-demand or a day that is not due). */
export function slotAt(
  cal: BusinessCalendar,
  frequency: InspectionFrequency,
  sevenDay: boolean,
  instant: number,
): Slot | null {
  const day = cal.dayAt(instant);
  const back =
    frequency === 'weekly'
      ? (weekdayOf(day.dayNumber) + 6) % 7
      : frequency === 'monthly'
        ? Number(day.dateKey.slice(8)) - 1
        : 0;
  const start = cal.day(day.dayNumber - back).startsAt;
  return slotsBetween(cal, frequency, sevenDay, start, start + 1).find((slot) => instant < slot.end) ?? null;
}

/**
 * The state of every slot that starts in [from, to): `inspections` are the instants of the schedule's
 * inspections, `excused` the labels of slots a manager excused.
 */
export function slotStatuses(
  slots: readonly Slot[],
  inspections: readonly number[],
  excused: ReadonlySet<string>,
  now: number,
): SlotStatus[] {
  const sorted = [...inspections].sort((a, b) => a - b);
  return slots.map((slot) => {
    let count = 0;
    for (const at of sorted) if (at >= slot.start && at < slot.end) count += 1;
    const state: SlotState =
      count > 0 ? 'done' : slot.end > now ? 'due' : excused.has(slot.label) ? 'excused' : 'missed';
    return { ...slot, state, count };
  });
}

export interface Compliance {
  /** Closed slots (the one in progress is not counted, whether done or not). */
  due: number;
  done: number;
  excused: number;
  missed: number;
  /** done / (due − excused) in percent; null when nothing was due. */
  percent: number | null;
}

export function complianceOf(statuses: readonly SlotStatus[], now: number): Compliance {
  const closed = statuses.filter((slot) => slot.end <= now);
  const done = closed.filter((slot) => slot.state === 'done').length;
  const excused = closed.filter((slot) => slot.state === 'excused').length;
  const missed = closed.filter((slot) => slot.state === 'missed').length;
  const counted = closed.length - excused;
  return {
    due: closed.length,
    done,
    excused,
    missed,
    percent: counted > 0 ? (done / counted) * 100 : null,
  };
}

export type ComplianceBand = 'compliant' | 'atRisk' | 'nonCompliant';

export interface ComplianceThresholds {
  compliantPercent: number;
  atRiskPercent: number;
}

/** Half-open bands: ≥ compliant → compliant, ≥ at risk → at risk, else non-compliant. */
export function complianceBand(percent: number, thresholds: ComplianceThresholds): ComplianceBand {
  if (percent >= thresholds.compliantPercent) return 'compliant';
  if (percent >= thresholds.atRiskPercent) return 'atRisk';
  return 'nonCompliant';
}
