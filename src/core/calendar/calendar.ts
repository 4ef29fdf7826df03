/**
 * A business calendar: a config plus a cache of each local day's working intervals as epoch-ms pairs,
 * so arithmetic never converts time zones per minute — only once per day it touches (SPEC §15:
 * ≥ 200,000 due dates per second).
 */
import { type DateKey, dateKeyOf, MS_PER_MINUTE, weekdayOf } from './civil';
import type { CalendarConfig, SpecialDay } from './config';
import { type Zone, zoneOf } from './zone';

export interface CalendarDay {
  dayNumber: number;
  dateKey: DateKey;
  weekday: number;
  /** Instants of local midnight at the start of the day and of the next day. */
  startsAt: number;
  endsAt: number;
  special: SpecialDay | undefined;
  /** Working intervals [start0, end0, start1, end1, …], ascending, half-open; empty on a day off. */
  intervals: readonly number[];
}

export interface BusinessCalendar {
  readonly config: CalendarConfig;
  readonly zone: Zone;
  day(dayNumber: number): CalendarDay;
  /** The local day containing an instant. */
  dayAt(instant: number): CalendarDay;
}

export function createCalendar(config: CalendarConfig): BusinessCalendar {
  const zone = zoneOf(config.timeZone);
  const workingWeekdays = new Set(config.workingWeekdays);
  const segments: Array<[number, number]> =
    config.lunchStart < config.lunchEnd
      ? [
          [config.dayStart, config.lunchStart],
          [config.lunchEnd, config.dayEnd],
        ]
      : [[config.dayStart, config.dayEnd]];
  const days = new Map<number, CalendarDay>();

  function buildDay(dayNumber: number): CalendarDay {
    const dateKey = dateKeyOf(dayNumber);
    const weekday = weekdayOf(dayNumber);
    const special = config.holidays.get(dateKey);
    const working = special ? special.kind === 'workday' : workingWeekdays.has(weekday);
    const intervals: number[] = [];
    if (working) {
      for (const [from, to] of segments) {
        // A DST gap inside working hours shortens the interval; the compatible rule keeps start ≤ end.
        const start = zone.toInstant(dayNumber, from * MS_PER_MINUTE);
        const end = zone.toInstant(dayNumber, to * MS_PER_MINUTE);
        if (end > start) intervals.push(start, end);
      }
    }
    return {
      dayNumber,
      dateKey,
      weekday,
      startsAt: zone.toInstant(dayNumber, 0),
      endsAt: zone.toInstant(dayNumber + 1, 0),
      special,
      intervals,
    };
  }

  function day(dayNumber: number): CalendarDay {
    let cached = days.get(dayNumber);
    if (!cached) {
      cached = buildDay(dayNumber);
      days.set(dayNumber, cached);
    }
    return cached;
  }

  return {
    config,
    zone,
    day,
    dayAt: (instant) => day(zone.toLocal(instant).dayNumber),
  };
}
