/** Which years the holiday table covers, so the health check and reports can warn about gaps (SPEC §5). */
import type { BusinessCalendar } from './calendar';
import { yearOf } from './civil';
import { yearsWithHolidayData } from './config';

export function holidayCoverage(cal: BusinessCalendar): number[] {
  return yearsWithHolidayData(cal.config.holidays);
}

/** This year and next (in the calendar's zone) when they have no holiday data, e.g. [2027]. */
export function missingHolidayYears(cal: BusinessCalendar, now: number): number[] {
  const year = yearOf(cal.zone.toLocal(now).dayNumber);
  const covered = new Set(holidayCoverage(cal));
  return [year, year + 1].filter((wanted) => !covered.has(wanted));
}
