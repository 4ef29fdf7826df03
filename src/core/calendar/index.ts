/** Business calendar: working time in the spreadsheet's zone, with holidays and make-up days (SPEC §5). */
export {
  addBusinessTime,
  addCalendarDays,
  addDuration,
  addWorkingDays,
  businessTimeBetween,
  isBusinessUnit,
  isWorkingTime,
  NoWorkingTimeError,
  nextWorkingInstant,
} from './arithmetic';
export { type BusinessCalendar, type CalendarDay, createCalendar } from './calendar';
export { parseLocalDateTime } from './cell-parsing';
export { type DateKey, dateKeyOf, formatClock } from './civil';
export {
  type CalendarConfig,
  type ChinaDay,
  chinaOfficialDays,
  defaultCalendarConfig,
  type SpecialDay,
  type SpecialDayKind,
} from './config';
export { holidayCoverage, missingHolidayYears } from './coverage';
export {
  type Duration,
  type DurationError,
  type DurationParse,
  type DurationUnit,
  formatDuration,
  parseDuration,
} from './duration';
export {
  type CalendarSettings,
  type CalendarSheetNames,
  defaultCalendarRows,
  defaultHolidayRows,
  parseCalendarSettings,
} from './settings';
export { InvalidTimeZoneError, type Zone, zoneOf } from './zone';
