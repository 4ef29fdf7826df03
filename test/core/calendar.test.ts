import {
  addDuration,
  businessTimeBetween,
  chinaOfficialDays,
  createCalendar,
  defaultCalendarConfig,
  formatDuration,
  holidayCoverage,
  isWorkingTime,
  missingHolidayYears,
  nextWorkingInstant,
  parseDuration,
} from '../../src/core/calendar';
import { bothLanguages } from '../../src/i18n';
import { render } from '../../src/i18n/render';
import { china, cst, duration, HOUR, wall } from './calendar-helpers';

describe('default working hours 09:00–18:00 with lunch 12:00–13:00 (seed 000 L510)', () => {
  test('9 to 18 is 8 business hours on a working day', () => {
    expect(businessTimeBetween(china, cst('2025-09-22T00:00'), cst('2025-09-23T00:00'))).toBe(8 * HOUR);
  });
  test('lunch and evenings are not working time', () => {
    expect(isWorkingTime(china, cst('2025-09-22T08:59'))).toBe(false);
    expect(isWorkingTime(china, cst('2025-09-22T09:00'))).toBe(true);
    expect(isWorkingTime(china, cst('2025-09-22T12:00'))).toBe(false);
    expect(isWorkingTime(china, cst('2025-09-22T12:59'))).toBe(false);
    expect(isWorkingTime(china, cst('2025-09-22T13:00'))).toBe(true);
    expect(isWorkingTime(china, cst('2025-09-22T18:00'))).toBe(false);
  });
  test('next working instant skips lunch, nights and weekends', () => {
    expect(wall(nextWorkingInstant(china, cst('2025-09-22T12:30')))).toBe('2025-09-22 13:00');
    expect(wall(nextWorkingInstant(china, cst('2025-09-26T18:30')))).toBe('2025-09-28 09:00'); // Sun 28 is 调休
    expect(wall(nextWorkingInstant(china, cst('2025-09-22T10:15')))).toBe('2025-09-22 10:15');
  });
});

describe('China official schedule 2025 and 2026 (chinese-days)', () => {
  const days = new Map(chinaOfficialDays().map((day) => [day.date, day.kind]));
  const holidaysOf = (year: string) =>
    [...days].filter(([date, kind]) => date.startsWith(year) && kind === 'holiday').map(([date]) => date);
  const workdaysOf = (year: string) =>
    [...days].filter(([date, kind]) => date.startsWith(year) && kind === 'workday').map(([date]) => date);

  test('2025: 调休 working days match the State Council notice', () => {
    expect(workdaysOf('2025')).toEqual([
      '2025-01-26',
      '2025-02-08',
      '2025-04-27',
      '2025-09-28',
      '2025-10-11',
    ]);
    expect(holidaysOf('2025')).toEqual(
      expect.arrayContaining([
        '2025-01-01',
        '2025-01-28',
        '2025-02-04',
        '2025-05-05',
        '2025-05-31',
        '2025-10-01',
        '2025-10-08',
      ]),
    );
    expect(holidaysOf('2025')).toHaveLength(1 + 8 + 3 + 5 + 3 + 8);
  });
  test('2026: Spring Festival 02-15…02-23 with working Saturdays 02-14 and 02-28', () => {
    const spring = holidaysOf('2026').filter((date) => date >= '2026-02-01' && date < '2026-03-01');
    expect(spring).toEqual([15, 16, 17, 18, 19, 20, 21, 22, 23].map((day) => `2026-02-${day}`));
    expect(workdaysOf('2026')).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    expect(holidaysOf('2026')).toHaveLength(3 + 9 + 3 + 5 + 3 + 3 + 7);
  });
  test('coverage lists every year of data; 2027 is reported missing in 2026', () => {
    expect(holidayCoverage(china)).toContain(2025);
    expect(holidayCoverage(china)).toContain(2026);
    expect(missingHolidayYears(china, cst('2025-06-01T10:00'))).toEqual([]);
    expect(missingHolidayYears(china, cst('2026-06-01T10:00'))).toEqual([2027]);
    const empty = createCalendar({ ...defaultCalendarConfig(), holidays: new Map() });
    expect(missingHolidayYears(empty, cst('2026-12-31T23:30'))).toEqual([2026, 2027]);
  });
});

