/** The callback use case's plan (src/jobs/callbacks planCallback): decided from what was read, no ports. */
import { createCalendar, defaultCalendarConfig } from '../../src/core/calendar';
import { parseGeneral } from '../../src/core/settings';
import { DEFAULT_SLA_POLICY } from '../../src/core/sla';
import { bothLanguages } from '../../src/i18n';
import {
  type CallbackPlanInput,
  type CallbackResponse,
  planCallback,
  type StoredAttempt,
  type StoredTicket,
} from '../../src/jobs/callbacks';
import { generalDefaults } from '../../src/jobs/settings';

const NOW = new Date('2026-03-04T03:00:00Z'); // Wed 11:00 in Shanghai
const DAY = 86_400_000;
const settings = {
  general: parseGeneral([], generalDefaults('en'), bothLanguages).value,
  calendar: createCalendar(defaultCalendarConfig()),
  sla: DEFAULT_SLA_POLICY,
};

function resolvedTicket(values: Partial<StoredTicket> = {}): { row: number; values: StoredTicket } {
  return {
    row: 7,
    values: {
      id: 'CMP-2026-00001',
      type: 'complaint',
      severity: 'general',
      receivedAt: new Date(NOW.getTime() - 3 * DAY),
      customer: 'Wang',
      phone: '13812341234',
      category: 'Repair / Plumbing',
      department: 'Engineering',
      assignee: 'Zhou Lei',
      status: 'resolved',
      resolution: 'Pipe replaced',
      resolveAt: new Date(NOW.getTime() - DAY),
      callbackOpen: new Date(NOW.getTime() - DAY),
      callbackDue: new Date(NOW.getTime() + 2 * DAY),
      callbackState: 'due',
      waitingSince: '',
      pausedMs: 0,
      reopenCount: 0,
      updatedAt: new Date(NOW.getTime() - DAY),
      ...values,
    },
  };
}

function answers(values: Partial<CallbackResponse> = {}): CallbackResponse {
  return {
    ticketId: 'CMP-2026-00001',
    by: 'Li Na',
    method: 'phone',
    reached: true,
    satisfaction: 5,
    issueResolved: true,
    comments: 'Thanks',
    confirmation: null,
    ...values,
  };
}

function input(values: Partial<CallbackPlanInput> = {}): CallbackPlanInput {
  return {
    settings,
    lang: 'en',
    now: NOW,
    responseId: '12:5',
    formActor: 'Form',
    answers: answers(),
    attempts: [],
    ticket: resolvedTicket(),
    ...values,
  };
}

describe('planCallback', () => {
  test('a response already recorded is a duplicate: nothing is written', () => {
    const recorded: StoredAttempt = {
      ticketId: 'CMP-2026-00001',
      at: NOW,
      by: 'Li Na',
      method: 'phone',
      reached: 'yes',
      satisfaction: 5,
      issueResolved: 'yes',
      comments: '',
      formResponseId: '12:5',
    };
    expect(planCallback(input({ attempts: [recorded] }))).toEqual({ kind: 'duplicate' });
  });

  test('a satisfied callback completes it: one attempt row, the ticket cells it changes, History, a notice', () => {
    const plan = planCallback(input());
    if (plan.kind !== 'recorded') throw new Error('expected a recorded attempt');
    expect(plan).toMatchObject({ ticketId: 'CMP-2026-00001', attemptNo: 1, valid: true });
    expect(plan.attempt).toMatchObject({
      attemptNo: 1,
      at: NOW,
      reached: 'yes',
      satisfaction: 5,
      valid: true,
    });
    expect(plan.ticketUpdate).toEqual({
      row: 7,
      values: { callbackState: 'done', updatedAt: NOW, callbackAt: NOW, satisfaction: 5 },
      notes: {},
    });
    expect(plan.history.map((entry) => [entry.field, entry.oldValue, entry.newValue])).toEqual([
      ['Callback attempt 1', '', expect.stringContaining('5')],
      ['Callback state', 'Due', 'Done'],
    ]);
    expect(plan.notice?.facts).toMatchObject({ satisfaction: 5, reopened: false, askManager: false });
  });

  test('a dissatisfied customer reopens the ticket: status, rework count, moved resolve deadline and its note', () => {
    const plan = planCallback(input({ answers: answers({ satisfaction: 2, issueResolved: false }) }));
    if (plan.kind !== 'recorded' || !plan.ticketUpdate) throw new Error('expected a ticket update');
    const { values, notes } = plan.ticketUpdate;
    expect(values).toMatchObject({ status: 'reopened', reopenCount: 1, callbackState: 'done' });
    expect(values.pausedMs).toBeGreaterThan(0);
    expect(values.resolveDue).toBeInstanceOf(Date);
    expect(notes.resolveDue).toContain('due');
    expect(plan.history.map((entry) => entry.newValue)).toContain('Reopened');
    expect(plan.notice?.facts.reopened).toBe(true);
  });

  test('an unknown ticket ID is kept as an invalid attempt and changes no ticket', () => {
    const plan = planCallback(input({ ticket: null, answers: answers({ ticketId: 'CMP-2026-99999' }) }));
    if (plan.kind !== 'recorded') throw new Error('expected a recorded attempt');
    expect(plan).toMatchObject({
      ticketId: 'CMP-2026-99999',
      valid: false,
      ticketUpdate: null,
      notice: null,
    });
    expect(plan.attempt.flag).toContain('CMP-2026-99999');
    expect(plan.history).toHaveLength(1);
  });

  test('attempts number per ticket, whatever the case of the typed ID', () => {
    const earlier: StoredAttempt = {
      ticketId: 'cmp-2026-00001',
      at: new Date(NOW.getTime() - DAY),
      by: 'Li Na',
      method: 'phone',
      reached: 'no',
      satisfaction: '',
      issueResolved: '',
      comments: '',
      formResponseId: '12:4',
    };
    const plan = planCallback(input({ attempts: [earlier] }));
    expect(plan.kind === 'recorded' && plan.attemptNo).toBe(2);
  });
});
