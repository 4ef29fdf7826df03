import { addDuration } from '../../src/core/calendar';
import type { KeyedRow } from '../../src/core/cells';
import {
  accumulatePausedTime,
  computeDueDates,
  DEFAULT_SLA_POLICY,
  escalationLevel,
  evaluateSla,
  explainDue,
  parseSlaPolicy,
  slaTargetFor,
  stageDoneAt,
  stageState,
  ticketSlaState,
} from '../../src/core/sla';
import { bothLanguages } from '../../src/i18n';
import { render } from '../../src/i18n/render';
import { defaultSlaPolicyRows } from '../../src/jobs/default-rows';
import { showIssues } from '../../src/jobs/settings';
import { china, cst, duration, HOUR, wall } from './calendar-helpers';

const due = (
  type: Parameters<typeof computeDueDates>[2]['type'],
  severity: 'major' | 'general',
  receivedAt: number,
  resolvedAt?: number,
) => computeDueDates(DEFAULT_SLA_POLICY, china, { type, severity, receivedAt, resolvedAt });

describe('SPEC §5 default targets', () => {
  const monday = cst('2025-09-22T10:00');
  test('Major complaint: 24 h ack, 3 bh transfer, 48 h feedback, 1 wd resolve, callback 0–7 d', () => {
    const d = due('complaint', 'major', monday, cst('2025-09-23T15:00'));
    expect(wall(d.stages.ack)).toBe('2025-09-23 10:00');
    expect(wall(d.stages.transfer)).toBe('2025-09-22 14:00');
    expect(wall(d.stages.feedback)).toBe('2025-09-24 10:00');
    expect(wall(d.stages.resolve)).toBe('2025-09-23 10:00');
    expect(wall(d.callbackOpensAt)).toBe('2025-09-23 15:00');
    expect(wall(d.callbackDueAt)).toBe('2025-09-30 15:00');
  });
  test('General complaint: 3 wd resolve, callback 0–14 d', () => {
    const d = due('complaint', 'general', monday, cst('2025-09-23T15:00'));
    expect(wall(d.stages.resolve)).toBe('2025-09-25 10:00');
    expect(wall(d.callbackDueAt)).toBe('2025-10-07 15:00');
  });
  test('Repair: 1 wd site survey, 7 wd multi-trade / 3 wd single trade, callback 0–1 wd, no transfer', () => {
    const major = due('repair', 'major', monday, cst('2025-11-07T19:00'));
    expect(major.stages.transfer).toBeNull();
    expect(wall(major.stages.feedback)).toBe('2025-09-23 10:00');
    expect(wall(major.stages.resolve)).toBe('2025-09-30 10:00'); // 7 wd, counting make-up Sunday 09-28
    expect(wall(major.callbackOpensAt)).toBe('2025-11-10 09:00');
    expect(wall(major.callbackDueAt)).toBe('2025-11-11 09:00');
    expect(wall(due('repair', 'general', monday).stages.resolve)).toBe('2025-09-25 10:00');
  });
  test('Inquiry: 24 h resolve, callbacks sampled at 10 %', () => {
    const target = slaTargetFor(DEFAULT_SLA_POLICY, 'inquiry', 'general');
    expect(target?.sampleRate).toBe(10);
    expect(wall(due('inquiry', 'general', monday).stages.resolve)).toBe('2025-09-23 10:00');
  });
  test('Suggestion: 3 d written reply, 7 d resolve; Praise: ack only', () => {
    const d = due('suggestion', 'major', monday);
    expect(wall(d.stages.feedback)).toBe('2025-09-25 10:00');
    expect(wall(d.stages.resolve)).toBe('2025-09-29 10:00');
    expect(due('praise', 'general', monday).stages).toEqual({
      ack: cst('2025-09-23T10:00'),
      transfer: null,
      feedback: null,
      resolve: null,
    });
  });
  test('paused business time moves the resolve due date', () => {
    const paused = accumulatePausedTime(
      china,
      [
        { at: cst('2025-09-22T10:00'), status: 'new' },
        { at: cst('2025-09-22T11:00'), status: 'waitingOnCustomer' },
        { at: cst('2025-09-22T14:00'), status: 'inProgress' },
      ],
      cst('2025-09-22T16:00'),
    );
    expect(paused).toEqual({ businessMs: 2 * HOUR, wallMs: 3 * HOUR });
    const d = computeDueDates(DEFAULT_SLA_POLICY, china, {
      type: 'complaint',
      severity: 'general',
      receivedAt: monday,
      pausedMs: paused.businessMs,
    });
    expect(wall(d.stages.resolve)).toBe('2025-09-25 12:00');
  });
});

