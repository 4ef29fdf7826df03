/**
 * ⚙ Calendar (key/value rows) and ⚙ Holidays (date, kind, name rows) → a BusinessCalendar.
 * A bad row is reported with its sheet row and reason and falls back to the default for that key (or is
 * skipped, for a holiday row); parsing never throws, so a typo cannot stop a trigger (SPEC §13).
 */

import type { Lang, MessageKey } from '../../i18n';
import type { CellValue, KeyedRow, SettingsIssue } from '../cells';
import { list, type Message, type MessageParam, message } from '../message';
import { type BusinessCalendar, createCalendar } from './calendar';
import { parseLocalDate, parsePercent, parseTimeOfDay, parseWeekdays } from './cell-parsing';
import { type DateKey, dateKeyOf, formatClock } from './civil';
import {
  type CalendarConfig,
  chinaOfficialDays,
  DEFAULT_TIME_ZONE,
  defaultCalendarConfig,
  type SpecialDay,
} from './config';
import { isValidTimeZone, zoneOf } from './zone';

export interface CalendarSettings {
  calendar: BusinessCalendar;
  issues: SettingsIssue[];
}

type ClockKey = 'dayStart' | 'dayEnd' | 'lunchStart' | 'lunchEnd';
const CLOCK_KEYS: readonly ClockKey[] = ['dayStart', 'dayEnd', 'lunchStart', 'lunchEnd'];
const CALENDAR_KEYS = ['workingDays', ...CLOCK_KEYS, 'atRiskPercent'] as const;

const ENGLISH_WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function cellText(value: CellValue): string {
  return value instanceof Date
    ? Number.isNaN(value.getTime())
      ? 'Invalid Date'
      : value.toISOString()
    : String(value);
}

/** A known key as its label in the reader's language (an unknown one as typed). */
function keyLabel(key: string): MessageParam {
  return (CALENDAR_KEYS as readonly string[]).includes(key)
    ? message(`settings.calendar.${key}` as MessageKey)
    : key;
}

export function parseCalendarSettings(
  calendarRows: KeyedRow[],
  holidayRows: KeyedRow[],
  timeZone: string,
): CalendarSettings {
  const issues: SettingsIssue[] = [];
  const report = (sheet: MessageKey, row: number, reason: Message) => issues.push({ sheet, row, reason });
  // An unknown zone would make every date wrong; the default zone keeps the add-on working meanwhile.
  const zoneName = isValidTimeZone(timeZone) ? timeZone : DEFAULT_TIME_ZONE;
  if (zoneName !== timeZone)
    report('sheet.calendar', 1, message('sla.issue.badTimeZone', { value: timeZone }));
  const zone = zoneOf(zoneName);
  const defaults = defaultCalendarConfig(zoneName);
  const config: CalendarConfig = { ...defaults, holidays: new Map() };
  const clockRows: Partial<Record<ClockKey, number>> = {};
  const seenKeys = new Set<string>();

  for (const { row, values } of calendarRows) {
    const key = String(values.key ?? '').trim();
    const value = values.value ?? '';
    if (key === '' && value === '') continue;
    const problem = (messageKey: MessageKey, params: Record<string, MessageParam> = {}) =>
      report(
        'sheet.calendar',
        row,
        message(messageKey, { key: keyLabel(key), value: cellText(value), ...params }),
      );
    if (!(CALENDAR_KEYS as readonly string[]).includes(key)) {
      problem('sla.issue.unknownKey');
      continue;
    }
    if (seenKeys.has(key)) {
      problem('sla.issue.duplicateKey');
      continue;
    }
    seenKeys.add(key);
    if (key === 'workingDays') {
      const weekdays = parseWeekdays(value);
      if (weekdays && weekdays.length > 0) config.workingWeekdays = weekdays;
      else
        problem('sla.issue.badWeekdays', {
          default: list(
            defaults.workingWeekdays.map((day) => message(`sla.weekday.${day}` as MessageKey)),
            ',',
          ),
        });
    } else if (key === 'atRiskPercent') {
      const percent = parsePercent(value);
      if (percent !== null) config.atRiskPercent = percent;
      else problem('sla.issue.badPercent', { default: defaults.atRiskPercent });
    } else {
      const clockKey = key as ClockKey;
      const isLunch = clockKey === 'lunchStart' || clockKey === 'lunchEnd';
      // An empty lunch cell means no lunch break.
      const minutes =
        isLunch && (value === '' || value === '—' || value === '-') ? -1 : parseTimeOfDay(value, zone);
      if (minutes === null) problem('sla.issue.badTime', { default: formatClock(defaults[clockKey]) });
      else {
        config[clockKey] = minutes;
        clockRows[clockKey] = row;
      }
    }
  }

  if (config.lunchStart < 0 || config.lunchEnd < 0) {
    config.lunchStart = config.dayStart;
    config.lunchEnd = config.dayStart;
  }
  const hasLunch = config.lunchStart < config.lunchEnd;
  const inOrder = hasLunch
    ? config.dayStart < config.lunchStart && config.lunchEnd < config.dayEnd
    : config.dayStart < config.dayEnd && config.lunchStart === config.lunchEnd;
  if (!inOrder) {
    const row = Math.min(...CLOCK_KEYS.map((key) => clockRows[key] ?? Number.POSITIVE_INFINITY));
    report('sheet.calendar', Number.isFinite(row) ? row : 1, message('sla.issue.badHours'));
    for (const key of CLOCK_KEYS) config[key] = defaults[key];
  }

  config.holidays = parseHolidayRows(holidayRows, zoneName, issues);
  return { calendar: createCalendar(config), issues };
}

