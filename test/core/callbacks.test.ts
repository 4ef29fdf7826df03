/** core/callbacks: sampling, queue entry, window state and the rules of one attempt (SPEC §7). */
import {
  type AttemptContext,
  type CallbackAnswers,
  type CallbackTicket,
  callbackRequirement,
  cycleAttempts,
  isSampled,
  judgeAttempt,
  type RecordedAttempt,
  SAMPLED_WINDOW,
  sampleBucket,
  windowStateAt,
} from '../../src/core/callbacks';
import { DEFAULT_SLA_POLICY, slaTargetFor } from '../../src/core/sla';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const RESOLVED = new Date('2026-03-02T02:00:00Z');

function ticket(overrides: Partial<CallbackTicket> = {}): CallbackTicket {
  return {
    id: 'CMP-2026-00001',
    status: 'resolved',
    resolveAt: RESOLVED,
    callbackOpen: RESOLVED,
    callbackDue: new Date(RESOLVED.getTime() + 14 * DAY),
    callbackState: 'due',
    resolution: 'Fixed',
    assignee: 'Zhou Lei',
    waitingSince: '',
    pausedMs: 0,
    reopenCount: 0,
    ...overrides,
  };
}

function answers(overrides: Partial<CallbackAnswers> = {}): CallbackAnswers {
  return {
    ticketId: 'CMP-2026-00001',
    by: 'Li Na',
    method: 'phone',
    reached: true,
    satisfaction: 5,
    issueResolved: true,
    comments: '',
    ...overrides,
  };
}

function attempt(hoursAfterResolve: number, overrides: Partial<RecordedAttempt> = {}): RecordedAttempt {
  return {
    at: new Date(RESOLVED.getTime() + hoursAfterResolve * HOUR),
    by: 'Li Na',
    method: 'phone',
    reached: false,
    satisfaction: null,
    issueResolved: null,
    comments: '',
    ...overrides,
  };
}

/** UTC+8 local days, as in Shanghai. */
function context(
  hoursAfterResolve: number,
  rules = { maxUnreachedAttempts: 3, minDistinctDays: 2, smsOnlyLimit: 3 },
): AttemptContext {
  return {
    now: new Date(RESOLVED.getTime() + hoursAfterResolve * HOUR),
    rules,
    dayOf: (instant) => Math.floor((instant + 8 * HOUR) / DAY),
    // Wall-clock time stands in for business time in these unit tests.
    businessMs: (from, to) => to.getTime() - from.getTime(),
  };
}

describe('sampling is deterministic from the ticket ID', () => {
  const ids = Array.from({ length: 10_000 }, (_, i) => `INQ-2026-${String(i + 1).padStart(5, '0')}`);

  it('picks about 10 % of sequential IDs at a 10 % rate', () => {
    const picked = ids.filter((id) => isSampled(id, 10)).length;
    expect(picked).toBeGreaterThan(900);
    expect(picked).toBeLessThan(1100);
  });

  it('picks the same tickets every time, whatever the case or spaces typed', () => {
    const first = ids.filter((id) => isSampled(id, 10));
    expect(ids.filter((id) => isSampled(id, 10))).toEqual(first);
    expect(isSampled(` ${first[0].toLowerCase()} `, 10)).toBe(true);
    expect(sampleBucket('inq-2026-00001')).toBe(sampleBucket('INQ-2026-00001'));
  });

  it('0 % picks none, 100 % picks all, and a bigger rate keeps every ticket a smaller one picked', () => {
    expect(ids.some((id) => isSampled(id, 0))).toBe(false);
    expect(ids.every((id) => isSampled(id, 100))).toBe(true);
    expect(ids.filter((id) => isSampled(id, 10)).every((id) => isSampled(id, 25))).toBe(true);
  });
});