describe('arithmetic on the official schedule', () => {
  test('General complaint 2025-09-30 17:30 + 3 wd over National Day → Sat 2025-10-11 17:30 (make-up day)', () => {
    expect(wall(addDuration(china, cst('2025-09-30T17:30'), duration('3 wd')))).toBe('2025-10-11 17:30');
  });
  test('Major complaint received during lunch: 1 wd uses the 13:00 opening; 3 bh counts from 13:00', () => {
    expect(wall(addDuration(china, cst('2025-09-24T12:20'), duration('1 wd')))).toBe('2025-09-25 13:00');
    expect(wall(addDuration(china, cst('2025-09-24T12:20'), duration('3 bh')))).toBe('2025-09-24 16:00');
  });
  test('3 bh transfer starting at 17:00 finishes at 11:00 the next working day', () => {
    expect(wall(addDuration(china, cst('2025-09-24T17:00'), duration('3 bh')))).toBe('2025-09-25 11:00');
    // Friday before National Day: the next working time is Thursday 2025-10-09.
    expect(wall(addDuration(china, cst('2025-09-30T17:00'), duration('3 bh')))).toBe('2025-10-09 11:00');
  });
  test('7 wd repair over Spring Festival 2026 counts the 调休 Saturdays 02-14 and 02-28', () => {
    expect(wall(addDuration(china, cst('2026-02-12T10:00'), duration('7 wd')))).toBe('2026-02-28 10:00');
    expect(wall(addDuration(china, cst('2026-02-13T15:00'), duration('1 wd')))).toBe('2026-02-14 15:00');
  });
  test('1 wd / 3 wd / 7 wd resolve targets on ordinary weeks', () => {
    expect(wall(addDuration(china, cst('2025-09-22T10:00'), duration('1 wd')))).toBe('2025-09-23 10:00');
    expect(wall(addDuration(china, cst('2025-09-22T10:00'), duration('3 wd')))).toBe('2025-09-25 10:00');
    expect(wall(addDuration(china, cst('2025-11-03T10:00'), duration('7 wd')))).toBe('2025-11-12 10:00');
  });
  test('+N wd from outside working hours takes the next working instant’s clock time', () => {
    expect(wall(addDuration(china, cst('2025-09-23T20:00'), duration('1 wd')))).toBe('2025-09-25 09:00');
    expect(wall(addDuration(china, cst('2025-11-08T10:00'), duration('1 wd')))).toBe('2025-11-11 09:00');
    expect(wall(addDuration(china, cst('2025-11-08T10:00'), duration('0 wd')))).toBe('2025-11-10 09:00');
  });
  test('bh due at closing time stays at 18:00', () => {
    expect(wall(addDuration(china, cst('2025-09-22T09:00'), duration('8 bh')))).toBe('2025-09-22 18:00');
  });
  test('24 h, 48 h are wall clock; 3 d, 7 d, 14 d are calendar days', () => {
    expect(wall(addDuration(china, cst('2025-09-30T17:30'), duration('24 h')))).toBe('2025-10-01 17:30');
    expect(wall(addDuration(china, cst('2025-09-30T17:30'), duration('48 h')))).toBe('2025-10-02 17:30');
    expect(wall(addDuration(china, cst('2025-09-30T17:30'), duration('3 d')))).toBe('2025-10-03 17:30');
    expect(wall(addDuration(china, cst('2025-09-30T17:30'), duration('7 d')))).toBe('2025-10-07 17:30');
    expect(wall(addDuration(china, cst('2025-09-30T17:30'), duration('14 d')))).toBe('2025-10-14 17:30');
  });
  test('9–17 hours (seed 003 L152) are configurable', () => {
    const short = createCalendar({ ...defaultCalendarConfig(), dayEnd: 17 * 60 });
    expect(wall(addDuration(short, cst('2025-09-22T16:00'), duration('2 bh')))).toBe('2025-09-23 10:00');
  });
});

