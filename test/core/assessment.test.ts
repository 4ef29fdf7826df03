/** The monthly assessment's rules (core/assessment): every kind with its default numbers, ranking, flags. */
import fc from 'fast-check';
import {
  type AssessmentInput,
  type AssessmentRule,
  type AssessTicket,
  applyRule,
  assessMonth,
  parseAssessmentRules,
} from '../../src/core/assessment';
import type { CellValue, KeyedRow } from '../../src/core/cells';
import { DEFAULT_ASSESSMENT_RULES } from '../../src/core/merits';
import { parseGeneral } from '../../src/core/settings';
import { bothLanguages, t } from '../../src/i18n';
import { defaultGeneralRows } from '../../src/jobs/default-rows';
import { generalDefaults } from '../../src/jobs/settings';

const keyed = (records: readonly object[]): KeyedRow[] =>
  records.map((values, i) => ({ row: i + 2, values: { ...values } as Record<string, CellValue> }));

const MARCH = {
  label: '2026-03',
  start: Date.parse('2026-02-28T16:00:00Z'),
  end: Date.parse('2026-03-31T16:00:00Z'),
};
const IN_MARCH = Date.parse('2026-03-10T02:00:00Z');

/** The default ⚙ Assessment rules as setup writes them, read back by the parser. */
function defaultRules(registrationsOn = false): AssessmentRule[] {
  const rows: KeyedRow[] = DEFAULT_ASSESSMENT_RULES.map((rule, i) => ({
    row: i + 2,
    values: {
      rule: t('en', rule.rule),
      kind: t('en', `enum.assessmentKind.${rule.kind}`),
      metric: t('en', `enum.assessmentMetric.${rule.metric}`),
      points: rule.points ?? '',
      threshold: rule.threshold ?? '',
      target: rule.target ?? '',
      step: rule.step ?? '',
      upper: rule.upper ?? '',
      upperPoints: rule.upperPoints ?? '',
      lower: rule.lower ?? '',
      lowerPoints: rule.lowerPoints ?? '',
      scope: '',
      active: rule.metric === 'registrations' ? registrationsOn : rule.active,
    },
  }));
  const parsed = parseAssessmentRules(rows, bothLanguages);
  expect(parsed.issues).toEqual([]);
  return parsed.value;
}

function ticket(partial: Partial<AssessTicket> & { id: string }): AssessTicket {
  return {
    receivedAt: IN_MARCH,
    type: 'complaint',
    severity: 'general',
    channel: 'phone',
    category: '',
    department: '',
    assignee: 'Zhang Wei',
    receivedBy: 'Li Na',
    status: 'inProgress',
    phone: '',
    ackDue: null,
    ackAt: null,
    transferDue: null,
    transferAt: null,
    feedbackDue: null,
    feedbackAt: null,
    resolveDue: null,
    resolveAt: null,
    firstResolvedAt: null,
    firstResolveDue: null,
    callbackDue: null,
    callbackAt: null,
    callbackState: 'notRequired',
    satisfaction: null,
    repeatOf: '',
    reopenCount: 0,
    substantiated: '',
    personComplained: '',
    pausedMs: 0,
    ...partial,
  };
}

function input(partial: Partial<AssessmentInput>): AssessmentInput {
  return {
    month: MARCH,
    people: [
      { name: 'Zhang Wei', department: 'CS', role: 'staff' },
      { name: 'Liu Yang', department: 'CS', role: 'staff' },
    ],
    tickets: [],
    callbacks: [],
    audits: [],
    merits: [],
    rules: defaultRules(),
    base: 100,
    bands: { gradeA: 93, gradeB: 80, gradeC: 70 },
    lastPlaceBefore: new Set(),
    lastPlaceConsequence: 'Leave or change department',
    labels: bothLanguages,
    ...partial,
  };
}

function person(result: ReturnType<typeof assessMonth>, name: string) {
  const found = result.find((p) => p.staff === name);
  if (!found) throw new Error(name);
  return found;
}

const DAY = 86_400_000;

