/**
 * Which periodic jobs are due (SPEC §6), as pure functions of the business calendar, the ⚙ General hours
 * and `now`. A job's slot is the local instant it becomes due (digest: 08:00 on a working day; weekly:
 * Monday 08:00; monthly: the 1st at 08:00; quarterly and annual: the monthly slot of the month that
 * starts a quarter or a year, covering the quarter or year before). A job is due for every slot after its last completed one,
 * so a missed hour is caught up by the next run and a slot already done is never run again.
 */
import type { BusinessCalendar } from '../calendar';
import { dateKeyOf, weekdayOf } from '../calendar/civil';
import { periodContaining, previousPeriod, type ReportPeriod } from '../reports/period';

export type PeriodicJob = 'digest' | 'escalationSummary' | 'weekly' | 'monthly' | 'quarterly' | 'annual';
export const PERIODIC_JOBS: readonly PeriodicJob[] = [
  'digest',
  'escalationSummary',
  'weekly',
  'monthly',
  'quarterly',
  'annual',
];

/** The ⚙ General keys that place the slots (SPEC §13). */
export interface ScheduleConfig {
  digestHour: number;
  /** The daily escalation summary's hour (working days, like the digest). */
  escalationSummaryHour: number;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weeklyReportWeekday: number;
  weeklyReportHour: number;
  monthlyReportDay: number;
  monthlyReportHour: number;
}

export interface Slot {
  job: PeriodicJob;
  /** When the slot opens (epoch ms). */
  at: number;
  /**
   * What the slot covers, [start, end) at local midnights: the digest's own day ("due today"), the
   * previous Mon–Sun for a weekly report, the previous month for a monthly one (SPEC §6).
   */
  start: number;
  end: number;
  /** 2026-03-02 (digest), 2026-W10 (weekly), 2026-03 (monthly), 2026-Q1 (quarterly), 2026 (annual). */
  label: string;
}

const MS_PER_HOUR = 3_600_000;
/** How far back slots are looked for: beyond this, a missed period is not worth a late report. */
const LOOKBACK_DAYS: Record<PeriodicJob, number> = {
  digest: 14,
  escalationSummary: 14,
  weekly: 35,
  monthly: 93,
  quarterly: 93,
  annual: 93,
};
/**
 * At most this many missed periods are caught up per job. A digest only ever sends the latest one: last
 * week's "due today" list helps nobody (issue 5: "trigger did not fire for 10 hours → one digest").
 */
const MAX_CATCH_UP: Record<PeriodicJob, number> = {
  digest: 1,
  // The summary covers everything since the last one, so one late summary catches up every missed day.
  escalationSummary: 1,
  weekly: 4,
  monthly: 3,
  quarterly: 1,
  annual: 1,
};

function isoWeekday(dayNumber: number): number {
  return ((weekdayOf(dayNumber) + 6) % 7) + 1;
}

function reportSlot(job: PeriodicJob, at: number, period: ReportPeriod): Slot {
  return { job, at, start: period.start.getTime(), end: period.end.getTime(), label: period.label };
}

function slotOn(cal: BusinessCalendar, config: ScheduleConfig, job: PeriodicJob, day: number): Slot | null {
  const at = (hour: number) => cal.zone.toInstant(day, hour * MS_PER_HOUR);
  const midnight = (d: number) => cal.zone.toInstant(d, 0);
  switch (job) {
    case 'digest':
    case 'escalationSummary':
      // Working days of the business calendar, so holidays are skipped and 调休 Saturdays included.
      if (cal.day(day).intervals.length === 0) return null;
      return {
        job,
        at: at(job === 'digest' ? config.digestHour : config.escalationSummaryHour),
        start: midnight(day),
        end: midnight(day + 1),
        label: dateKeyOf(day),
      };
    case 'weekly':
      // The report covers the previous ISO week: the one that held this day a week ago.
      if (isoWeekday(day) !== config.weeklyReportWeekday) return null;
      return reportSlot(
        job,
        at(config.weeklyReportHour),
        periodContaining('weekly', cal.zone, midnight(day - 7)),
      );
    case 'monthly':
    case 'quarterly':
    case 'annual': {
      const date = new Date(day * 86_400_000);
      if (date.getUTCDate() !== config.monthlyReportDay) return null;
      // A quarter's report goes out with the monthly report of January, April, July and October; a
      // year's with January's.
      const month = date.getUTCMonth() + 1;
      if (job === 'quarterly' && month % 3 !== 1) return null;
      if (job === 'annual' && month !== 1) return null;
      const current = periodContaining(job, cal.zone, midnight(day));
      return reportSlot(job, at(config.monthlyReportHour), previousPeriod(cal.zone, current));
    }
  }
}

/** Slots of `job` opening in (after, now], oldest first. */
export function slotsBetween(
  cal: BusinessCalendar,
  config: ScheduleConfig,
  job: PeriodicJob,
  after: number,
  now: number,
): Slot[] {
  const today = cal.zone.toLocal(now).dayNumber;
  const first = Math.max(cal.zone.toLocal(after).dayNumber, today - LOOKBACK_DAYS[job]);
  const slots: Slot[] = [];
  for (let day = first; day <= today; day++) {
    const slot = slotOn(cal, config, job, day);
    if (slot && slot.at > after && slot.at <= now) slots.push(slot);
  }
  return slots;
}

/**
 * The slots to run now: those opening after the last completed one (`after`; for a new install, the
 * setup time, so installing never sends last week's report), oldest first, capped per job.
 */
export function dueSlots(
  cal: BusinessCalendar,
  config: ScheduleConfig,
  job: PeriodicJob,
  after: number,
  now: number,
): Slot[] {
  const slots = slotsBetween(cal, config, job, after, now);
  return slots.slice(Math.max(0, slots.length - MAX_CATCH_UP[job]));
}
