/** Small hand-made ticket sets for the report aggregation tests (times are Shanghai wall times). */
import type { ReportCallback, ReportTicket } from '../../src/core/reports';
import { cst } from './calendar-helpers';

export function ticket(overrides: Partial<ReportTicket> & { id: string }): ReportTicket {
  return {
    receivedAt: null,
    type: 'complaint',
    severity: 'general',
    channel: 'phone',
    category: 'Plumbing',
    department: 'Engineering',
    assignee: 'Zhang Wei',
    status: 'new',
    phone: '13812341234',
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
    callbackState: '',
    satisfaction: null,
    repeatOf: '',
    reopenCount: 0,
    substantiated: '',
    personComplained: '',
    pausedMs: 0,
    ...overrides,
  };
}

/** The Callbacks log the fixtures imply: one valid, scored attempt per ticket with a callback score. */
export function callbacksOf(tickets: readonly ReportTicket[]): ReportCallback[] {
  return tickets.flatMap((t) =>
    t.callbackAt !== null && t.satisfaction !== null
      ? [{ ticketId: t.id, at: t.callbackAt, by: 'Li Na', satisfaction: t.satisfaction }]
      : [],
  );
}

/**
 * Week 2026-W47 (Mon 11-16 … Sun 11-22) and one ticket of the week before:
 * - A complaint, resolved Wed before its Thu deadline (on time); callback done Thu, score 5.
 * - B Major complaint, due Fri 10:00, resolved Sat (late).
 * - C complaint due next Monday, still open.
 * - D complaint of W46, resolved on time in W46.
 * - E repair resolved on time Tue; callback window closed Sat, customer unreachable.
 * - G suggestion resolved Wed after one reopen; callback done Fri, score 3.
 * - H repeat complaint received Fri 09:00, not acknowledged by its Fri 14:00 deadline.
 */
export function weekFixture(): ReportTicket[] {
  return [
    ticket({
      id: 'CMP-2026-00010',
      receivedAt: cst('2026-11-16T10:00'),
      status: 'closed',
      resolveDue: cst('2026-11-19T10:00'),
      resolveAt: cst('2026-11-18T15:00'),
      callbackDue: cst('2026-11-20T18:00'),
      callbackAt: cst('2026-11-19T11:00'),
      callbackState: 'done',
      satisfaction: 5,
    }),
    ticket({
      id: 'CMP-2026-00011',
      receivedAt: cst('2026-11-17T09:00'),
      severity: 'major',
      channel: 'walkIn',
      status: 'resolved',
      resolveDue: cst('2026-11-20T10:00'),
      resolveAt: cst('2026-11-21T11:00'),
    }),
    ticket({
      id: 'CMP-2026-00012',
      receivedAt: cst('2026-11-18T14:00'),
      category: 'Noise',
      department: 'Security',
      assignee: 'Ma Chao',
      status: 'inProgress',
      resolveDue: cst('2026-11-23T14:00'),
    }),
    ticket({
      id: 'CMP-2026-00009',
      receivedAt: cst('2026-11-09T10:00'),
      status: 'closed',
      resolveDue: cst('2026-11-12T10:00'),
      resolveAt: cst('2026-11-10T10:00'),
    }),
    ticket({
      id: 'REP-2026-00003',
      type: 'repair',
      receivedAt: cst('2026-11-16T11:00'),
      assignee: 'Zhou Lei',
      status: 'resolved',
      resolveDue: cst('2026-11-17T18:00'),
      resolveAt: cst('2026-11-17T16:00'),
      callbackDue: cst('2026-11-21T12:00'),
      callbackState: 'unreachable',
    }),
    ticket({
      id: 'SUG-2026-00001',
      type: 'suggestion',
      channel: 'email',
      receivedAt: cst('2026-11-16T09:30'),
      status: 'closed',
      resolveAt: cst('2026-11-18T10:00'),
      reopenCount: 1,
      callbackDue: cst('2026-11-20T18:00'),
      callbackAt: cst('2026-11-20T10:00'),
      callbackState: 'done',
      satisfaction: 3,
    }),
    ticket({
      id: 'CMP-2026-00013',
      receivedAt: cst('2026-11-20T09:00'),
      repeatOf: 'CMP-2026-00001',
      severity: 'major',
      assignee: '',
      phone: '13998765432',
      ackDue: cst('2026-11-20T14:00'),
    }),
  ];
}
