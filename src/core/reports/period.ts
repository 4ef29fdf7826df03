/**
 * Report periods (SPEC §10): ISO weeks (Mon–Sun, `2026-W47`) and calendar months (`2026-11`), as
 * [start, end) instants at local midnight in the spreadsheet's zone, so a week that crosses a DST
 * change is still exactly Monday 00:00 to the next Monday 00:00 on the wall clock.
 */
import { dayNumberOf, weekdayOf, yearOf } from '../calendar/civil';
import type { Zone } from '../calendar/zone';

export type ReportKind = 'weekly' | 'monthly';

/** A report period in the spreadsheet's zone: [start, end) instants and its ISO label (2026-W47, 2026-11). */
export interface ReportPeriod {
  kind: ReportKind;
  start: Date;
  end: Date;
  label: string;
}

const MS_PER_DAY = 86_400_000;

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function mondayOf(dayNumber: number): number {
  return dayNumber - ((weekdayOf(dayNumber) + 6) % 7);
}

/** ISO 8601: the week belongs to the year of its Thursday; week 1 holds the year's first Thursday. */
export function isoWeekLabel(monday: number): string {
  const thursday = monday + 3;
  const year = yearOf(thursday);
  const week = Math.floor((thursday - dayNumberOf(year, 1, 1)) / 7) + 1;
  return `${year}-W${pad(week)}`;
}

function weekFrom(zone: Zone, monday: number): ReportPeriod {
  return {
    kind: 'weekly',
    start: new Date(zone.toInstant(monday, 0)),
    end: new Date(zone.toInstant(monday + 7, 0)),
    label: isoWeekLabel(monday),
  };
}

function monthFrom(zone: Zone, year: number, month: number): ReportPeriod {
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  return {
    kind: 'monthly',
    start: new Date(zone.toInstant(dayNumberOf(year, month, 1), 0)),
    end: new Date(zone.toInstant(dayNumberOf(next.year, next.month, 1), 0)),
    label: `${year}-${pad(month)}`,
  };
}

/** The week or month that contains `instant`. */
export function periodContaining(kind: ReportKind, zone: Zone, instant: number): ReportPeriod {
  const day = zone.toLocal(instant).dayNumber;
  if (kind === 'weekly') return weekFrom(zone, mondayOf(day));
  const date = new Date(day * MS_PER_DAY);
  return monthFrom(zone, date.getUTCFullYear(), date.getUTCMonth() + 1);
}

/** The period just before `period` (for the "change vs previous period" column). */
export function previousPeriod(zone: Zone, period: ReportPeriod): ReportPeriod {
  return periodContaining(period.kind, zone, period.start.getTime() - 1);
}

/** The last period that has ended by `now`: last Mon–Sun week, or last calendar month. */
export function lastCompletedPeriod(kind: ReportKind, zone: Zone, now: number): ReportPeriod {
  return previousPeriod(zone, periodContaining(kind, zone, now));
}

/** Local day numbers of the period, first to last. */
export function periodDays(zone: Zone, period: ReportPeriod): number[] {
  const first = zone.toLocal(period.start.getTime()).dayNumber;
  const last = zone.toLocal(period.end.getTime() - 1).dayNumber;
  const days: number[] = [];
  for (let day = first; day <= last; day++) days.push(day);
  return days;
}
