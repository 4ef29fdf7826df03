import {
  type AuditAnswers,
  itemKey,
  parseScorecards,
  planAudit,
  type Scorecard,
} from '../../src/core/audits';
import type { KeyedRow } from '../../src/core/cells';
import type { StaffMember } from '../../src/core/settings';
import { bothLanguages } from '../../src/i18n';

function rows(records: Array<Record<string, string | number | boolean>>): KeyedRow[] {
  return records.map((values, i) => ({ row: i + 2, values }));
}

const card = rows([
  {
    scorecard: 'Phone',
    section: 'A',
    item: 'Rings',
    kind: 'scored',
    answer: 'yesNo',
    max: 10,
    criticalScope: 'section',
    rootCauses: 'Knowledge, Process；Attitude',
  },
  {
    scorecard: 'Phone',
    section: 'A',
    item: 'Greeting',
    kind: 'scored',
    answer: 'points',
    max: 10,
    allowNa: true,
  },
  {
    scorecard: 'Phone',
    section: 'B',
    item: 'Privacy',
    kind: 'critical',
    answer: 'yesNo',
    max: 5,
    allowNa: true,
  },
  {
    scorecard: 'Phone',
    section: 'B',
    item: 'Old item',
    kind: 'scored',
    answer: 'points',
    max: 5,
    active: false,
  },
  { scorecard: 'Phone', section: 'B', item: 'Bad', kind: 'scored', answer: 'points', max: 'ten' },
  { scorecard: 'Phone', section: 'A', item: 'Rings', kind: 'scored', answer: 'yesNo', max: 10 },
  { scorecard: 'Empty', section: 'A', item: 'x', kind: 'scored', answer: 'points', max: 5, active: false },
]);

const staff: StaffMember[] = [
  {
    name: 'Zhang Wei',
    email: 'z@example.com',
    role: 'staff',
    department: 'CS',
    onLeave: false,
    dailyCap: null,
    weeklyCap: null,
    active: true,
  },
  {
    name: 'Li Na',
    email: 'l@example.com',
    role: 'supervisor',
    department: 'CS',
    onLeave: false,
    dailyCap: null,
    weeklyCap: null,
    active: true,
  },
];

const rules = {
  bands: { gradeA: 93, gradeB: 80, gradeC: 70 },
  warningBelow: 80,
  consecutiveLimit: 3,
  consequence: 'Public criticism',
};

function phone(): Scorecard {
  const parsed = parseScorecards(card, bothLanguages);
  const found = parsed.scorecards.find((s) => s.name === 'Phone');
  if (!found) throw new Error('no Phone');
  return found;
}

function answers(items: AuditAnswers['items'], extra: Partial<AuditAnswers> = {}): AuditAnswers {
  return {
    staff: 'Zhang Wei',
    auditor: 'Li Na',
    ticketId: '',
    items,
    texts: {},
    rootCauses: [],
    comments: {},
    unknownQuestions: 0,
    ...extra,
  };
}

describe('⚙ Scorecards', () => {
  test('rows become rubrics; inactive, bad and duplicate rows are reported, never thrown', () => {
    const { scorecards, issues } = parseScorecards(card, bothLanguages);
    expect(scorecards.map((s) => s.name)).toEqual(['Phone']);
    const p = scorecards[0];
    expect(p.items.map((i) => i.text)).toEqual(['Rings', 'Greeting', 'Privacy']);
    expect(p.criticalScope).toBe('section');
    expect(p.rootCauses).toEqual(['Knowledge', 'Process', 'Attitude']);
    // A red line always applies: N/A is refused on a critical item whatever the row says.
    expect(p.items[2].allowNa).toBe(false);
    expect(p.rubric.sections.map((s) => [s.key, s.items.length])).toEqual([
      ['A', 2],
      ['B', 1],
    ]);
    expect(issues.map((i) => [i.row, i.key])).toEqual([
      [6, 'scorecards.issue.badNumber'],
      [7, 'scorecards.issue.duplicateItem'],
      [8, 'scorecards.issue.noItems'],
    ]);
  });

  test('the fingerprint changes with anything that scores and stays with the same content', () => {
    const again = parseScorecards(card, bothLanguages).scorecards[0];
    expect(again.fingerprint).toBe(phone().fingerprint);
    const edited = card.map((r) =>
      r.values.item === 'Greeting' ? { ...r, values: { ...r.values, max: 12 } } : r,
    );
    expect(parseScorecards(edited, bothLanguages).scorecards[0].fingerprint).not.toBe(phone().fingerprint);
  });
});