describe('stage states, SLA state, escalation', () => {
  const start = cst('2025-09-22T09:00');
  const threeWd = duration('3 wd');
  const end = addDuration(china, start, threeWd); // Thu 09:00, 24 business hours
  const progress = { start, due: end, duration: threeWd };
  test('at risk from 75 % of business time used', () => {
    expect(stageState(china, progress, addDuration(china, start, duration('17 bh')))).toBe('pending');
    expect(stageState(china, progress, addDuration(china, start, duration('18 bh')))).toBe('atRisk');
    expect(stageState(china, progress, end + 1)).toBe('breached');
    expect(stageState(china, { ...progress, doneAt: end }, end + HOUR)).toBe('met');
    expect(stageState(china, { ...progress, doneAt: end + 1 }, end + HOUR)).toBe('metLate');
  });
  test('24 h stages use wall time: at risk after 18 h', () => {
    const ack = { start, due: start + 24 * HOUR, duration: duration('24 h') };
    expect(stageState(china, ack, start + 17 * HOUR)).toBe('pending');
    expect(stageState(china, ack, start + 18 * HOUR)).toBe('atRisk');
  });
  test('ticket state is the worst stage, open stages first', () => {
    expect(ticketSlaState([])).toBe('none');
    expect(ticketSlaState(['met', 'metLate', 'pending'])).toBe('pending');
    expect(ticketSlaState(['met', 'atRisk', 'breached'])).toBe('breached');
    expect(ticketSlaState(['met', 'metLate'])).toBe('metLate');
  });
  test('levels 0–3; level 3 after 1 wd past due or any Major complaint breach', () => {
    const general = { type: 'complaint' as const, severity: 'general' as const };
    const dueAt = cst('2025-09-26T17:00'); // Friday
    expect(escalationLevel(china, [{ due: dueAt, state: 'pending' }], general, dueAt - HOUR)).toBe(0);
    expect(escalationLevel(china, [{ due: dueAt, state: 'atRisk' }], general, dueAt - HOUR)).toBe(1);
    expect(
      escalationLevel(china, [{ due: dueAt, state: 'breached' }], general, cst('2025-09-28T17:00')),
    ).toBe(2);
    expect(
      escalationLevel(china, [{ due: dueAt, state: 'breached' }], general, cst('2025-09-28T17:01')),
    ).toBe(3);
    expect(
      escalationLevel(
        china,
        [{ due: dueAt, state: 'breached' }],
        { type: 'complaint', severity: 'major' },
        dueAt + 1,
      ),
    ).toBe(3);
  });
  test('evaluateSla puts it together', () => {
    const status = evaluateSla(
      DEFAULT_SLA_POLICY,
      china,
      { type: 'complaint', severity: 'major', receivedAt: start, doneAt: { ack: start + HOUR } },
      cst('2025-09-22T13:30'),
    );
    expect(status.stages).toEqual({
      ack: 'met',
      transfer: 'breached',
      feedback: 'pending',
      resolve: 'pending',
    });
    expect(status.state).toBe('breached');
    expect(status.escalation).toBe(3);
  });
});