describe('the default rules', () => {
  it('−2 per own ticket that breached its resolve deadline, counted in the month the deadline passed (first resolution decides)', () => {
    const result = assessMonth(
      input({
        tickets: [
          ticket({ id: 'A', resolveDue: IN_MARCH }), // never resolved: breached at its due
          ticket({ id: 'B', firstResolvedAt: IN_MARCH + DAY, firstResolveDue: IN_MARCH, status: 'resolved' }),
          ticket({ id: 'C', firstResolvedAt: IN_MARCH, firstResolveDue: IN_MARCH + DAY, status: 'resolved' }), // on time
          ticket({ id: 'D', resolveDue: MARCH.end + DAY }), // due in April: not March's
          ticket({ id: 'E', resolveDue: IN_MARCH, status: 'cancelled' }),
          ticket({ id: 'F', resolveDue: IN_MARCH, assignee: 'Liu Yang' }),
        ],
      }),
    );
    const zhang = person(result, 'Zhang Wei');
    expect(zhang.metrics.resolveBreached).toMatchObject({ value: 2, points: -4, ids: ['A', 'B'] });
    expect(person(result, 'Liu Yang').metrics.resolveBreached.points).toBe(-2);
  });

  it('−1 per own callback missed (window closed without a done callback, including invalid and unreachable)', () => {
    const result = assessMonth(
      input({
        tickets: [
          ticket({ id: 'A', callbackDue: IN_MARCH, callbackState: 'overdue' }),
          ticket({ id: 'B', callbackDue: IN_MARCH, callbackState: 'invalid' }),
          ticket({ id: 'C', callbackDue: IN_MARCH + DAY, callbackAt: IN_MARCH, callbackState: 'done' }),
        ],
      }),
    );
    expect(person(result, 'Zhang Wei').metrics.callbackMissed).toMatchObject({
      value: 2,
      points: -2,
      ids: ['A', 'B'],
    });
  });

  it('−5 when own callback satisfaction is below 90 %: 9 of 10 satisfied (90 %) is not below, 8 of 9 (88.9 %) is', () => {
    const tickets = Array.from({ length: 10 }, (_, i) => ticket({ id: `T${i}` }));
    const scores = (low: number, count: number) =>
      tickets
        .slice(0, count)
        .map((t, i) => ({ ticketId: t.id, attemptNo: 1, at: IN_MARCH, satisfaction: i < low ? 3 : 5 }));
    const ninety = person(assessMonth(input({ tickets, callbacks: scores(1, 10) })), 'Zhang Wei');
    expect(ninety.metrics.satisfaction).toMatchObject({ value: 90, points: 0, ids: ['T0 #1'] });
    const below = person(assessMonth(input({ tickets, callbacks: scores(1, 9) })), 'Zhang Wei');
    expect(below.metrics.satisfaction).toMatchObject({ value: 88.9, points: -5 });
    // No scored callback: nothing to count, no points.
    expect(person(assessMonth(input({ tickets })), 'Zhang Wei').metrics.satisfaction).toMatchObject({
      value: null,
      points: 0,
    });
  });

  it('QA average below 80 → −5 and a warning; 80.0 is not below; calibration audits never count', () => {
    const audit = (id: string, finalPercent: number, calibration = false) => ({
      id,
      at: IN_MARCH,
      staff: 'Zhang Wei',
      finalPercent,
      calibration,
    });
    const low = person(
      assessMonth(input({ audits: [audit('QA-1', 70), audit('QA-2', 89.9), audit('QA-3', 0, true)] })),
      'Zhang Wei',
    );
    expect(low.metrics.qaAverage).toMatchObject({ value: 80, points: 0, ids: ['QA-1', 'QA-2'] });
    const below = person(
      assessMonth(input({ audits: [audit('QA-1', 70), audit('QA-2', 89.8)] })),
      'Zhang Wei',
    );
    expect(below.metrics.qaAverage).toMatchObject({ value: 79.9, points: -5 });
    expect(below.flags).toContainEqual({ key: 'assessment.flag.qaWarning', params: { threshold: 80 } });
  });

  it('merits − demerits of the month, reversals netted on their side; entries of other months or waiting for review do not count', () => {
    const entry = (
      entryId: string,
      points: number,
      sign: 'merit' | 'demerit',
      month = '2026-03',
      counts = true,
    ) => ({
      entryId,
      month,
      staff: 'Zhang Wei',
      points,
      sign,
      counts,
    });
    const zhang = person(
      assessMonth(
        input({
          merits: [
            entry('MR-1', 5, 'merit'),
            entry('MR-2', -2, 'demerit'),
            entry('MR-3', 2, 'demerit'), // reverses MR-2
            entry('MR-4', -1, 'demerit'),
            entry('MR-5', 10, 'merit', '2026-04'),
            entry('MR-6', -5, 'demerit', '2026-03', false),
          ],
        }),
      ),
      'Zhang Wei',
    );
    expect([zhang.merits, zhang.demerits]).toEqual([5, 1]);
    expect(zhang.metrics.merits).toMatchObject({
      value: 4,
      points: 4,
      ids: ['MR-1', 'MR-2', 'MR-3', 'MR-4'],
    });
  });

  it('registrations against a target in steps (seed 000 L327–329): 330 = 0, ±1 per 10, > 380 → +10, < 280 → −10', () => {
    const rule = defaultRules(true).find((r) => r.metric === 'registrations');
    if (!rule) throw new Error('no registrations rule');
    const points = (count: number) =>
      applyRule(rule, { value: count, points: 0, ids: [] }, { merits: [] }).points;
    expect([330, 339, 340, 355, 380, 381, 321, 320, 280, 279].map(points)).toEqual([
      0, 0, 1, 2, 5, 10, 0, -1, -5, -10,
    ]);
    // Off by default for a property desk.
    expect(defaultRules().find((r) => r.metric === 'registrations')?.active).toBe(false);
  });
});

