import {
  type BusinessCalendar,
  createCalendar,
  type Duration,
  defaultCalendarConfig,
  parseDuration,
} from '../../src/core/calendar';
import { bothLanguages } from '../../src/i18n';

export const china = createCalendar(defaultCalendarConfig());

/** A calendar in another zone with the default hours and no holidays. */
export function plainCalendar(timeZone: string): BusinessCalendar {
  return createCalendar({ ...defaultCalendarConfig(timeZone), holidays: new Map() });
}

/** Instant of a Shanghai wall time 'yyyy-mm-ddTHH:MM'. */
export const cst = (wall: string): number => Date.parse(`${wall}:00+08:00`);

/** Local wall time of an instant as 'yyyy-mm-dd HH:MM' in a zone. */
export function wall(instant: number | null, timeZone = 'Asia/Shanghai'): string {
  if (instant === null) throw new Error('expected an instant, got null');
  return new Date(instant).toLocaleString('sv-SE', { timeZone }).slice(0, 16);
}

export function duration(text: string): Duration {
  const parsed = parseDuration(text, bothLanguages);
  if (!parsed.ok || !parsed.duration) throw new Error(`bad duration ${text}`);
  return parsed.duration;
}

export const HOUR = 3_600_000;
