/**
 * Business-time arithmetic on a BusinessCalendar. Instants are epoch ms; working intervals are
 * half-open [start, end): 18:00 itself is not working time, but a business-hours due date may be 18:00
 * (work that fills the day up to closing is due at closing, not at next morning's opening).
 */
import type { BusinessCalendar, CalendarDay } from './calendar';
import { MS_PER_HOUR } from './civil';
import type { Duration } from './duration';

/** Days to search for working time before deciding the calendar has none (e.g. every weekday off). */
const MAX_DAYS_WITHOUT_WORK = 3 * 366;

export class NoWorkingTimeError extends Error {
  constructor() {
    super(`The business calendar has no working time within ${MAX_DAYS_WITHOUT_WORK} days`);
  }
}

function nextDay(cal: BusinessCalendar, day: CalendarDay): CalendarDay {
  return cal.day(day.dayNumber + 1);
}

export function isWorkingTime(cal: BusinessCalendar, instant: number): boolean {
  const { intervals } = cal.dayAt(instant);
  for (let i = 0; i < intervals.length; i += 2) {
    if (instant >= intervals[i] && instant < intervals[i + 1]) return true;
  }
  return false;
}

/** The instant itself when it is working time, else the start of the next working interval. */
export function nextWorkingInstant(cal: BusinessCalendar, instant: number): number {
  let day = cal.dayAt(instant);
  for (let searched = 0; searched <= MAX_DAYS_WITHOUT_WORK; searched++) {
    const { intervals } = day;
    for (let i = 0; i < intervals.length; i += 2) {
      if (instant < intervals[i + 1]) return Math.max(intervals[i], instant);
    }
    day = nextDay(cal, day);
  }
  throw new NoWorkingTimeError();
}

/** `start` plus `ms` of working time. Zero or less returns `start` unchanged. */
export function addBusinessTime(cal: BusinessCalendar, start: number, ms: number): number {
  if (ms <= 0) return start;
  let remaining = ms;
  let day = cal.dayAt(start);
  for (let searched = 0; searched <= MAX_DAYS_WITHOUT_WORK; ) {
    const { intervals } = day;
    for (let i = 0; i < intervals.length; i += 2) {
      const from = Math.max(intervals[i], start);
      const available = intervals[i + 1] - from;
      if (available <= 0) continue;
      if (remaining <= available) return from + remaining;
      remaining -= available;
    }
    searched = intervals.length > 0 ? 0 : searched + 1;
    day = nextDay(cal, day);
  }
  throw new NoWorkingTimeError();
}

/** Working time in [a, b), in ms; negative when b is before a. */
export function businessTimeBetween(cal: BusinessCalendar, a: number, b: number): number {
  if (b < a) return -businessTimeBetween(cal, b, a);
  let total = 0;
  for (let day = cal.dayAt(a); day.startsAt < b; day = nextDay(cal, day)) {
    const { intervals } = day;
    for (let i = 0; i < intervals.length; i += 2) {
      const from = Math.max(intervals[i], a);
      const to = Math.min(intervals[i + 1], b);
      if (to > from) total += to - from;
    }
  }
  return total;
}

/**
 * `+N wd`: the N-th following working day at the same clock time, clamped into working hours.
 * The clock time is the start's when the start is working time, else that of the next working instant
 * (after hours counts as received at the next opening). With 09:00–18:00, lunch 12–13, Mon–Fri:
 * - Tue 17:30 + 1 wd → Wed 17:30; Tue 12:30 (lunch) + 1 wd → Wed 13:00;
 * - Tue 20:00 + 1 wd → Thu 09:00 (as if received Wed 09:00); Sat 10:00 + 1 wd → Tue 09:00;
 * - + 0 wd → the next working instant.
 * Clamping only matters when the clock time is not working time on the target day (a DST gap, or a
 * day whose hours differ): it moves to the next working interval of that day, else that day's close.
 */
export function addWorkingDays(cal: BusinessCalendar, start: number, days: number): number {
  const base = nextWorkingInstant(cal, start);
  if (days <= 0) return base;
  const clock = cal.zone.msOfDayAt(base);
  let day = cal.dayAt(base);
  for (let counted = 0, searched = 0; counted < days; ) {
    day = nextDay(cal, day);
    if (day.intervals.length > 0) {
      counted++;
      searched = 0;
    } else if (++searched > MAX_DAYS_WITHOUT_WORK) {
      throw new NoWorkingTimeError();
    }
  }
  const wanted = cal.zone.toInstant(day.dayNumber, clock);
  const { intervals } = day;
  for (let i = 0; i < intervals.length; i += 2) {
    if (wanted <= intervals[i + 1]) return Math.max(wanted, intervals[i]);
  }
  return intervals[intervals.length - 1];
}

/** `d`: the same wall-clock time N local days later (23 or 25 real hours across a DST change). */
export function addCalendarDays(cal: BusinessCalendar, start: number, days: number): number {
  const { dayNumber } = cal.zone.toLocal(start);
  return cal.zone.toInstant(dayNumber + days, cal.zone.msOfDayAt(start));
}

/** Due instant of a duration from `start`. `h` is elapsed real time; `bh` working time; see above. */
export function addDuration(cal: BusinessCalendar, start: number, duration: Duration): number {
  switch (duration.unit) {
    case 'bh':
      return addBusinessTime(cal, start, duration.amount * MS_PER_HOUR);
    case 'wd':
      return addWorkingDays(cal, start, duration.amount);
    case 'h':
      return start + duration.amount * MS_PER_HOUR;
    case 'd':
      return addCalendarDays(cal, start, duration.amount);
  }
}

/** True for units that count working time only (their progress is measured in business time). */
export function isBusinessUnit(duration: Duration): boolean {
  return duration.unit === 'bh' || duration.unit === 'wd';
}