describe('total, grade, rank and flags', () => {
  it('total = base + every point; grade by the bands; rank within the department, ties share it; last place and two months running', () => {
    const people = [
      { name: 'A', department: 'CS', role: 'staff' as const },
      { name: 'B', department: 'CS', role: 'staff' as const },
      { name: 'C', department: 'CS', role: 'staff' as const },
      { name: 'D', department: 'Engineering', role: 'staff' as const },
    ];
    const tickets = [
      ticket({ id: 'X1', assignee: 'C', resolveDue: IN_MARCH }),
      ticket({ id: 'X2', assignee: 'C', resolveDue: IN_MARCH }),
      ticket({ id: 'X3', assignee: 'C', resolveDue: IN_MARCH }),
      ticket({ id: 'X4', assignee: 'C', resolveDue: IN_MARCH }),
      ticket({ id: 'X5', assignee: 'D', resolveDue: IN_MARCH }),
    ];
    const result = assessMonth(input({ people, tickets, lastPlaceBefore: new Set(['c']) }));
    expect(result.map((p) => [p.staff, p.total, p.grade, p.rank, p.lastPlace, p.consecutiveLast])).toEqual([
      ['A', 100, 'A', 1, false, false],
      ['B', 100, 'A', 1, false, false],
      ['C', 92, 'B', 3, true, true],
      ['D', 98, 'A', 1, false, false], // alone in the department: no last place
    ]);
    expect(person(result, 'C').flags).toEqual([
      { key: 'assessment.flag.lastPlace' },
      { key: 'assessment.flag.consecutiveLast', params: { consequence: 'Leave or change department' } },
    ]);
  });

  it('grades by ⚙ General’s default bands (A ≥ 93, B ≥ 80, C ≥ 70, else D) on the total', () => {
    const general = parseGeneral(keyed(defaultGeneralRows('en')), generalDefaults('en'), bothLanguages).value;
    const totals = [93, 92, 80, 79, 70, 69];
    const people = totals.map((total) => ({ name: `P${total}`, department: 'CS', role: 'staff' as const }));
    // A demerit of (100 − total) points for each: the total is exactly the band's edge.
    const merits = totals.map((total) => ({
      entryId: `MR-${total}`,
      month: '2026-03',
      staff: `P${total}`,
      points: total - 100,
      sign: 'demerit' as const,
      counts: true,
    }));
    const result = assessMonth(input({ people, merits, bands: general }));
    expect(result.map((p) => [p.total, p.grade])).toEqual([
      [93, 'A'],
      [92, 'B'],
      [80, 'B'],
      [79, 'C'],
      [70, 'C'],
      [69, 'D'],
    ]);
  });

  it('a rule scoped to a department or a role applies only there', () => {
    const rules = defaultRules().map((rule) =>
      rule.metric === 'resolveBreached' ? { ...rule, scope: ['engineering'] } : rule,
    );
    const people = [
      { name: 'Zhang Wei', department: 'CS', role: 'staff' as const },
      { name: 'Zhou Lei', department: 'Engineering', role: 'staff' as const },
    ];
    const tickets = [
      ticket({ id: 'A', resolveDue: IN_MARCH }),
      ticket({ id: 'B', assignee: 'Zhou Lei', resolveDue: IN_MARCH }),
    ];
    const result = assessMonth(input({ people, rules, tickets }));
    expect(result.map((p) => p.total)).toEqual([100, 98]);
    const byRole = defaultRules().map((rule) =>
      rule.metric === 'resolveBreached' ? { ...rule, scope: ['supervisor'] } : rule,
    );
    expect(assessMonth(input({ people, rules: byRole, tickets })).map((p) => p.total)).toEqual([100, 100]);
  });

  it('property: every total is the sum of its detail lines (base included), whatever the events', () => {
    const arbitraryTicket = fc.record({
      id: fc.string({ minLength: 1, maxLength: 4 }),
      assignee: fc.constantFrom('Zhang Wei', 'Liu Yang', 'Other'),
      resolveDue: fc.option(fc.integer({ min: MARCH.start - 5 * DAY, max: MARCH.end + 5 * DAY })),
      callbackDue: fc.option(fc.integer({ min: MARCH.start, max: MARCH.end })),
    });
    fc.assert(
      fc.property(
        fc.array(arbitraryTicket, { maxLength: 30 }),
        fc.array(fc.integer({ min: -10, max: 10 }), { maxLength: 8 }),
        (raw, points) => {
          const tickets = raw.map((r) =>
            ticket({ ...r, callbackState: r.callbackDue === null ? 'notRequired' : 'overdue' }),
          );
          const merits = points.map((p, i) => ({
            entryId: `MR-${i}`,
            month: '2026-03',
            staff: 'Zhang Wei',
            points: p,
            sign: p < 0 ? ('demerit' as const) : ('merit' as const),
            counts: true,
          }));
          for (const p of assessMonth(input({ tickets, merits }))) {
            const sum = p.details.reduce((total, line) => total + line.points, 0);
            expect(p.total).toBeCloseTo(sum, 6);
            expect(p.details[0]).toMatchObject({ rule: null, points: 100 });
          }
        },
      ),
    );
  });
});

