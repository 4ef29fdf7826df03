/** core/schedule: which slots are due, in the spreadsheet zone, with the China holiday calendar (SPEC §6). */

import { dayNumberOf } from '../../src/core/calendar/civil';
import { callbackStateAt } from '../../src/core/callbacks/window';
import { isoWeekLabel } from '../../src/core/reports/period';
import { Budget, dueSlots, type ScheduleConfig, slotsBetween } from '../../src/core/schedule';
import { china, cst, plainCalendar, wall } from './calendar-helpers';

const DEFAULTS: ScheduleConfig = {
  digestHour: 8,
  escalationSummaryHour: 16,
  weeklyReportWeekday: 1,
  weeklyReportHour: 8,
  monthlyReportDay: 1,
  monthlyReportHour: 8,
};

describe('digest slots', () => {
  it('08:00 on working days only: Labour Day 2026 skipped, the 调休 Saturday 05-09 included', () => {
    const slots = slotsBetween(china, DEFAULTS, 'digest', cst('2026-04-30 00:00'), cst('2026-05-10 23:00'));
    expect(slots.map((slot) => slot.label)).toEqual([
      '2026-04-30',
      '2026-05-06',
      '2026-05-07',
      '2026-05-08',
      '2026-05-09',
    ]);
    expect(wall(slots[0].at)).toBe('2026-04-30 08:00');
    expect(wall(slots[0].start)).toBe('2026-04-30 00:00');
    expect(wall(slots[0].end)).toBe('2026-05-01 00:00');
  });

  it('a missed day is caught up once: only the latest digest is due', () => {
    const due = dueSlots(china, DEFAULTS, 'digest', cst('2026-03-02 08:00'), cst('2026-03-05 17:30'));
    expect(due.map((slot) => slot.label)).toEqual(['2026-03-05']);
  });

  it('nothing is due twice: after the slot is done, the next is tomorrow', () => {
    expect(dueSlots(china, DEFAULTS, 'digest', cst('2026-03-03 08:00'), cst('2026-03-03 23:00'))).toEqual([]);
    expect(dueSlots(china, DEFAULTS, 'digest', cst('2026-03-03 08:00'), cst('2026-03-04 07:59'))).toEqual([]);
    expect(
      dueSlots(china, DEFAULTS, 'digest', cst('2026-03-03 08:00'), cst('2026-03-04 08:00')),
    ).toHaveLength(1);
  });

  it('follows the configured hour and the zone (New York, across the DST change of 2026-03-08)', () => {
    const ny = plainCalendar('America/New_York');
    const slots = slotsBetween(
      ny,
      { ...DEFAULTS, digestHour: 9 },
      'digest',
      Date.parse('2026-03-06T00:00:00Z'),
      Date.parse('2026-03-10T23:00:00Z'),
    );
    expect(slots.map((slot) => new Date(slot.at).toISOString())).toEqual([
      '2026-03-06T14:00:00.000Z', // Fri 09:00 EST
      '2026-03-09T13:00:00.000Z', // Mon 09:00 EDT
      '2026-03-10T13:00:00.000Z',
    ]);
  });
});