describe('callbackRequirement: the SLA row decides (SPEC §5 defaults)', () => {
  const target = (
    type: 'complaint' | 'repair' | 'inquiry' | 'suggestion' | 'praise',
    severity: 'general' | 'major',
  ) => slaTargetFor(DEFAULT_SLA_POLICY, type, severity);

  it('Complaint Major 0–7 d, General 0–14 d, Repair 0–1 wd, Suggestion 0–14 d: every ticket', () => {
    expect(callbackRequirement(target('complaint', 'major'), 'CMP-2026-00001')).toMatchObject({
      required: true,
      open: { amount: 0, unit: 'd' },
      due: { amount: 7, unit: 'd' },
    });
    expect(callbackRequirement(target('complaint', 'general'), 'CMP-2026-00002')).toMatchObject({
      required: true,
      due: { amount: 14, unit: 'd' },
    });
    expect(callbackRequirement(target('repair', 'general'), 'REP-2026-00001')).toMatchObject({
      required: true,
      open: { amount: 0, unit: 'wd' },
      due: { amount: 1, unit: 'wd' },
    });
    expect(callbackRequirement(target('suggestion', 'general'), 'SUG-2026-00001')).toMatchObject({
      required: true,
      due: { amount: 14, unit: 'd' },
    });
  });

  it('Praise: never', () => {
    expect(callbackRequirement(target('praise', 'general'), 'PRA-2026-00001')).toEqual({ required: false });
  });

  it('Inquiry: sampled at 10 %, with the sample window 0–7 d', () => {
    const ids = Array.from({ length: 100 }, (_, i) => `INQ-2026-${String(i + 1).padStart(5, '0')}`);
    const picked = ids.find((id) => isSampled(id, 10)) ?? '';
    const skipped = ids.find((id) => !isSampled(id, 10)) ?? '';
    expect(callbackRequirement(target('inquiry', 'general'), picked)).toEqual({
      required: true,
      ...SAMPLED_WINDOW,
      fromPolicy: false,
      sampleRate: 10,
    });
    expect(SAMPLED_WINDOW.due).toEqual({ amount: 7, unit: 'd' });
    expect(callbackRequirement(target('inquiry', 'general'), skipped)).toEqual({ required: false });
  });

  it('a row with its own window and a sample rate applies the window to the sample only', () => {
    const row = {
      stages: { ack: null, transfer: null, feedback: null, resolve: null },
      callbackOpen: null,
      callbackDue: { amount: 2, unit: 'wd' as const },
      sampleRate: 0,
      escalation: { reach: 'management' as const, notice: 'dailySummary' as const },
    };
    expect(callbackRequirement(row, 'X-1')).toEqual({ required: false });
    expect(callbackRequirement({ ...row, sampleRate: 100 }, 'X-1')).toMatchObject({
      required: true,
      open: { amount: 0, unit: 'wd' },
      fromPolicy: true,
    });
  });
});

describe('windowStateAt', () => {
  const open = new Date(RESOLVED.getTime() + DAY);
  const due = new Date(RESOLVED.getTime() + 2 * DAY);
  it('waiting before the window opens, due inside it (bounds included), overdue after', () => {
    expect(windowStateAt(RESOLVED, open, due)).toBe('waiting');
    expect(windowStateAt(open, open, due)).toBe('due');
    expect(windowStateAt(due, open, due)).toBe('due');
    expect(windowStateAt(new Date(due.getTime() + 1), open, due)).toBe('overdue');
    expect(windowStateAt(RESOLVED, '', '')).toBe('due');
  });
});