describe('explainDue', () => {
  test('SPEC §5 example in both languages', () => {
    const start = cst('2025-09-30T17:30');
    const dueAt = addDuration(china, start, duration('3 wd'));
    expect(
      render(
        'en',
        explainDue(china, { start, duration: duration('3 wd'), due: dueAt, label: 'General complaint' }),
      ),
    ).toBe(
      'Received Tue 2025-09-30 17:30; General complaint: 3 wd; 2025-10-01…08 holiday, Sat 2025-10-11 is a working day → due Sat 2025-10-11 17:30',
    );
    expect(
      render(
        'zh-CN',
        explainDue(china, { start, duration: duration('3 wd'), due: dueAt, label: '一般投诉' }),
      ),
    ).toBe(
      '受理 2025-09-30（周二）17:30；一般投诉：3 工作日；2025-10-01…08 放假，2025-10-11（周六）调休上班 → 截止 2025-10-11（周六）17:30',
    );
  });
  test('Spring Festival 2026 lists both make-up Saturdays', () => {
    const start = cst('2026-02-12T10:00');
    const text = render(
      'en',
      explainDue(china, {
        start,
        duration: duration('7 wd'),
        due: addDuration(china, start, duration('7 wd')),
        label: 'Multi-trade repair',
      }),
    );
    expect(text).toContain('2026-02-15…23 holiday');
    expect(text).toContain('Sat 2026-02-14, Sat 2026-02-28 are working days');
  });
});

describe('parseSlaPolicy', () => {
  const rows = (values: Array<Record<string, string | number>>): KeyedRow[] =>
    values.map((v, i) => ({ row: i + 2, values: v }));
  test('default rows round-trip in both languages', () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      const { policy, issues } = parseSlaPolicy(
        rows(defaultSlaPolicyRows(lang) as Array<Record<string, string | number>>),
        bothLanguages,
      );
      expect(issues).toEqual([]);
      expect(policy.rows).toEqual(DEFAULT_SLA_POLICY.rows);
    }
  });
  test('bad rows → issues with row numbers; their (type, severity) keeps the default', () => {
    const good = defaultSlaPolicyRows()[1] as Record<string, string | number>; // complaint / general
    const { policy, issues } = parseSlaPolicy(
      rows([
        { ...good, resolve: 'three days' },
        { ...good, type: 'grievance' },
        { ...good, severity: 'huge' },
        { ...defaultSlaPolicyRows()[0], sampleRate: 'half' } as Record<string, string | number>,
        { ...good, resolve: '5 wd' },
      ]),
      bothLanguages,
    );
    expect(issues.map((issue) => issue.row)).toEqual([2, 3, 4, 5, 6]);
    expect(showIssues('en', issues)[0].reason).toContain('three days');
    expect(slaTargetFor(policy, 'complaint', 'general')?.stages.resolve).toEqual({ amount: 3, unit: 'wd' });
    expect(slaTargetFor(policy, 'complaint', 'major')?.stages.resolve).toEqual({ amount: 1, unit: 'wd' });
  });
  test('a valid row overrides the default', () => {
    const { policy } = parseSlaPolicy(
      rows([{ ...(defaultSlaPolicyRows()[1] as Record<string, string>), resolve: '5 wd' }]),
      bothLanguages,
    );
    expect(slaTargetFor(policy, 'complaint', 'general')?.stages.resolve).toEqual({ amount: 5, unit: 'wd' });
  });
});