describe('planning an audit', () => {
  const rings = itemKey('A', 'Rings');
  const greeting = itemKey('A', 'Greeting');
  const privacy = itemKey('B', 'Privacy');

  test('scores, grades by half-open bands and keeps N/A out of the maximum', () => {
    const plan = planAudit(
      phone(),
      answers({
        [rings]: { type: 'yesNo', yes: true },
        [greeting]: { type: 'na' },
        [privacy]: { type: 'yesNo', yes: true },
      }),
      { staff, ticketFound: null, runBelowBefore: 0, rules },
    );
    expect([plan.rawPercent, plan.finalPercent, plan.grade, plan.warning, plan.reviews]).toEqual([
      100,
      100,
      'A',
      null,
      [],
    ]);
    expect(plan.items.map((i) => [i.item.text, i.points, i.na])).toEqual([
      ['Rings', 10, false],
      ['Greeting', null, true],
      ['Privacy', 5, false],
    ]);
    expect(plan.department).toBe('CS');
  });

  test('section scope: a failed red line zeroes its section only', () => {
    const plan = planAudit(
      phone(),
      answers({
        [rings]: { type: 'yesNo', yes: true },
        [greeting]: { type: 'points', points: 8 },
        [privacy]: { type: 'yesNo', yes: false },
      }),
      { staff, ticketFound: null, runBelowBefore: 0, rules },
    );
    // raw 18 / 25 = 72 %; section B (the red line) earns 0 and the rest stands — with the scope "the whole
    // audit" the final score would be 0 %; the critical fail is recorded either way
    expect([plan.rawPercent, plan.finalPercent, plan.result.criticalFail, plan.grade]).toEqual([
      72,
      72,
      true,
      'C',
    ]);
  });

  test('a warning below 80; the third in a row brings the consequence, the sixth again', () => {
    const low = answers(
      {
        [rings]: { type: 'yesNo', yes: false },
        [greeting]: { type: 'points', points: 10 },
        [privacy]: { type: 'yesNo', yes: true },
      },
      { rootCauses: ['Process'] },
    );
    const warn = (before: number) =>
      planAudit(phone(), low, { staff, ticketFound: null, runBelowBefore: before, rules });
    expect(warn(0).warning).toEqual({ key: 'audits.warning.below', params: { threshold: 80 } });
    expect(warn(1).runBelow).toBe(2);
    expect(warn(2).warning).toEqual({
      key: 'audits.warning.consecutive',
      params: { count: 3, threshold: 80, consequence: 'Public criticism' },
    });
    expect(warn(3).warning?.key).toBe('audits.warning.below');
    expect(warn(5).warning?.key).toBe('audits.warning.consecutive');
    expect(warn(0).finalPercent).toBe(60);
  });

  test('bad input is flagged with reasons: unknown people, self-audit, unknown ticket, unreadable, N/A refused, no root cause', () => {
    const plan = planAudit(
      phone(),
      answers(
        {
          [rings]: { type: 'unreadable', text: 'maybe' },
          [greeting]: { type: 'points', points: 2 },
          [privacy]: { type: 'na' },
        },
        { staff: 'Nobody', auditor: 'Nobody', ticketId: 'CMP-2026-00999' },
      ),
      { staff, ticketFound: false, runBelowBefore: 0, rules },
    );
    expect(plan.reviews.map((r) => r.key)).toEqual([
      'audits.review.badAnswer',
      'audits.review.naNotAllowed',
      'audits.review.unknownStaff',
      'audits.review.unknownAuditor',
      'audits.review.selfAudit',
      'audits.review.unknownTicket',
      'audits.review.noRootCause',
    ]);
    expect(plan.finalPercent).toBe(20);
    expect(plan.department).toBe('');
  });

  test('nothing scorable: no score, no grade, flagged', () => {
    const plan = planAudit(phone(), answers({}), { staff, ticketFound: null, runBelowBefore: 2, rules });
    expect([plan.finalPercent, plan.grade, plan.warning, plan.runBelow]).toEqual([null, '', null, 0]);
    expect(plan.reviews.map((r) => r.key)).toContain('audits.review.nothingScored');
  });
});
