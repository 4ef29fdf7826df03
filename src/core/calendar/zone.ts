/**
 * Instants ↔ wall time in an IANA time zone, with nothing but Intl.DateTimeFormat (Apps Script has no
 * tz library). Instants are epoch milliseconds.
 *
 * Intl is slow (microseconds per call, and every execution starts with an empty cache), so a zone's
 * UTC offset is cached per UTC day: a day whose start and end have the same offset has it throughout
 * (no zone in the tz database changes its offset twice within a day; transitions are weeks apart);
 * only the day that contains a transition asks Intl for the exact instant. A report over 100,000
 * tickets touches a few hundred days, not thousands of hours.
 *
 * Wall times that do not exist or exist twice follow one rule (Temporal's "compatible"):
 * - gap (spring forward, e.g. 02:30 on 2026-03-08 in New York): shifted forward by the gap → 03:30 EDT;
 * - overlap (fall back, e.g. 01:30 on 2026-11-01 in New York): the earlier instant → 01:30 EDT.
 */
import { MINUTES_PER_DAY, MS_PER_DAY, MS_PER_MINUTE } from './civil';

export interface LocalTime {
  /** Local date as a day number (see civil.ts). */
  dayNumber: number;
  /** Minutes since local midnight, 0 … 1439 (seconds dropped). */
  minuteOfDay: number;
}

export interface Zone {
  readonly name: string;
  /** Local time minus UTC, in ms, at an instant. */
  offsetAt(instant: number): number;
  toLocal(instant: number): LocalTime;
  /** The instant of a wall time given as ms since local midnight (may be a whole day = next midnight). */
  toInstant(dayNumber: number, msOfDay: number): number;
  /** Wall-clock ms since local midnight of an instant. */
  msOfDayAt(instant: number): number;
}

export class InvalidTimeZoneError extends Error {
  constructor(readonly timeZone: string) {
    super(`Unknown time zone: ${timeZone}`);
  }
}

const zones = new Map<string, Zone>();

/** One shared Zone per IANA name; throws InvalidTimeZoneError for a name Intl does not know. */
export function zoneOf(timeZone: string): Zone {
  let zone = zones.get(timeZone);
  if (!zone) {
    zone = createZone(timeZone);
    zones.set(timeZone, zone);
  }
  return zone;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    zoneOf(timeZone);
    return true;
  } catch {
    return false;
  }
}

function createZone(timeZone: string): Zone {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
  } catch {
    throw new InvalidTimeZoneError(timeZone);
  }

  function exactOffset(instant: number): number {
    const fields: Record<string, number> = {};
    let bce = false;
    for (const part of format.formatToParts(new Date(instant))) {
      if (part.type === 'era') bce = part.value.startsWith('B');
      else if (part.type !== 'literal') fields[part.type] = Number(part.value);
    }
    const year = bce ? 1 - fields.year : fields.year;
    const wall = Date.UTC(year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second);
    const wholeSecond = Math.floor(instant / 1000) * 1000;
    return wall - wholeSecond;
  }

  const dayOffsets = new Map<number, number | null>();
  function offsetAt(instant: number): number {
    const day = Math.floor(instant / MS_PER_DAY);
    let offset = dayOffsets.get(day);
    if (offset === undefined) {
      const atStart = exactOffset(day * MS_PER_DAY);
      const atEnd = exactOffset(day * MS_PER_DAY + MS_PER_DAY - 1);
      offset = atStart === atEnd ? atStart : null;
      dayOffsets.set(day, offset);
    }
    return offset ?? exactOffset(instant);
  }

  function toLocal(instant: number): LocalTime {
    const wall = instant + offsetAt(instant);
    const dayNumber = Math.floor(wall / MS_PER_DAY);
    const minuteOfDay = Math.floor((wall - dayNumber * MS_PER_DAY) / MS_PER_MINUTE);
    return { dayNumber, minuteOfDay: Math.min(minuteOfDay, MINUTES_PER_DAY - 1) };
  }

  function msOfDayAt(instant: number): number {
    const wall = instant + offsetAt(instant);
    return wall - Math.floor(wall / MS_PER_DAY) * MS_PER_DAY;
  }

  function toInstant(dayNumber: number, msOfDay: number): number {
    const wall = dayNumber * MS_PER_DAY + msOfDay;
    // The offsets in force a day before and a day after cover both sides of any transition nearby.
    const offsetBefore = offsetAt(wall - MS_PER_DAY);
    const offsetAfter = offsetAt(wall + MS_PER_DAY);
    const early = wall - offsetBefore;
    const late = wall - offsetAfter;
    const earlyValid = offsetAt(early) === offsetBefore;
    const lateValid = offsetAt(late) === offsetAfter;
    if (earlyValid && lateValid) return Math.min(early, late); // overlap (or no transition): earlier
    if (earlyValid) return early;
    if (lateValid) return late;
    return early; // gap: the pre-transition offset moves the wall time forward by the gap
  }

  return { name: timeZone, offsetAt, toLocal, toInstant, msOfDayAt };
}