describe('judgeAttempt: a valid callback', () => {
  it('reached with satisfaction → done, Callback at and Satisfaction filled', () => {
    const verdict = judgeAttempt(ticket(), answers(), [], context(24));
    expect(verdict.valid).toBe(true);
    expect(verdict.flags).toEqual([]);
    expect(verdict.ticket).toEqual({
      callbackState: 'done',
      callbackAt: context(24).now,
      satisfaction: 5,
      askManager: false,
    });
  });

  it('satisfaction 2 → reopened through the state machine (reopen count + 1)', () => {
    const verdict = judgeAttempt(ticket({ reopenCount: 1 }), answers({ satisfaction: 2 }), [], context(24));
    expect(verdict.ticket?.reopen).toMatchObject({
      from: 'resolved',
      effects: { reopenCount: 2 },
      dissatisfied: true,
    });
    expect(verdict.ticket?.askManager).toBe(false);
    expect(verdict.flags.map((f) => f.key)).toEqual(['callbacks.flag.reopenedDissatisfied']);
  });

  it('satisfaction 3 or more with the issue resolved → no reopen', () => {
    for (const satisfaction of [3, 4, 5] as const) {
      expect(
        judgeAttempt(ticket(), answers({ satisfaction }), [], context(1)).ticket?.reopen,
      ).toBeUndefined();
    }
  });

  it('"issue not resolved" reopens even when satisfied; a closed ticket reopens too', () => {
    const verdict = judgeAttempt(
      ticket({ status: 'closed', callbackState: 'unreachable' }),
      answers({ satisfaction: 4, issueResolved: false }),
      [],
      context(1),
    );
    expect(verdict.ticket?.reopen).toMatchObject({ from: 'closed', notResolved: true, dissatisfied: false });
    expect(verdict.ticket?.callbackState).toBe('done');
  });

  it('satisfaction 1 → reopened and the CS manager asked to call (seed 002)', () => {
    const verdict = judgeAttempt(ticket(), answers({ satisfaction: 1 }), [], context(1));
    expect(verdict.ticket?.askManager).toBe(true);
    expect(verdict.ticket?.reopen).toBeDefined();
    expect(verdict.flags.map((f) => f.key)).toContain('callbacks.flag.managerCallback');
  });
});

describe('judgeAttempt: not reached, SMS only, Unreachable', () => {
  it('reached without satisfaction is not valid and leaves the state to the clock', () => {
    const verdict = judgeAttempt(ticket(), answers({ satisfaction: null }), [], context(1));
    expect(verdict).toMatchObject({ valid: false, ticket: { callbackState: 'due' } });
    expect(verdict.flags[0].key).toBe('callbacks.flag.noSatisfaction');
  });

  it('3 unreached on one day → still due; on two days → unreachable (SPEC §7: 3 attempts, ≥ 2 days)', () => {
    const sameDay = [attempt(1), attempt(2)];
    expect(
      judgeAttempt(ticket(), answers({ reached: false }), sameDay, context(3)).ticket?.callbackState,
    ).toBe('due');
    const twoDays = [attempt(1), attempt(25)];
    const verdict = judgeAttempt(ticket(), answers({ reached: false }), twoDays, context(26));
    expect(verdict.ticket?.callbackState).toBe('unreachable');
    expect(verdict.flags[0]).toEqual({
      key: 'callbacks.flag.unreachable',
      params: { attempts: 3, max: 3, days: 2, minDays: 2 },
    });
  });

  it('the numbers are settings: 5 attempts on 3 days', () => {
    const rules = { maxUnreachedAttempts: 5, minDistinctDays: 3, smsOnlyLimit: 3 };
    const past = [attempt(1), attempt(2), attempt(25), attempt(26)];
    expect(
      judgeAttempt(ticket(), answers({ reached: false }), past, context(27, rules)).ticket?.callbackState,
    ).toBe('due');
    expect(
      judgeAttempt(ticket(), answers({ reached: false }), past, context(49, rules)).ticket?.callbackState,
    ).toBe('unreachable');
  });

  it('the third SMS in a row is invalid even when reached; unreached SMS do not make a customer Unreachable', () => {
    const sms = [attempt(1, { method: 'sms' }), attempt(25, { method: 'sms' })];
    const rated = judgeAttempt(ticket(), answers({ method: 'sms', satisfaction: 4 }), sms, context(26));
    expect(rated).toMatchObject({ valid: false, ticket: { callbackState: 'invalid' } });
    expect(rated.flags[0]).toEqual({ key: 'callbacks.flag.smsOnly', params: { count: 3 } });
    const unreached = judgeAttempt(ticket(), answers({ method: 'sms', reached: false }), sms, context(26));
    expect(unreached.ticket?.callbackState).toBe('invalid');
  });

  it('a phone call ends the SMS streak: the state goes back to the clock', () => {
    const sms = [attempt(1, { method: 'sms' }), attempt(2, { method: 'sms' }), attempt(3, { method: 'sms' })];
    const verdict = judgeAttempt(
      ticket({ callbackState: 'invalid' }),
      answers({ reached: false }),
      sms,
      context(4),
    );
    expect(verdict.ticket?.callbackState).toBe('due');
    // Two weeks later (after the 14 d window), with Unreachable needing more attempts than these four.
    const rules = { maxUnreachedAttempts: 10, minDistinctDays: 2, smsOnlyLimit: 3 };
    const late = judgeAttempt(
      ticket({ callbackState: 'invalid' }),
      answers({ reached: false }),
      sms,
      context(15 * 24, rules),
    );
    expect(late.ticket?.callbackState).toBe('overdue');
  });

  it('an earlier SMS before a phone call does not count toward the streak', () => {
    const mixed = [
      attempt(1, { method: 'sms' }),
      attempt(2, { method: 'phone' }),
      attempt(3, { method: 'sms' }),
    ];
    expect(judgeAttempt(ticket(), answers({ method: 'sms', satisfaction: 4 }), mixed, context(4)).valid).toBe(
      true,
    );
  });
});

