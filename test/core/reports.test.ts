import { createCalendar, defaultCalendarConfig } from '../../src/core/calendar';
import {
  buildReport,
  lastCompletedPeriod,
  periodContaining,
  previousPeriod,
  type ReportModel,
  type ReportNote,
  type ReportPeriod,
  type ReportSection,
  type ReportTicket,
} from '../../src/core/reports';
import {
  defaultTargets,
  parseDayBounds,
  parsePercentTarget,
  parseTargets,
} from '../../src/core/settings/targets';
import { bothLanguages } from '../../src/i18n';
import { showIssues } from '../../src/jobs/settings';
import { china, cst, plainCalendar } from './calendar-helpers';
import { callbacksOf, ticket, weekFixture } from './reports-fixtures';

const zone = china.zone;

function report(tickets: ReportTicket[], period: ReportPeriod, now: number, calendar = china): ReportModel {
  return buildReport({
    tickets,
    callbacks: callbacksOf(tickets),
    managers: ['Wang Min'],
    period,
    previous: previousPeriod(calendar.zone, period),
    calendar,
    targets: defaultTargets(),
    now,
  });
}

function section(model: ReportModel, id: string): ReportSection {
  const found = model.sections.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no section ${id}`);
  return found;
}

/** Rows with labels reduced to their keys, for readable expectations. */
function plain(rows: ReportSection['rows']): unknown[][] {
  return rows.map((row) =>
    row.map((cell) =>
      cell !== null && typeof cell === 'object' && !(cell instanceof Date) ? cell.key : cell,
    ),
  );
}

describe('report periods', () => {
  it('labels ISO weeks and months in the spreadsheet zone: Mon 2026-11-16 is 2026-W47', () => {
    const week = periodContaining('weekly', zone, cst('2026-11-18T12:00'));
    expect(week.label).toBe('2026-W47');
    expect(week.start.toISOString()).toBe('2026-11-15T16:00:00.000Z');
    expect(week.end.toISOString()).toBe('2026-11-22T16:00:00.000Z');
    expect(periodContaining('monthly', zone, cst('2026-11-30T23:59')).label).toBe('2026-11');
  });

  it('the last completed period is the previous Mon–Sun or the previous month', () => {
    expect(lastCompletedPeriod('weekly', zone, cst('2026-11-23T08:00')).label).toBe('2026-W47');
    expect(lastCompletedPeriod('monthly', zone, cst('2026-12-01T08:00')).label).toBe('2026-11');
    expect(lastCompletedPeriod('monthly', zone, cst('2026-01-01T08:00')).label).toBe('2025-12');
  });

  it('ISO years: Mon 2026-12-28 starts 2026-W53, Mon 2025-12-29 starts 2026-W01', () => {
    expect(periodContaining('weekly', zone, cst('2027-01-01T10:00')).label).toBe('2026-W53');
    expect(periodContaining('weekly', zone, cst('2025-12-31T10:00')).label).toBe('2026-W01');
  });

  it('a week across a DST change still runs from local Monday midnight to the next', () => {
    const ny = plainCalendar('America/New_York').zone;
    const week = periodContaining('weekly', ny, Date.parse('2026-03-10T12:00:00Z'));
    expect(week.start.toISOString()).toBe('2026-03-09T04:00:00.000Z');
    const before = previousPeriod(ny, week);
    expect(before.start.toISOString()).toBe('2026-03-02T05:00:00.000Z');
    expect(before.end.getTime() - before.start.getTime()).toBe(7 * 86_400_000 - 3_600_000);
  });
});

describe('report aggregation on a hand-made week (2026-W47)', () => {
  const week = periodContaining('weekly', zone, cst('2026-11-18T12:00'));
  const model = report(weekFixture(), week, cst('2026-11-23T08:00'));

  it('KPIs against the seed targets (seed 003 L359–360) with change vs W46', () => {
    expect(plain(section(model, 'kpis').rows)).toEqual([
      // A on time, B late → 1 of 2; W46: D on time → 100 %.
      [
        'reports.kpi.complaintTimeliness',
        0.5,
        'reports.target.atLeast',
        'reports.status.missed',
        1,
        -50,
        'reports.kpi.basis',
      ],
      [
        'reports.kpi.repairTimeliness',
        1,
        'reports.target.atLeast',
        'reports.status.met',
        null,
        null,
        'reports.kpi.basis',
      ],
      // Repairs only (seed 003 L359 2.1.3): E unreachable → 0 of 1 (A and G are not repairs).
      [
        'reports.kpi.callbackRate',
        0,
        'reports.target.atLeast',
        'reports.status.missed',
        null,
        null,
        'reports.kpi.basis',
      ],
      // Resolved in the week: A, B, E, G; G had been reopened → 1 of 4.
      [
        'reports.kpi.reworkRate',
        0.25,
        'reports.target.atMost',
        'reports.status.missed',
        0,
        25,
        'reports.kpi.basis',
      ],
      // Scores 5 (A) and 3 (G): satisfied = 4–5 → 1 of 2.
      [
        'reports.kpi.satisfactionRate',
        0.5,
        'reports.target.atLeast',
        'reports.status.missed',
        null,
        null,
        'reports.kpi.basis',
      ],
    ]);
    expect(section(model, 'kpis').tones).toEqual(['bad', 'good', 'bad', 'bad', 'bad']);
    expect(section(model, 'kpis').rows[0][2]).toEqual({
      key: 'reports.target.atLeast',
      params: { target: 100 },
    });
    expect(section(model, 'kpis').rows[3][6]).toEqual({
      key: 'reports.kpi.basis',
      params: { part: 1, whole: 4 },
    });
  });

  it('volume by type, channel, category and department counts tickets received in the week', () => {
    expect(plain(section(model, 'volumeByType').rows)).toEqual([
      ['enum.ticketType.complaint', 4, 4 / 6],
      ['enum.ticketType.inquiry', 0, 0],
      ['enum.ticketType.suggestion', 1, 1 / 6],
      ['enum.ticketType.repair', 1, 1 / 6],
      ['enum.ticketType.praise', 0, 0],
    ]);
    expect(plain(section(model, 'volumeByChannel').rows).slice(0, 3)).toEqual([
      ['enum.channel.phone', 4, 4 / 6],
      ['enum.channel.walkIn', 1, 1 / 6],
      ['enum.channel.email', 1, 1 / 6],
    ]);
    expect(section(model, 'volumeByCategory').rows).toEqual([
      ['Plumbing', 5, 5 / 6],
      ['Noise', 1, 1 / 6],
    ]);
    expect(section(model, 'volumeByDepartment').rows).toEqual([
      ['Engineering', 5, 5 / 6],
      ['Security', 1, 1 / 6],
    ]);
  });

  it('daily trend: received and resolved per local day', () => {
    const rows = section(model, 'dailyTrend').rows;
    expect(rows).toHaveLength(7);
    expect((rows[0][0] as Date).toISOString()).toBe('2026-11-15T16:00:00.000Z');
    expect(rows.map((row) => [row[1], row[2]])).toEqual([
      [3, 0], // Mon: A, E, G
      [1, 1], // Tue: B received, E resolved
      [1, 2], // Wed: C received; A and G resolved
      [0, 0],
      [1, 0], // Fri: H
      [0, 1], // Sat: B resolved
      [0, 0],
    ]);
  });

  it('SLA attainment per stage; stages without a deadline do not count', () => {
    expect(plain(section(model, 'slaAttainment').rows)).toEqual([
      ['reports.stage.ack', 0, 1, 0, 1], // H missed its ack deadline
      ['reports.stage.transfer', null, 0, 0, 0],
      ['reports.stage.feedback', null, 0, 0, 0],
      ['reports.stage.resolve', 2 / 3, 3, 2, 1], // A, E on time; B late
    ]);
  });

  it('backlog by age and the overdue list as of the end of the week, lateness in working days', () => {
    expect(plain(section(model, 'backlogByAge').rows)).toEqual([
      ['reports.bucket.under', 0, 0],
      ['reports.bucket.between', 1, 1], // H, 2.6 days, overdue
      ['reports.bucket.between', 1, 0], // C, 4.4 days
      ['reports.bucket.between', 0, 0],
      ['reports.bucket.over', 0, 0],
    ]);
    const overdue = section(model, 'overdue');
    expect(overdue.rows).toHaveLength(1);
    const [id, , , owner, , stage, due, late] = overdue.rows[0];
    expect([id, owner, stage]).toEqual([
      'CMP-2026-00013',
      { key: 'reports.value.unassigned' },
      { key: 'reports.stage.ack' },
    ]);
    expect(due).toEqual(new Date(cst('2026-11-20T14:00')));
    // Fri 14:00–18:00 is 4 business hours of an 8-hour day; the weekend does not count.
    expect(late).toBe(0.5);
  });

  it('Major and repeat complaints, with phones masked', () => {
    const rows = section(model, 'majorAndRepeat').rows;
    expect(rows.map((row) => [row[0], row[3], row[8]])).toEqual([
      ['CMP-2026-00011', '', '138****1234'],
      ['CMP-2026-00013', 'CMP-2026-00001', '139****5432'],
    ]);
  });

  it('callback statistics and the satisfaction distribution', () => {
    expect(section(model, 'callbacks').rows).toEqual([[3, 2, 2, 0, 1, 2 / 3]]);
    expect(plain(section(model, 'satisfaction').rows)).toEqual([
      ['reports.score.5', 1, 0.5],
      ['reports.score.4', 0, 0],
      ['reports.score.3', 1, 0.5],
      ['reports.score.2', 0, 0],
      ['reports.score.1', 0, 0],
    ]);
  });

  it('per-staff table: handled, on-time share of resolve deadlines, satisfaction', () => {
    expect(section(model, 'staff').rows).toEqual([
      ['Zhang Wei', 3, 0.5, 0.5, 2],
      ['Zhou Lei', 1, 1, null, 0],
    ]);
  });

  it('has data and no holiday warning (2026 is covered)', () => {
    expect(model.hasData).toBe(true);
    expect(model.notices).toEqual([]);
    expect(model.workingDays).toBe(5);
  });
});

describe('edge cases', () => {
  it('an empty period says "no data" and still has every section', () => {
    const week = periodContaining('weekly', zone, cst('2026-11-18T12:00'));
    const model = report([], week, cst('2026-11-23T08:00'));
    expect(model.hasData).toBe(false);
    expect(model.notices).toEqual([{ key: 'reports.notice.noData' }]);
    // 13 tables + service figures, departments, persons complained about, audits, inspections and
    // details (a weekly report has no assessment section).
    expect(model.sections.map((s) => s.id)).toEqual([
      'kpis',
      'service',
      'departments',
      'volumeByType',
      'volumeByChannel',
      'volumeByCategory',
      'volumeByDepartment',
      'dailyTrend',
      'slaAttainment',
      'backlogByAge',
      'overdue',
      'majorAndRepeat',
      'carriedOver',
      'complained',
      'callbacks',
      'satisfaction',
      'staff',
      'audits',
      'inspections',
      'kpiDetails',
    ]);
    expect(section(model, 'kpis').tones).toEqual(['none', 'none', 'none', 'none', 'none']);
    expect(section(model, 'kpis').rows.every((row) => row[1] === null && row[5] === null)).toBe(true);
    expect(section(model, 'overdue').rows).toEqual([]);
    expect(section(model, 'volumeByType').rows.every((row) => row[1] === 0 && row[2] === null)).toBe(true);
  });

  it('a week spanning National Day 2025 (W40): 2 working days; holidays do not count as late', () => {
    const week = periodContaining('weekly', zone, cst('2025-10-01T12:00'));
    expect(week.label).toBe('2025-W40');
    const late = ticket({
      id: 'CMP-2025-00100',
      receivedAt: cst('2025-09-29T17:00'),
      ackDue: cst('2025-09-30T17:00'),
    });
    // Received Tue 17:30, 3 wd → Sat 2025-10-11 17:30 (调休 working day): not due within the week.
    const notDue = ticket({
      id: 'CMP-2025-00101',
      receivedAt: cst('2025-09-30T17:30'),
      resolveDue: cst('2025-10-11T17:30'),
    });
    const model = report([late, notDue], week, cst('2025-10-13T08:00'));
    expect(model.workingDays).toBe(2);
    const overdue = section(model, 'overdue').rows;
    expect(overdue.map((row) => row[0])).toEqual(['CMP-2025-00100']);
    // Tue 17:00–18:00 = 1 business hour; Oct 1–5 are holidays → 1/8 of a working day by Mon 00:00.
    expect(overdue[0][7]).toBe(0.125);
    expect(plain(section(model, 'slaAttainment').rows)[3]).toEqual(['reports.stage.resolve', null, 0, 0, 0]);
  });

  it('warns when the calendar has no holiday data for the period’s year', () => {
    const noHolidays = createCalendar({ ...defaultCalendarConfig(), holidays: new Map() });
    const month = periodContaining('monthly', noHolidays.zone, cst('2026-11-10T12:00'));
    const model = report(weekFixture(), month, cst('2026-12-01T08:00'), noHolidays);
    expect(model.notices).toEqual([{ key: 'reports.notice.noHolidayData', params: { years: '2026' } }]);
    expect(section(model, 'dailyTrend').rows).toHaveLength(30);
  });

  it('an inquiry answered on the spot (Resolved, no Ack at typed) met its ack deadline, as the sweep says', () => {
    const week = periodContaining('weekly', zone, cst('2026-11-18T12:00'));
    const onTheSpot = ticket({
      id: 'INQ-1',
      type: 'inquiry',
      status: 'closed',
      receivedAt: cst('2026-11-17T10:00'),
      ackDue: cst('2026-11-18T10:00'),
      resolveDue: cst('2026-11-18T10:00'),
      resolveAt: cst('2026-11-17T10:05'),
    });
    const model = report([onTheSpot], week, cst('2026-11-23T09:00'));
    expect(plain(section(model, 'slaAttainment').rows)[0]).toEqual(['reports.stage.ack', 1, 1, 1, 0]);
  });

  it('a period still running is cut at now: nothing after now counts yet', () => {
    const week = periodContaining('weekly', zone, cst('2026-11-18T12:00'));
    const model = report(weekFixture(), week, cst('2026-11-18T12:00'));
    // By Wed noon only E (Tue) has a known resolve outcome.
    expect(plain(section(model, 'slaAttainment').rows)[3]).toEqual(['reports.stage.resolve', 1, 1, 1, 0]);
    expect(model.asOf.getTime()).toBe(cst('2026-11-18T12:00'));
  });

  it('long lists are complete in the sheet; the email shows the first ⚙ Targets listLimit rows', () => {
    const week = periodContaining('weekly', zone, cst('2026-11-18T12:00'));
    const many = Array.from({ length: 60 }, (_, i) =>
      ticket({
        id: `CMP-2026-${String(i).padStart(5, '0')}`,
        receivedAt: cst('2026-11-16T10:00'),
        severity: 'major',
      }),
    );
    const model = report(many, week, cst('2026-11-23T08:00'));
    expect(section(model, 'majorAndRepeat').rows).toHaveLength(60);
    expect(section(model, 'majorAndRepeat').mailRows).toBe(10);
  });
});

describe('the monthly report is a real month', () => {
  it('has a weekly trend: each ISO week touching the month, received, resolved and resolve deadlines met', () => {
    const month = periodContaining('monthly', zone, cst('2026-11-18T12:00'));
    const model = report(weekFixture(), month, cst('2026-12-01T08:00'));
    const rows = section(model, 'weeklyTrend').rows;
    expect(rows.map((row) => row[0])).toEqual([
      '2026-W44',
      '2026-W45',
      '2026-W46',
      '2026-W47',
      '2026-W48',
      '2026-W49',
    ]);
    // W46: D received and resolved on time; W47: six received, A E G B resolved (B late).
    expect(rows[2]).toEqual(['2026-W46', 1, 1, 1]);
    expect(rows[3].slice(0, 3)).toEqual(['2026-W47', 6, 4]);
    expect(model.sections.some((s) => s.id === 'assessment')).toBe(true);
    const week = report(
      weekFixture(),
      periodContaining('weekly', zone, cst('2026-11-18T12:00')),
      cst('2026-11-23T08:00'),
    );
    expect(week.sections.some((s) => s.id === 'weeklyTrend' || s.id === 'assessment')).toBe(false);
  });
});

describe('⚙ Targets parsing', () => {
  it('defaults are the seed targets: 100, 100, 85, ≤ 1, 90 (seed 003 L359–360)', () => {
    const targets = defaultTargets();
    expect([
      targets.complaintTimeliness,
      targets.repairTimeliness,
      targets.callbackRate,
      targets.reworkRate,
      targets.satisfactionRate,
    ]).toEqual([100, 100, 85, 1, 90]);
    expect(targets.backlogAgeDays).toEqual([1, 3, 7, 14]);
  });

  it('reads 85, "85%" and a percent-formatted 0.85 alike; a bad value keeps the default and is reported', () => {
    expect([
      parsePercentTarget(85),
      parsePercentTarget('85%'),
      parsePercentTarget(0.85),
      parsePercentTarget('abc'),
    ]).toEqual([85, 85, 85, null]);
    expect(parseDayBounds('2, 5, 10')).toEqual([2, 5, 10]);
    expect(parseDayBounds('5, 2')).toBeNull();
    const parsed = parseTargets(
      [
        { row: 2, values: { key: 'callbackRate', value: '80 %' } },
        { row: 3, values: { key: 'satisfactionRate', value: 'lots' } },
      ],
      bothLanguages,
    );
    expect(parsed.value.callbackRate).toBe(80);
    expect(parsed.value.satisfactionRate).toBe(90);
    expect(showIssues('en', parsed.issues)).toEqual([
      expect.objectContaining({ sheet: '⚙ Targets', row: 3 }),
    ]);
  });
});

describe('quarterly and annual reports', () => {
  it('a quarter trends per month and has no daily trend; months of a year are twelve', () => {
    const quarter = periodContaining('quarterly', zone, cst('2026-11-18T12:00'));
    expect(quarter.label).toBe('2026-Q4');
    expect(quarter.start.getTime()).toBe(cst('2026-10-01T00:00'));
    expect(quarter.end.getTime()).toBe(cst('2027-01-01T00:00'));
    expect(previousPeriod(zone, quarter).label).toBe('2026-Q3');
    const model = report(weekFixture(), quarter, cst('2027-01-01T08:00'));
    expect(model.sections.some((s) => s.id === 'dailyTrend' || s.id === 'weeklyTrend')).toBe(false);
    const rows = section(model, 'monthlyTrend').rows;
    expect(rows.map((row) => row[0])).toEqual(['2026-10', '2026-11', '2026-12']);
    // The fixture's tickets are all in November: W46 D and W47's six, four of them resolved.
    expect(rows[1].slice(0, 3)).toEqual(['2026-11', 7, 5]);
    expect(rows[0].slice(0, 3)).toEqual(['2026-10', 0, 0]);
    const year = periodContaining('annual', zone, cst('2026-11-18T12:00'));
    expect(year.label).toBe('2026');
    expect(previousPeriod(zone, year).label).toBe('2025');
    expect(year.start.getTime()).toBe(cst('2026-01-01T00:00'));
    expect(year.end.getTime()).toBe(cst('2027-01-01T00:00'));
    const annual = report(weekFixture(), year, cst('2027-01-01T08:00'));
    expect(section(annual, 'monthlyTrend').rows).toHaveLength(12);
    expect(annual.sections.some((s) => s.id === 'assessment')).toBe(false);
  });
});

describe('carried-over complaints', () => {
  it('lists complaints open when the period began with what became of them by the cut-off', () => {
    const week = periodContaining('weekly', zone, cst('2026-11-18T12:00'));
    const tickets = [
      // Received the week before, resolved on Tue of this week.
      ticket({
        id: 'CMP-2026-00001',
        receivedAt: cst('2026-11-10T10:00'),
        status: 'resolved',
        resolveDue: cst('2026-11-13T10:00'),
        resolveAt: cst('2026-11-17T16:00'),
      }),
      // Received three weeks before, still open, its resolve deadline passed Fri 11-20 10:00.
      ticket({
        id: 'CMP-2026-00002',
        receivedAt: cst('2026-10-27T09:00'),
        status: 'inProgress',
        assignee: '',
        resolveDue: cst('2026-11-20T10:00'),
      }),
      // Still open, not yet due.
      ticket({
        id: 'CMP-2026-00003',
        receivedAt: cst('2026-11-13T09:00'),
        resolveDue: cst('2026-12-01T09:00'),
      }),
      // Resolved before the week began: not carried over. A repair still open: not a complaint.
      ticket({
        id: 'CMP-2026-00004',
        receivedAt: cst('2026-11-09T09:00'),
        status: 'closed',
        resolveAt: cst('2026-11-12T09:00'),
      }),
      ticket({ id: 'REP-2026-00001', type: 'repair', receivedAt: cst('2026-11-09T09:00') }),
      // Received in the week: new, not carried over.
      ticket({ id: 'CMP-2026-00005', receivedAt: cst('2026-11-16T09:00') }),
    ];
    const model = report(tickets, week, cst('2026-11-23T08:00'));
    const raw = section(model, 'carriedOver').rows;
    const rows = plain(raw);
    expect(rows.map((row) => row[0])).toEqual(['CMP-2026-00002', 'CMP-2026-00001', 'CMP-2026-00003']);
    // 00002: open 26 whole calendar days at the cut-off (Mon 11-23 08:00); its resolve deadline passed on
    // Fri 11-20 10:00, so it is overdue by that Friday's remaining working hours.
    expect(rows[0].slice(2, 8)).toEqual([
      26,
      'Plumbing',
      'Engineering',
      'reports.value.unassigned',
      'reports.carried.overdue',
      'reports.stage.resolve',
    ]);
    expect(rows[0][8]).toBeGreaterThan(0);
    expect(rows[0][8]).toBeLessThan(1);
    expect(rows[1][2]).toBe(7);
    expect(raw[1][6]).toEqual({ key: 'reports.carried.resolved', params: { day: '2026-11-17' } });
    expect(rows[1][8]).toBeNull();
    expect(rows[2][6]).toBe('reports.carried.open');
    expect(rows[2][8]).toBeNull();
  });
});

describe("the manager's notes", () => {
  const week = periodContaining('weekly', zone, cst('2026-11-18T12:00'));
  const build = (notes: ReportNote[] | undefined) =>
    buildReport({
      tickets: weekFixture(),
      callbacks: [],
      managers: ['Wang Min'],
      period: week,
      previous: previousPeriod(zone, week),
      calendar: china,
      targets: defaultTargets(),
      now: cst('2026-11-23T08:00'),
      notes,
    });
  const note = (overrides: Partial<ReportNote>): ReportNote => ({
    report: '2026-W47',
    problems: '',
    plan: '',
    coordinate: '',
    writtenBy: '',
    ...overrides,
  });

  it("shows this period's problems, plan and issues to coordinate, line by line, in the sheet and the mail", () => {
    const model = build([
      note({
        problems: 'Two lift complaints not closed\n\nCallback rate below target',
        plan: 'Daily lift check',
      }),
      note({ report: '2026-W46', problems: 'last week: not shown' }),
      note({ report: '2026-w47 ', coordinate: 'Engineering to staff the weekend', writtenBy: 'Wang Min' }),
    ]);
    const notes = section(model, 'managerNotes');
    expect(plain(notes.rows)).toEqual([
      ['reports.notes.problems'],
      ['Two lift complaints not closed'],
      ['Callback rate below target'],
      ['reports.notes.plan'],
      ['Daily lift check'],
      ['reports.notes.coordinate'],
      ['Engineering to staff the weekend (Wang Min)'],
    ]);
    expect(notes.mailRows).toBe(7);
  });

  it('says where to write them when there are none; no section on a desk without the sheet', () => {
    expect(section(build([]), 'managerNotes').rows).toEqual([
      [{ key: 'reports.notes.none', params: { period: '2026-W47' } }],
    ]);
    expect(build(undefined).sections.some((s) => s.id === 'managerNotes')).toBe(false);
  });
});
