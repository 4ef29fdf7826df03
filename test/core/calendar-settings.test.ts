import {
  defaultCalendarRows,
  defaultHolidayRows,
  holidayCoverage,
  isWorkingTime,
  parseCalendarSettings,
} from '../../src/core/calendar';
import type { CellValue, KeyedRow } from '../../src/core/cells';
import { showIssues } from '../../src/jobs/settings';
import { cst } from './calendar-helpers';

const rowsOf = (values: Array<Record<string, CellValue>>, first = 2): KeyedRow[] =>
  values.map((v, i) => ({ row: first + i, values: v }));

describe('parseCalendarSettings', () => {
  test('the default rows parse back to the defaults without issues', () => {
    const { calendar, issues } = parseCalendarSettings(
      rowsOf(defaultCalendarRows()),
      rowsOf(defaultHolidayRows()),
      'Asia/Shanghai',
    );
    expect(issues).toEqual([]);
    expect(calendar.config).toMatchObject({
      dayStart: 540,
      dayEnd: 1080,
      lunchStart: 720,
      lunchEnd: 780,
      atRiskPercent: 75,
    });
    expect(calendar.config.workingWeekdays).toEqual([1, 2, 3, 4, 5]);
    expect(holidayCoverage(calendar)).toEqual(expect.arrayContaining([2025, 2026]));
    expect(isWorkingTime(calendar, cst('2026-02-14T10:00'))).toBe(true);
  });
  test('weekday lists, Chinese names, time cells and day fractions', () => {
    // Sheets' 08:30 time cell: 1899-12-30 08:30 in Shanghai local mean time (+08:05:43).
    const timeCell = new Date(Date.UTC(1899, 11, 30, 0, 24, 17));
    const { calendar, issues } = parseCalendarSettings(
      rowsOf([
        { key: 'workingDays', value: '周一至周六' },
        { key: 'dayStart', value: timeCell },
        { key: 'dayEnd', value: 17 / 24 },
        { key: 'lunchStart', value: '' },
        { key: 'lunchEnd', value: '' },
        { key: 'atRiskPercent', value: '80%' },
      ]),
      [],
      'Asia/Shanghai',
    );
    expect(issues).toEqual([]);
    expect(calendar.config).toMatchObject({
      workingWeekdays: [1, 2, 3, 4, 5, 6],
      dayStart: 510,
      dayEnd: 1020,
      atRiskPercent: 80,
    });
    expect(calendar.config.lunchStart).toBe(calendar.config.lunchEnd);
    expect(
      parseCalendarSettings(rowsOf([{ key: 'workingDays', value: '1-5' }]), [], 'UTC').calendar.config
        .workingWeekdays,
    ).toEqual([1, 2, 3, 4, 5]);
  });
  test('bad time, bad weekday list, bad percent, unknown key → issues with row numbers, defaults kept', () => {
    const { calendar, issues } = parseCalendarSettings(
      rowsOf([
        { key: 'workingDays', value: 'Mon,Funday' },
        { key: 'dayStart', value: '25:00' },
        { key: 'atRiskPercent', value: 'lots' },
        { key: 'colour', value: 'red' },
        { key: 'dayEnd', value: new Date(Number.NaN) },
      ]),
      [],
      'Asia/Shanghai',
    );
    expect(showIssues('en', issues).map((issue) => [issue.sheet, issue.row])).toEqual([
      ['⚙ Calendar', 2],
      ['⚙ Calendar', 3],
      ['⚙ Calendar', 4],
      ['⚙ Calendar', 5],
      ['⚙ Calendar', 6],
    ]);
    expect(showIssues('en', issues)[1].reason).toContain('25:00');
    expect(calendar.config).toMatchObject({
      workingWeekdays: [1, 2, 3, 4, 5],
      dayStart: 540,
      atRiskPercent: 75,
    });
  });
  test('hours out of order fall back to 09:00–18:00 with lunch 12:00–13:00', () => {
    const { calendar, issues } = parseCalendarSettings(
      rowsOf([{ key: 'dayStart', value: '19:00' }]),
      [],
      'Asia/Shanghai',
    );
    expect(issues).toHaveLength(1);
    expect(issues[0].row).toBe(2);
    expect(calendar.config).toMatchObject({ dayStart: 540, dayEnd: 1080 });
  });
  test('bad dates and unknown kinds are skipped with their row; good rows kept', () => {
    const { calendar, issues } = parseCalendarSettings(
      [],
      rowsOf([
        { date: '2027-02-30', kind: 'holiday', name: 'x' },
        { date: 'soon', kind: 'holiday', name: 'x' },
        { date: '2027-10-01', kind: 'party', name: 'x' },
        { date: new Date(Date.parse('2027-10-01T00:00:00+08:00')), kind: 'holiday', name: 'National Day' },
        { date: '2027/10/01', kind: 'holiday', name: 'again' },
      ]),
      'Asia/Shanghai',
    );
    expect(showIssues('en', issues).map((issue) => [issue.sheet, issue.row])).toEqual([
      ['⚙ Holidays', 2],
      ['⚙ Holidays', 3],
      ['⚙ Holidays', 4],
      ['⚙ Holidays', 6],
    ]);
    expect([...calendar.config.holidays.keys()]).toEqual(['2027-10-01']);
  });
  test('an unknown time zone is reported and Asia/Shanghai used', () => {
    const { calendar, issues } = parseCalendarSettings([], [], 'Mars/Olympus');
    expect(calendar.config.timeZone).toBe('Asia/Shanghai');
    expect(issues).toHaveLength(1);
  });
});