describe('judgeAttempt: bad input changes no ticket', () => {
  it.each([
    ['no ID', null, answers({ ticketId: '' }), 'callbacks.flag.noTicketId'],
    ['unknown ID', null, answers({ ticketId: 'CMP-2026-09999' }), 'callbacks.flag.unknownTicket'],
    ['cancelled', ticket({ status: 'cancelled' }), answers(), 'callbacks.flag.cancelled'],
    [
      'not resolved',
      ticket({ status: 'inProgress', resolveAt: '' }),
      answers({ satisfaction: 1 }),
      'callbacks.flag.notResolved',
    ],
    [
      'reopened, not resolved again',
      ticket({ status: 'reopened' }),
      answers({ satisfaction: 1 }),
      'callbacks.flag.notResolved',
    ],
    [
      'already done',
      ticket({ callbackState: 'done' }),
      answers({ satisfaction: 1 }),
      'callbacks.flag.alreadyDone',
    ],
  ] as const)('%s', (_name, target, given, key) => {
    const verdict = judgeAttempt(target, given, [], context(1));
    expect(verdict).toEqual({ valid: false, flags: [expect.objectContaining({ key })], ticket: null });
  });

  it('the same answers again within 10 minutes are a duplicate; later they are a new attempt', () => {
    const past = [attempt(1)];
    const soon = { ...context(1), now: new Date(RESOLVED.getTime() + HOUR + 5 * 60_000) };
    expect(
      judgeAttempt(ticket(), answers({ reached: false, satisfaction: null, issueResolved: null }), past, soon)
        .flags[0].key,
    ).toBe('callbacks.flag.duplicate');
    expect(
      judgeAttempt(
        ticket(),
        answers({ reached: false, satisfaction: null, issueResolved: null }),
        past,
        context(2),
      ).flags[0].key,
    ).toBe('callbacks.flag.notReached');
  });
});

describe('cycleAttempts', () => {
  it('keeps attempts since Resolve at, oldest first, dropping double submissions', () => {
    const before = attempt(-5);
    const kept = cycleAttempts(
      [attempt(3), before, attempt(1), { ...attempt(1), at: new Date(RESOLVED.getTime() + HOUR + 60_000) }],
      RESOLVED,
    );
    expect(kept.map((a) => (a.at.getTime() - RESOLVED.getTime()) / HOUR)).toEqual([1, 3]);
  });
});
