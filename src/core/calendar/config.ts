/** What a business calendar is made of, and its defaults. */

import { CHINA_DAYS, CHINA_HOLIDAY_NAMES } from './china-holidays';
import { type DateKey, parseDateKey } from './civil';

export type SpecialDayKind = 'holiday' | 'workday';

export interface SpecialDay {
  /** holiday: no work even on a working weekday; workday: a make-up working day (调休) on a day off. */
  kind: SpecialDayKind;
  name: string;
}

export interface CalendarConfig {
  /** IANA zone of the spreadsheet; all arithmetic happens in its wall time. */
  timeZone: string;
  /** Working weekdays, 0 = Sunday … 6 = Saturday. */
  workingWeekdays: readonly number[];
  /** Minutes since local midnight. Lunch is a break inside the day; lunchStart = lunchEnd means none. */
  dayStart: number;
  dayEnd: number;
  lunchStart: number;
  lunchEnd: number;
  /** A stage is "at risk" once this share of its target time is used (SPEC §5: 75 %). */
  atRiskPercent: number;
  holidays: ReadonlyMap<DateKey, SpecialDay>;
}

/**
 * Mon–Fri 09:00–18:00 with lunch 12:00–13:00: seed 000 L510–511 (H2, "上午9点至下午6点,中午12点至1点为
 * 午休时间"). seed 003 L152 has 9–17, which managers can set in ⚙ Calendar.
 */
export const DEFAULT_WORKING_WEEKDAYS: readonly number[] = [1, 2, 3, 4, 5];
export const DEFAULT_DAY_START = 9 * 60;
export const DEFAULT_DAY_END = 18 * 60;
export const DEFAULT_LUNCH_START = 12 * 60;
export const DEFAULT_LUNCH_END = 13 * 60;
/** SPEC §5 stage states: at risk at ≥ 75 % of the target used. */
export const DEFAULT_AT_RISK_PERCENT = 75;
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export interface ChinaDay {
  date: DateKey;
  kind: SpecialDayKind;
  nameZh: string;
  nameEn: string;
}

/** China's official holidays and 调休 working days from the generated table, in date order. */
export function chinaOfficialDays(): ChinaDay[] {
  return CHINA_DAYS.map((entry) => {
    const [date, kind, nameIndex] = entry.split(' ');
    const [nameZh, nameEn] = CHINA_HOLIDAY_NAMES[Number(nameIndex)];
    return { date, kind: kind === 'w' ? 'workday' : 'holiday', nameZh, nameEn };
  });
}

export function chinaHolidayMap(lang: 'zh' | 'en' = 'zh'): Map<DateKey, SpecialDay> {
  const map = new Map<DateKey, SpecialDay>();
  for (const day of chinaOfficialDays()) {
    map.set(day.date, { kind: day.kind, name: lang === 'zh' ? day.nameZh : day.nameEn });
  }
  return map;
}

export function defaultCalendarConfig(timeZone: string = DEFAULT_TIME_ZONE): CalendarConfig {
  return {
    timeZone,
    workingWeekdays: DEFAULT_WORKING_WEEKDAYS,
    dayStart: DEFAULT_DAY_START,
    dayEnd: DEFAULT_DAY_END,
    lunchStart: DEFAULT_LUNCH_START,
    lunchEnd: DEFAULT_LUNCH_END,
    atRiskPercent: DEFAULT_AT_RISK_PERCENT,
    holidays: chinaHolidayMap(),
  };
}

/** Years that have at least one holiday or make-up day in the config, ascending. */
export function yearsWithHolidayData(holidays: ReadonlyMap<DateKey, SpecialDay>): number[] {
  const years = new Set<number>();
  for (const key of holidays.keys()) if (parseDateKey(key) !== null) years.add(Number(key.slice(0, 4)));
  return [...years].sort((a, b) => a - b);
}