function parseHolidayRows(
  rows: KeyedRow[],
  timeZone: string,
  issues: SettingsIssue[],
): Map<DateKey, SpecialDay> {
  const zone = zoneOf(timeZone);
  const holidays = new Map<DateKey, SpecialDay>();
  for (const { row, values } of rows) {
    const date = values.date ?? '';
    const kind = values.kind ?? '';
    const name = String(values.name ?? '').trim();
    if (date === '' && kind === '' && name === '') continue;
    const report = (key: MessageKey, value: CellValue) =>
      issues.push({ sheet: 'sheet.holidays', row, reason: message(key, { value: cellText(value) }) });
    const dayNumber = parseLocalDate(date, zone);
    if (dayNumber === null) {
      report('sla.issue.badDate', date);
      continue;
    }
    if (kind !== 'holiday' && kind !== 'workday') {
      report('sla.issue.badKind', kind);
      continue;
    }
    const dateKey = dateKeyOf(dayNumber);
    if (holidays.has(dateKey)) {
      report('sla.issue.duplicateDate', dateKey);
      continue;
    }
    holidays.set(dateKey, { kind, name });
  }
  return holidays;
}

/** ⚙ Calendar rows for setup to prefill: the defaults of SPEC §5. */
export function defaultCalendarRows(): Array<Record<string, CellValue>> {
  const defaults = defaultCalendarConfig();
  return [
    { key: 'workingDays', value: defaults.workingWeekdays.map((day) => ENGLISH_WEEKDAYS[day]).join(',') },
    ...CLOCK_KEYS.map((key) => ({ key, value: formatClock(defaults[key]) })),
    { key: 'atRiskPercent', value: defaults.atRiskPercent },
  ];
}

/** ⚙ Holidays rows for setup to prefill: China's official schedule for every year in the data. */
export function defaultHolidayRows(lang: Lang = 'zh-CN'): Array<Record<string, CellValue>> {
  return chinaOfficialDays().map((day) => ({
    date: day.date,
    kind: day.kind,
    name: lang === 'zh-CN' ? day.nameZh : day.nameEn,
  }));
}