describe('durations', () => {
  test.each([
    ['3 bh', { amount: 3, unit: 'bh' }],
    ['1 wd', { amount: 1, unit: 'wd' }],
    ['24 h', { amount: 24, unit: 'h' }],
    ['7 d', { amount: 7, unit: 'd' }],
    ['3 工作小时', { amount: 3, unit: 'bh' }],
    ['1 工作日', { amount: 1, unit: 'wd' }],
    ['24 小时', { amount: 24, unit: 'h' }],
    ['7 天', { amount: 7, unit: 'd' }],
    ['1.5bh', { amount: 1.5, unit: 'bh' }],
    ['2 Working Days', { amount: 2, unit: 'wd' }],
    // Wall-clock minutes are kept as hours, so the arithmetic is the hours' own.
    ['15 min', { amount: 0.25, unit: 'h' }],
    ['30 minutes', { amount: 0.5, unit: 'h' }],
    ['15 分钟', { amount: 0.25, unit: 'h' }],
    ['90分钟', { amount: 1.5, unit: 'h' }],
    // An existing sheet that says it in hours reads the same.
    ['0.25 h', { amount: 0.25, unit: 'h' }],
    ['0.25 小时', { amount: 0.25, unit: 'h' }],
  ])('%s', (text, expected) => {
    expect(parseDuration(text, bothLanguages)).toEqual({ ok: true, duration: expected });
  });
  test.each(['', '—', '-', '  '])('"%s" is no target', (text) => {
    expect(parseDuration(text, bothLanguages)).toEqual({ ok: true, duration: null });
  });
  test.each([
    ['three days', 'badFormat'],
    ['3', 'badFormat'],
    ['3 weeks', 'badUnit'],
    ['1.5 wd', 'notWhole'],
    ['7.5 min', 'notWhole'],
    ['15 mn', 'badUnit'],
    ['-3 h', 'badFormat'],
  ])('"%s" is rejected (%s)', (text, error) => {
    expect(parseDuration(text, bothLanguages)).toEqual({ ok: false, error });
  });
  test('formats in both languages', () => {
    expect(render('en', formatDuration({ amount: 3, unit: 'bh' }))).toBe('3 bh');
    expect(render('zh-CN', formatDuration({ amount: 3, unit: 'wd' }))).toBe('3 工作日');
    expect(render('en', formatDuration(null))).toBe('—');
  });
  test('a wall-clock duration under an hour is shown in minutes, in both languages, and reads back', () => {
    for (const [amount, en, zh] of [
      [0.25, '15 min', '15 分钟'],
      [0.5, '30 min', '30 分钟'],
      [100 / 60, '100 min', '100 分钟'], // 1.666… h reads better in minutes
      [1.5, '1.5 h', '1.5 小时'],
      [4, '4 h', '4 小时'],
    ] as const) {
      const duration = { amount, unit: 'h' as const };
      expect(render('en', formatDuration(duration))).toBe(en);
      expect(render('zh-CN', formatDuration(duration))).toBe(zh);
      for (const text of [en, zh]) {
        const parsed = parseDuration(text, bothLanguages);
        expect(parsed.ok && parsed.duration?.unit).toBe('h');
        expect(parsed.ok && parsed.duration ? parsed.duration.amount : Number.NaN).toBeCloseTo(amount, 9);
      }
    }
    // Business hours keep their unit (a business minute is no unit of the policy).
    expect(render('en', formatDuration({ amount: 0.5, unit: 'bh' }))).toBe('0.5 bh');
  });
});
