/** Business calendar: working time in the spreadsheet's zone, with holidays and make-up days (SPEC §5). */
export {
  addBusinessTime,
  addDuration,
  addWorkingDays,
  businessTimeBetween,
  isBusinessUnit,
  isWorkingTime,
  nextWorkingInstant,
} from './arithmetic';
export { type BusinessCalendar, createCalendar } from './calendar';
export { type DateOrder, dateOrderOf, parseLocalDateTime } from './cell-parsing';
export { type DateKey, dateKeyOf, formatClock, weekdayOf, yearOf } from './civil';
export {
  type CalendarConfig,
  chinaOfficialDays,
  defaultCalendarConfig,
  type SpecialDay,
} from './config';
export { holidayCoverage, missingHolidayYears } from './coverage';
export {
  type Duration,
  formatDuration,
  parseDuration,
} from './duration';
export {
  defaultCalendarRows,
  defaultHolidayRows,
  parseCalendarSettings,
} from './settings';
export { zoneOf } from './zone';
