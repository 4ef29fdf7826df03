import fc from 'fast-check';
import {
  addBusinessTime,
  addDuration,
  type BusinessCalendar,
  businessTimeBetween,
} from '../../src/core/calendar';
import { china, HOUR, plainCalendar } from './calendar-helpers';

const calendars: Array<[string, BusinessCalendar]> = [
  ['Asia/Shanghai with China holidays', china],
  ['America/New_York', plainCalendar('America/New_York')],
  ['Europe/London', plainCalendar('Europe/London')],
];
const instant = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2026, 11, 1) });
const minutes = fc.integer({ min: 0, max: 60 * 80 });

/** Due dates may sit at closing time, so "in working time" includes each interval's end. */
function withinWorkingHours(cal: BusinessCalendar, at: number): boolean {
  const { intervals } = cal.dayAt(at);
  for (let i = 0; i < intervals.length; i += 2) if (at >= intervals[i] && at <= intervals[i + 1]) return true;
  const previous = cal.dayAt(at - 1).intervals; // 18:00 exactly belongs to the day that closes then
  return previous.length > 0 && previous[previous.length - 1] === at;
}

describe.each(calendars)('%s', (_, cal) => {
  test('due ≥ start for every unit', () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 0, max: 30 }),
        fc.constantFrom('bh', 'wd', 'h', 'd'),
        (start, amount, unit) => {
          const due = addDuration(cal, start, { amount, unit: unit as 'bh' | 'wd' | 'h' | 'd' });
          return due >= start;
        },
      ),
    );
  });
  test('bh is additive: add(add(s, a), b) = add(s, a + b)', () => {
    fc.assert(
      fc.property(instant, minutes, minutes, (start, a, b) => {
        const step = addBusinessTime(cal, addBusinessTime(cal, start, a * 60_000), b * 60_000);
        return step === addBusinessTime(cal, start, (a + b) * 60_000);
      }),
    );
  });
  test('businessTimeBetween(start, add(start, n bh)) = n', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 100 }), (start, hours) => {
        const due = addDuration(cal, start, { amount: hours, unit: 'bh' });
        return businessTimeBetween(cal, start, due) === hours * HOUR;
      }),
    );
  });
  test('bh and wd due dates land in working hours; wd is monotonic in N', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 20 }), (start, amount) => {
        const byHours = addDuration(cal, start, { amount, unit: 'bh' });
        const byDays = addDuration(cal, start, { amount, unit: 'wd' });
        const nextDays = addDuration(cal, start, { amount: amount + 1, unit: 'wd' });
        return withinWorkingHours(cal, byHours) && withinWorkingHours(cal, byDays) && nextDays > byDays;
      }),
    );
  });
});
