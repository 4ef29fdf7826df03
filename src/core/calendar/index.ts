/** Business calendar: working time in the spreadsheet's zone, with holidays and make-up days (SPEC §5). */
export {
  NoWorkingTimeError,
  addBusinessTime,
  addCalendarDays,
  addDuration,
  addWorkingDays,
  businessTimeBetween,
  isBusinessUnit,
  isWorkingTime,
  nextWorkingInstant,
} from './arithmetic';
export { type BusinessCalendar, type CalendarDay, createCalendar } from './calendar';
export { type DateKey, dateKeyOf, formatClock } from './civil';
export {
  type CalendarConfig,
  type ChinaDay,
  type SpecialDay,
  type SpecialDayKind,
  chinaOfficialDays,
  defaultCalendarConfig,
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
