/**
 * Reading ⚙ Calendar and ⚙ Holidays cells as Sheets returns them: strings, numbers (a time cell without
 * a date can arrive as a day fraction) and Dates. Date and time cells are read in the spreadsheet's zone,
 * because Sheets builds their Date from the wall time in that zone.
 */
import type { CellValue } from '../cells';
import { dateKeyOf, dayNumberOf, MINUTES_PER_DAY, parseDateKey } from './civil';
import type { Zone } from './zone';

/** Minutes since midnight of '09:00' / '9:00' text, a Date/time cell or a day fraction (0.375). */
export function parseTimeOfDay(value: CellValue, zone: Zone): number | null {
  if (value instanceof Date) {
    const time = value.getTime();
    return Number.isNaN(time) ? null : zone.toLocal(time).minuteOfDay;
  }
  if (typeof value === 'number') {
    if (!(value >= 0 && value <= 1)) return null;
    return Math.round(value * MINUTES_PER_DAY);
  }
  if (typeof value !== 'string') return null;
  const match = /^(\d{1,2})[:：](\d{2})(?:[:：]\d{2})?$/.exec(value.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) return null;
  return hours * 60 + minutes;
}

const WEEKDAY_NAMES: Record<string, number> = {
  sun: 0,
  sunday: 0,
  mon: 1,
  monday: 1,
  tue: 2,
  tues: 2,
  tuesday: 2,
  wed: 3,
  wednesday: 3,
  thu: 4,
  thur: 4,
  thurs: 4,
  thursday: 4,
  fri: 5,
  friday: 5,
  sat: 6,
  saturday: 6,
  周日: 0,
  周天: 0,
  星期日: 0,
  星期天: 0,
  周一: 1,
  星期一: 1,
  周二: 2,
  星期二: 2,
  周三: 3,
  星期三: 3,
  周四: 4,
  星期四: 4,
  周五: 5,
  星期五: 5,
  周六: 6,
  星期六: 6,
};

/** One weekday: a name in either language, or an ISO number 1 = Monday … 7 = Sunday. */
function weekdayNumber(text: string): number | null {
  const lower = text.trim().toLowerCase();
  if (/^[1-7]$/.test(lower)) return Number(lower) % 7;
  return WEEKDAY_NAMES[lower] ?? null;
}

/**
 * 'Mon,Tue,Wed,Thu,Fri', 'Mon-Fri', '1-5', '周一至周五', '周一、周三' → weekdays 0 = Sunday … 6 = Saturday.
 * Ranges run forward and may wrap ('Sat-Mon'). Null when any part is not a weekday.
 */
export function parseWeekdays(value: CellValue): number[] | null {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || text.trim() === '') return null;
  const days = new Set<number>();
  for (const part of text.split(/[,，、;；\s]+/).filter(Boolean)) {
    const ends = part.split(/[-–~～至…]/);
    if (ends.length > 2) return null;
    const from = weekdayNumber(ends[0]);
    const to = ends.length === 2 ? weekdayNumber(ends[1]) : from;
    if (from === null || to === null) return null;
    for (let day = from; ; day = (day + 1) % 7) {
      days.add(day);
      if (day === to) break;
    }
  }
  return [...days].sort((a, b) => a - b);
}

/** A local date from a Date cell (read in the zone) or 'yyyy-mm-dd' / 'yyyy/m/d' text, as a day number. */
export function parseLocalDate(value: CellValue, zone: Zone): number | null {
  if (value instanceof Date) {
    const time = value.getTime();
    return Number.isNaN(time) ? null : zone.toLocal(time).dayNumber;
  }
  return typeof value === 'string' ? parseDateKey(value) : null;
}

/** 75, '75', '75%' or a percent-formatted 0.75 → 75. Null outside 1 … 100. */
export function parsePercent(value: CellValue): number | null {
  let percent: number;
  if (typeof value === 'number') percent = value > 0 && value < 1 ? value * 100 : value;
  else if (typeof value === 'string' && /^\d+(\.\d+)?\s*%?$/.test(value.trim())) percent = parseFloat(value);
  else return null;
  return percent >= 1 && percent <= 100 ? Math.round(percent * 100) / 100 : null;
}

/** The order of day, month and year in a locale's short dates, as Sheets displays and parses them. */
export type DateOrder = 'mdy' | 'dmy' | 'ymd';

/** Locales whose short dates are month first (en_US 3/1/2026) or year first (zh_CN 2026/3/1); else day first. */
const MONTH_FIRST = /^(en_US|en_PH|es_US|en_CA|fil)(_|$)/i;
const YEAR_FIRST = /^(zh|ja|ko|hu|lt|mn|eu|si)(_|$)/i;

/** en_GB, de_DE, fr_FR… → 'dmy'; en_US → 'mdy'; zh_CN, ja_JP → 'ymd' (Google's locale formats). */
export function dateOrderOf(locale: string): DateOrder {
  if (MONTH_FIRST.test(locale)) return 'mdy';
  if (YEAR_FIRST.test(locale)) return 'ymd';
  return 'dmy';
}

/**
 * A date-time typed or displayed in the spreadsheet's zone, as Google Forms and Sheets show it:
 * 'yyyy-mm-dd hh:mm[:ss]' and 'yyyy/m/d h:mm[:ss]' in every locale; 'a/b/yyyy h:mm[:ss]' (also with '.'
 * or '-') in the locale's order — month first for en_US, day first for en_GB, de_DE and most others.
 * Returns the instant (epoch ms), or null when the text is not a valid date in that order.
 */
export function parseLocalDateTime(text: string, zone: Zone, order: DateOrder = 'mdy'): number | null {
  const trimmed = text.trim();
  const ymd = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(trimmed);
  const short = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(trimmed);
  const time = (m: RegExpExecArray) => ({ hour: m[4], minute: m[5], second: m[6] });
  const parts = ymd
    ? { year: ymd[1], month: ymd[2], day: ymd[3], ...time(ymd) }
    : short && order !== 'ymd'
      ? order === 'mdy'
        ? { year: short[3], month: short[1], day: short[2], ...time(short) }
        : { year: short[3], month: short[2], day: short[1], ...time(short) }
      : null;
  if (!parts) return null;
  const year = Number(parts.year);
  const month = Number(parts.month);
  const day = Number(parts.day);
  const hour = Number(parts.hour ?? 0);
  const minute = Number(parts.minute ?? 0);
  const second = Number(parts.second ?? 0);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const dayNumber = dayNumberOf(year, month, day);
  if (
    dateKeyOf(dayNumber) !== `${parts.year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  )
    return null;
  return zone.toInstant(dayNumber, ((hour * 60 + minute) * 60 + second) * 1000);
}
