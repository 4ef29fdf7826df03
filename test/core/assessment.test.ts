/** The monthly assessment's rules (core/assessment): every kind with its default numbers, ranking, flags. */
import fc from 'fast-check';
import {
  type AssessmentInput,
  type AssessmentRule,
  type AssessTicket,
  applyRule,
  assessMonth,
  parseAssessmentRules,
  pointsAtRisk,
} from '../../src/core/assessment';
import { callbackOwnerOf } from '../../src/core/callbacks';
import type { CellValue, KeyedRow } from '../../src/core/cells';
import { DEFAULT_ASSESSMENT_RULES } from '../../src/core/merits';
import { parseGeneral } from '../../src/core/settings';
import { bothLanguages, t } from '../../src/i18n';
import { render } from '../../src/i18n/render';
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
    // Whose a missed callback is, as the job decides it (core/callbacks/owner.ts): here the assignee
    // unless a test names the caller.
    callbackOwner: partial.callbackOwner ?? partial.assignee ?? 'Zhang Wei',
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
    minimumTotal: null,
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
      callbackOwner: fc.constantFrom('Zhang Wei', 'Liu Yang', 'Other'),
      resolveDue: fc.option(fc.integer({ min: MARCH.start - 5 * DAY, max: MARCH.end + 5 * DAY })),
      callbackDue: fc.option(fc.integer({ min: MARCH.start, max: MARCH.end })),
    });
    fc.assert(
      fc.property(
        fc.array(arbitraryTicket, { maxLength: 30 }),
        fc.array(fc.integer({ min: -30, max: 10 }), { maxLength: 8 }),
        fc.constantFrom(null, 20),
        (raw, points, minimumTotal) => {
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
          for (const p of assessMonth(input({ tickets, merits, minimumTotal }))) {
            const sum = p.details.reduce((total, line) => total + line.points, 0);
            expect(p.total).toBeCloseTo(sum, 6);
            expect(p.details[0]).toMatchObject({ line: 'base', rule: null, points: 100 });
            if (minimumTotal !== null) expect(p.total).toBeGreaterThanOrEqual(minimumTotal);
          }
        },
      ),
    );
  });
});

describe('whose a missed callback is (core/callbacks/owner.ts)', () => {
  const staff = [
    { name: 'Li Na', email: 'li.na@example.com', active: true },
    { name: 'Zhou Lei', email: 'zhou.lei@example.com', active: true },
    { name: 'Left', email: 'left@example.com', active: false },
    { name: 'No Mail', email: '', active: true },
  ];

  it('the first receiver on ⚙ Staff makes the callback (seed 002 L149, seed 003 L359, seed 004 L47); otherwise, or with callbackByReceiver No, the assignee', () => {
    const repair = { receivedBy: 'Li Na', assignee: 'Zhou Lei' };
    expect(callbackOwnerOf(repair, staff, true)).toBe('Li Na');
    expect(callbackOwnerOf(repair, staff, false)).toBe('Zhou Lei');
    // From the customer form, by someone who left, by someone the digest cannot remind: the assignee.
    expect(callbackOwnerOf({ receivedBy: '', assignee: 'Zhou Lei' }, staff, true)).toBe('Zhou Lei');
    expect(callbackOwnerOf({ receivedBy: 'Left', assignee: 'Zhou Lei' }, staff, true)).toBe('Zhou Lei');
    expect(callbackOwnerOf({ receivedBy: 'No Mail', assignee: 'Zhou Lei' }, staff, true)).toBe('Zhou Lei');
    expect(callbackOwnerOf({ receivedBy: 'Stranger', assignee: 'Zhou Lei' }, staff, true)).toBe('Zhou Lei');
  });

  it('a repair called back late costs the caller −1, not the engineer; his late resolution (−2) and the customer’s verdict (satisfaction) stay his', () => {
    const people = [
      { name: 'Li Na', department: 'CS', role: 'supervisor' as const },
      { name: 'Zhou Lei', department: 'Engineering', role: 'staff' as const },
    ];
    const repair = ticket({
      id: 'REP-1',
      type: 'repair',
      receivedBy: 'Li Na',
      assignee: 'Zhou Lei',
      callbackOwner: 'Li Na',
      status: 'resolved',
      firstResolvedAt: IN_MARCH + DAY,
      firstResolveDue: IN_MARCH,
      callbackDue: IN_MARCH + 2 * DAY,
      callbackAt: IN_MARCH + 3 * DAY,
      callbackState: 'done',
    });
    const callbacks = [{ ticketId: 'REP-1', attemptNo: 1, at: IN_MARCH + 3 * DAY, satisfaction: 2 }];
    const result = assessMonth(input({ people, tickets: [repair], callbacks }));
    expect(person(result, 'Li Na').metrics.callbackMissed).toMatchObject({
      value: 1,
      points: -1,
      ids: ['REP-1'],
    });
    const zhou = person(result, 'Zhou Lei');
    expect(zhou.metrics.callbackMissed).toMatchObject({ value: 0, points: 0 });
    expect(zhou.metrics.resolveBreached).toMatchObject({ value: 1, points: -2 });
    expect(zhou.metrics.satisfaction).toMatchObject({ value: 0, points: -5, ids: ['REP-1 #1'] });
    expect([person(result, 'Li Na').total, zhou.total]).toEqual([99, 93]);
  });

  it('points at risk: a callback still to make this month is at risk for its caller', () => {
    const people = [
      { name: 'Li Na', department: 'CS', role: 'supervisor' as const },
      { name: 'Zhou Lei', department: 'Engineering', role: 'staff' as const },
    ];
    const open = ticket({
      id: 'REP-2',
      assignee: 'Zhou Lei',
      callbackOwner: 'Li Na',
      status: 'resolved',
      firstResolvedAt: IN_MARCH,
      firstResolveDue: IN_MARCH + DAY,
      callbackDue: IN_MARCH + 2 * DAY,
      callbackState: 'due',
    });
    const risk = pointsAtRisk(input({ people, tickets: [open] }), IN_MARCH + DAY);
    expect(risk.find((r) => r.staff === 'Li Na')?.lines).toEqual([
      { key: 'assessment.risk.callbacks', params: { count: 1, points: -1 } },
    ]);
    expect(risk.find((r) => r.staff === 'Zhou Lei')?.lines).toEqual([]);
  });
});