describe('escalation rules per type and severity (⚙ SLA policy, issue 14)', () => {
  const rows = (values: Array<Record<string, string | number>>): KeyedRow[] =>
    values.map((v, i) => ({ row: i + 2, values: v }));
  const received = cst('2025-09-22T09:00'); // Mon
  const weekLater = cst('2025-09-29T15:00'); // every stage long breached, by more than 1 wd
  const levelOf = (policy: typeof DEFAULT_SLA_POLICY, type: 'praise' | 'inquiry' | 'complaint' | 'repair') =>
    evaluateSla(policy, china, { type, severity: 'general', receivedAt: received }, weekLater).escalation;

  test('defaults: praise never escalates, inquiries and suggestions stop at the department head', () => {
    expect(levelOf(DEFAULT_SLA_POLICY, 'praise')).toBe(0);
    expect(levelOf(DEFAULT_SLA_POLICY, 'inquiry')).toBe(2);
    expect(
      evaluateSla(
        DEFAULT_SLA_POLICY,
        china,
        { type: 'suggestion', severity: 'major', receivedAt: received },
        weekLater,
      ).escalation,
    ).toBe(2);
    expect(levelOf(DEFAULT_SLA_POLICY, 'complaint')).toBe(3);
    expect(levelOf(DEFAULT_SLA_POLICY, 'repair')).toBe(3);
  });

  test('defaults: only Major complaints and Urgent tickets are mailed at once; the rest go into the daily summary', () => {
    const notices = DEFAULT_SLA_POLICY.rows.map(
      (row) => `${row.type}/${row.severity} ${row.escalation.notice}`,
    );
    expect(notices.filter((line) => line.endsWith('immediate'))).toEqual([
      'complaint/major immediate',
      'complaint/urgent immediate',
      'repair/urgent immediate',
    ]);
  });

  test('Urgent runs 24×7 in wall-clock time: ack 15 min, on site 30 min, resolve 4 h; a miss goes to level 3', () => {
    // Sat 2026-10-03 23:50, inside the National Day holiday: a pipe burst.
    const night = cst('2026-10-03T23:50');
    const d = computeDueDates(DEFAULT_SLA_POLICY, china, {
      type: 'repair',
      severity: 'urgent',
      receivedAt: night,
    });
    expect(wall(d.stages.ack)).toBe('2026-10-04 00:05');
    expect(wall(d.stages.feedback)).toBe('2026-10-04 00:20');
    expect(wall(d.stages.resolve)).toBe('2026-10-04 03:50');
    expect(d.stages.transfer).toBeNull();
    const status = evaluateSla(
      DEFAULT_SLA_POLICY,
      china,
      { type: 'repair', severity: 'urgent', receivedAt: night },
      cst('2026-10-04T00:10'),
    );
    expect(status.stages.ack).toBe('breached');
    expect(status.escalation).toBe(3);
    // Other types have no Urgent row: their 'any' row applies (a praise still never escalates).
    expect(slaTargetFor(DEFAULT_SLA_POLICY, 'praise', 'urgent')?.escalation.reach).toBe('none');
  });

  test('a row sets the reach and the mail; labels of either language; empty cells keep the default', () => {
    const complaint = defaultSlaPolicyRows('zh-CN')[1] as Record<string, string | number>; // complaint / general
    const { policy, issues } = parseSlaPolicy(
      rows([
        { ...complaint, escalateTo: '部门负责人（已超时）', escalationMail: 'At once' },
        {
          ...(defaultSlaPolicyRows()[4] as Record<string, string | number>),
          escalateTo: '',
          escalationMail: '',
        },
      ]),
      bothLanguages,
    );
    expect(issues).toEqual([]);
    expect(slaTargetFor(policy, 'complaint', 'general')?.escalation).toEqual({
      reach: 'department',
      notice: 'immediate',
    });
    expect(levelOf(policy, 'complaint')).toBe(2);
    // The inquiry row's empty cells: its default (department head, daily summary).
    expect(slaTargetFor(policy, 'inquiry', 'general')?.escalation).toEqual({
      reach: 'department',
      notice: 'dailySummary',
    });
  });

  test('a choice that is not one is reported with its row and text; the default row is used', () => {
    const complaint = defaultSlaPolicyRows()[1] as Record<string, string | number>;
    const { policy, issues } = parseSlaPolicy(
      [
        { row: 3, values: { ...complaint, escalateTo: '' }, unrecognized: { escalateTo: 'the boss' } },
        {
          row: 4,
          values: { ...(defaultSlaPolicyRows()[6] as Record<string, string>) },
          unrecognized: { escalationMail: 'weekly' },
        },
      ],
      bothLanguages,
    );
    expect(issues.map((issue) => issue.row)).toEqual([3, 4]);
    const [reach, mail] = showIssues('en', issues).map((issue) => issue.reason);
    expect(reach).toContain('"the boss"');
    expect(reach).toMatch(/^Escalate up to/);
    expect(mail).toContain('"weekly"');
    expect(slaTargetFor(policy, 'complaint', 'general')?.escalation.reach).toBe('management');
    expect(slaTargetFor(policy, 'praise', 'general')?.escalation.reach).toBe('none');
  });
});

describe('stageDoneAt: one rule for the sweep and the reports', () => {
  it('a recorded time wins; else a settled ticket did the stage when it was resolved; else it is not done', () => {
    expect(stageDoneAt(100, 500)).toBe(100);
    expect(stageDoneAt(null, 500)).toBe(500);
    expect(stageDoneAt(undefined, null)).toBeNull();
  });
});
