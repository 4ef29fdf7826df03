/**
 * Report periods (SPEC §10): ISO weeks (Mon–Sun, `2026-W47`), calendar months (`2026-11`), quarters
 * (`2026-Q4`) and years (`2026`) — seed 002 §3.10.4 asks for quarterly and annual reports too — as
 * [start, end) instants at local midnight in the spreadsheet's zone, so a week that crosses a DST
 * change is still exactly Monday 00:00 to the next Monday 00:00 on the wall clock.
 */
import { dayNumberOf, weekdayOf, yearOf } from '../calendar/civil';
import type { Zone } from '../calendar/zone';

export type ReportKind = 'weekly' | 'monthly' | 'quarterly' | 'annual';

/** Every report kind, shortest period first. */
export const REPORT_KINDS: readonly ReportKind[] = ['weekly', 'monthly', 'quarterly', 'annual'];

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

/** Months [first, first + count) of `year` as one period (a quarter, a year). */
function monthsFrom(
  zone: Zone,
  kind: ReportKind,
  year: number,
  first: number,
  count: number,
  label: string,
): ReportPeriod {
  const startMonth = monthFrom(zone, year, first);
  const lastMonth = first + count - 1;
  const endMonth = monthFrom(zone, year + Math.floor((lastMonth - 1) / 12), ((lastMonth - 1) % 12) + 1);
  return { kind, start: startMonth.start, end: endMonth.end, label };
}

/** The week, month, quarter or year that contains `instant`. */
export function periodContaining(kind: ReportKind, zone: Zone, instant: number): ReportPeriod {
  const day = zone.toLocal(instant).dayNumber;
  if (kind === 'weekly') return weekFrom(zone, mondayOf(day));
  const date = new Date(day * MS_PER_DAY);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + 1;
  if (kind === 'monthly') return monthFrom(zone, year, month);
  if (kind === 'quarterly') {
    const quarter = Math.floor((month - 1) / 3) + 1;
    return monthsFrom(zone, kind, year, quarter * 3 - 2, 3, `${year}-Q${quarter}`);
  }
  return monthsFrom(zone, kind, year, 1, 12, String(year));
}

/** The period just before `period` (for the "change vs previous period" column). */
export function previousPeriod(zone: Zone, period: ReportPeriod): ReportPeriod {
  return periodContaining(period.kind, zone, period.start.getTime() - 1);
}

/** The last period that has ended by `now`: last Mon–Sun week, last calendar month, quarter or year. */
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