describe('⚙ Assessment rules', () => {
  it('a bad row is reported with its reason and left out; numbers a kind needs are required', () => {
    const parsed = parseAssessmentRules(
      [
        { row: 2, values: { rule: 'Odd', kind: 'Sometimes', metric: 'Tickets registered' } },
        { row: 3, values: { rule: 'Wrong metric', kind: 'QA average below', metric: 'Tickets registered' } },
        {
          row: 4,
          values: {
            rule: 'No step',
            kind: 'Count against a target in steps',
            metric: 'Tickets registered',
            target: 330,
            points: 1,
          },
        },
        {
          row: 5,
          values: {
            rule: 'Late',
            kind: 'Per occurrence',
            metric: 'Own tickets resolved late',
            points: 'lots',
          },
        },
        {
          row: 6,
          values: {
            rule: 'Ok',
            kind: '按次',
            metric: '本人工单超时解决',
            points: -3,
            scope: 'Engineering、supervisor',
          },
        },
      ],
      bothLanguages,
    );
    expect(parsed.issues.map((issue) => [issue.row, 'key' in issue.reason ? issue.reason.key : ''])).toEqual([
      [2, 'assessment.issue.badKind'],
      [3, 'assessment.issue.badMetric'],
      [4, 'assessment.issue.missingNumber'],
      [5, 'assessment.issue.badNumber'],
    ]);
    expect(parsed.value).toMatchObject([
      { rule: 'Ok', kind: 'perOccurrence', points: -3, scope: ['engineering', 'supervisor'] },
    ]);
  });
});