describe('report slots', () => {
  it('weekly: Monday 08:00 for the previous Mon–Sun, labelled by ISO week', () => {
    const [slot] = slotsBetween(china, DEFAULTS, 'weekly', cst('2026-03-08 00:00'), cst('2026-03-09 09:00'));
    expect(slot.label).toBe('2026-W10');
    expect(wall(slot.at)).toBe('2026-03-09 08:00');
    expect(wall(slot.start)).toBe('2026-03-02 00:00');
    expect(wall(slot.end)).toBe('2026-03-09 00:00');
  });

  it('monthly: the 1st 08:00 for the previous month, January covering December', () => {
    const slots = slotsBetween(china, DEFAULTS, 'monthly', cst('2025-12-15 00:00'), cst('2026-02-01 09:00'));
    expect(slots.map((slot) => slot.label)).toEqual(['2025-12', '2026-01']);
    expect(wall(slots[0].start)).toBe('2025-12-01 00:00');
    expect(wall(slots[0].end)).toBe('2026-01-01 00:00');
  });

  it('missed weeks are each caught up once, at most four', () => {
    const due = dueSlots(china, DEFAULTS, 'weekly', cst('2026-01-01 00:00'), cst('2026-03-10 12:00'));
    expect(due.map((slot) => slot.label)).toEqual(['2026-W07', '2026-W08', '2026-W09', '2026-W10']);
  });

  it('honours another weekday and day of month', () => {
    const [weekly] = slotsBetween(
      china,
      { ...DEFAULTS, weeklyReportWeekday: 2 },
      'weekly',
      cst('2026-03-09 00:00'),
      cst('2026-03-10 09:00'),
    );
    expect(wall(weekly.at)).toBe('2026-03-10 08:00');
    expect(weekly.label).toBe('2026-W10');
    const [monthly] = slotsBetween(
      china,
      { ...DEFAULTS, monthlyReportDay: 5, monthlyReportHour: 9 },
      'monthly',
      cst('2026-03-01 00:00'),
      cst('2026-03-31 00:00'),
    );
    expect(wall(monthly.at)).toBe('2026-03-05 09:00');
    expect(monthly.label).toBe('2026-02');
  });

  it('quarterly and annual: with the monthly report of the month that starts a quarter or a year', () => {
    const after = cst('2025-12-15 00:00');
    const now = cst('2026-07-01 09:00');
    const quarters = slotsBetween(china, DEFAULTS, 'quarterly', after, now);
    // The 93-day lookback keeps only slots of the last three months: 2026-04-01 and 2026-07-01.
    expect(quarters.map((slot) => slot.label)).toEqual(['2026-Q1', '2026-Q2']);
    expect(wall(quarters[1].at)).toBe('2026-07-01 08:00');
    expect(wall(quarters[1].start)).toBe('2026-04-01 00:00');
    expect(wall(quarters[1].end)).toBe('2026-07-01 00:00');
    const [year] = slotsBetween(china, DEFAULTS, 'annual', after, cst('2026-01-01 09:00'));
    expect(year.label).toBe('2025');
    expect(wall(year.start)).toBe('2025-01-01 00:00');
    expect(wall(year.end)).toBe('2026-01-01 00:00');
    expect(slotsBetween(china, DEFAULTS, 'annual', cst('2026-01-02 00:00'), now)).toEqual([]);
    // A missed quarter is caught up once, as the latest.
    const due = dueSlots(china, DEFAULTS, 'quarterly', after, now);
    expect(due.map((slot) => slot.label)).toEqual(['2026-Q2']);
    // Another day of month moves them with the monthly report.
    const [moved] = slotsBetween(
      china,
      { ...DEFAULTS, monthlyReportDay: 5, monthlyReportHour: 9 },
      'quarterly',
      cst('2026-09-30 00:00'),
      cst('2026-10-31 00:00'),
    );
    expect(wall(moved.at)).toBe('2026-10-05 09:00');
    expect(moved.label).toBe('2026-Q3');
  });

  it('ISO week labels at year ends', () => {
    expect(isoWeekLabel(dayNumberOf(2025, 12, 29))).toBe('2026-W01');
    expect(isoWeekLabel(dayNumberOf(2027, 1, 4))).toBe('2027-W01');
    expect(isoWeekLabel(dayNumberOf(2026, 12, 28))).toBe('2026-W53');
  });
});

describe('budget', () => {
  it('is exhausted once the limit has passed on the given clock', () => {
    let now = 1_000;
    const budget = new Budget(() => now, 1_000, 270_000);
    expect(budget.exhausted()).toBe(false);
    now += 269_999;
    expect(budget.exhausted()).toBe(false);
    now += 1;
    expect(budget.exhausted()).toBe(true);
  });
});

describe('callback window progression', () => {
  const open = new Date(cst('2026-03-02 10:00'));
  const due = new Date(cst('2026-03-16 10:00'));
  it('waiting → due → overdue with time', () => {
    expect(callbackStateAt({ state: 'waiting', open, due }, new Date(cst('2026-03-02 09:00')))).toBe(
      'waiting',
    );
    expect(callbackStateAt({ state: 'waiting', open, due }, new Date(cst('2026-03-02 10:00')))).toBe('due');
    expect(callbackStateAt({ state: 'due', open, due }, new Date(cst('2026-03-16 10:01')))).toBe('overdue');
  });
  it('leaves done, unreachable, invalid, not required and empty states alone', () => {
    const late = new Date(cst('2026-04-01 10:00'));
    for (const state of ['done', 'unreachable', 'invalid', 'notRequired', ''] as const) {
      expect(callbackStateAt({ state, open, due }, late)).toBe(state);
    }
  });
});