describe('the lowest total (⚙ General assessmentMinimumTotal, seed 002 L127 §5.1.8.1: 20 on the 100-point scale)', () => {
  const general = () =>
    parseGeneral(keyed(defaultGeneralRows('en')), generalDefaults('en'), bothLanguages).value;
  const late = (count: number, assignee: string) =>
    Array.from({ length: count }, (_, i) =>
      ticket({ id: `${assignee}-${i}`, assignee, resolveDue: IN_MARCH }),
    );

  it('defaults: lowest total 20, callbacks by the receiver', () => {
    expect(general()).toMatchObject({ assessmentMinimumTotal: 20, callbackByReceiver: true });
  });

  it('deductions stop at 20: 65 late tickets (100 − 130 = −30) → 20, a line of +50 keeps the details summing to the total, and a flag says so; 40 late (20) and 39 late (22) stay as they are', () => {
    const { assessmentMinimumTotal } = general();
    const minimumTotal = assessmentMinimumTotal === '' ? null : assessmentMinimumTotal;
    const people = ['P65', 'P40', 'P39'].map((name) => ({
      name,
      department: 'Engineering',
      role: 'staff' as const,
    }));
    const tickets = [...late(65, 'P65'), ...late(40, 'P40'), ...late(39, 'P39')];
    const result = assessMonth(input({ people, tickets, minimumTotal }));
    expect(result.map((p) => [p.staff, p.total, p.grade, p.rank])).toEqual([
      ['P65', 20, 'D', 2],
      ['P40', 20, 'D', 2],
      ['P39', 22, 'D', 1],
    ]);
    const floored = person(result, 'P65');
    expect(floored.details.at(-1)).toEqual({
      line: 'floor',
      rule: null,
      metric: null,
      count: null,
      points: 50,
      ids: [],
      note: { key: 'assessment.detail.floorNote', params: { total: -30, minimum: 20 } },
    });
    expect(floored.details.reduce((sum, line) => sum + line.points, 0)).toBe(20);
    expect(floored.metrics.resolveBreached).toMatchObject({ value: 65, points: -130 });
    expect(floored.flags).toContainEqual({
      key: 'assessment.flag.floor',
      params: { total: -30, minimum: 20 },
    });
    // Exactly at the lowest total: nothing to lift, no line, no flag of it (last place, tied with P65).
    expect(person(result, 'P40').details.map((line) => line.line)).not.toContain('floor');
    expect(person(result, 'P40').flags).toEqual([{ key: 'assessment.flag.lastPlace' }]);
    // In the person's language, in plain words.
    const [floorLine] = floored.details.slice(-1);
    expect(render('zh-CN', floorLine.note)).toBe('各项合计-30分；总分最低为20分');
    expect(render('en', floorLine.note)).toBe('the points came to -30; the total stops at 20');
    expect(floored.flags.map((flag) => render('zh-CN', flag))).toContain('已按最低分20计（各项合计-30分）');
    // No lowest total: the sum stands.
    expect(person(assessMonth(input({ people, tickets, minimumTotal: null })), 'P65').total).toBe(-30);
  });

  it('⚙ General: empty = none; a bad value or one not below the base is reported and none or the default is used', () => {
    const rows = (value: CellValue, base: CellValue = 100) =>
      keyed([
        { key: 'assessmentBase', value: base },
        { key: 'assessmentMinimumTotal', value },
        { key: 'callbackByReceiver', value: 'No' },
      ]);
    const parse = (value: CellValue, base?: CellValue) =>
      parseGeneral(rows(value, base), generalDefaults('en'), bothLanguages);
    expect(parse('').value).toMatchObject({ assessmentMinimumTotal: '', callbackByReceiver: false });
    expect(parse(0).value.assessmentMinimumTotal).toBe(0);
    expect(parse(99).value.assessmentMinimumTotal).toBe(99);
    const bad = parse('twenty');
    expect(bad.value.assessmentMinimumTotal).toBe(20);
    expect(bad.issues).toEqual([expect.objectContaining({ sheet: 'sheet.general', row: 3 })]);
    const notBelow = parse(100);
    expect(notBelow.value.assessmentMinimumTotal).toBe('');
    expect(notBelow.issues).toEqual([
      {
        sheet: 'sheet.general',
        row: 3,
        reason: { key: 'settings.issue.minimumTotalNotBelowBase', params: { minimum: 100, base: 100 } },
      },
    ]);
    // A base typed below the default 20: no lowest total rather than one above the base.
    expect(parse('', 15).value.assessmentMinimumTotal).toBe('');
    const lowBase = parseGeneral(
      keyed([{ key: 'assessmentBase', value: 15 }]),
      generalDefaults('en'),
      bothLanguages,
    );
    expect(lowBase.value.assessmentMinimumTotal).toBe('');
    expect(lowBase.issues).toHaveLength(1);
    expect(
      parseGeneral(keyed([{ key: 'callbackByReceiver', value: '否' }]), generalDefaults('en'), bothLanguages)
        .value.callbackByReceiver,
    ).toBe(false);
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
