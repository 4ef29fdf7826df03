/**
 * Report aggregation benchmark (SPEC §15: a weekly / monthly report within 3 s CPU for 100,000 tickets).
 * Times the pure part — buildReport over generated tickets, then the sheet layout — which is all the CPU
 * a report spends besides reading Tickets and writing its blocks (a fixed number of calls, SPEC §2).
 * `npx tsx scripts/bench-reports.ts [tickets]` prints milliseconds; `benchReport` is reusable by `npm run bench`.
 */
import { createCalendar, defaultCalendarConfig } from '../src/core/calendar';
import {
  buildReport,
  lastCompletedPeriod,
  previousPeriod,
  type ReportCallback,
  type ReportTicket,
} from '../src/core/reports';
import { defaultTargets } from '../src/core/settings/targets';
import { layoutReport } from '../src/jobs/reports/layout';

const TYPES = ['complaint', 'inquiry', 'suggestion', 'repair', 'praise'] as const;
const STATUSES = ['new', 'inProgress', 'resolved', 'closed', 'waitingOnCustomer'] as const;
const HOUR = 3_600_000;

/** `count` tickets received every 7 minutes back from `now`, a fifth of them resolved late. */
export function generatedTickets(count: number, now: number): ReportTicket[] {
  return Array.from({ length: count }, (_, i) => {
    const receivedAt = now - (i + 1) * 7 * 60_000;
    const resolved = i % 5 >= 2;
    return {
      id: `CMP-2026-${String(i).padStart(6, '0')}`,
      receivedAt,
      type: TYPES[i % TYPES.length],
      severity: i % 10 === 0 ? 'major' : 'general',
      channel: 'phone',
      category: `Category ${i % 12}`,
      department: `Department ${i % 6}`,
      assignee: `Staff ${i % 25}`,
      status: STATUSES[i % STATUSES.length],
      phone: `138${String(i).padStart(8, '0')}`,
      ackDue: receivedAt + 24 * HOUR,
      ackAt: receivedAt + (i % 3) * HOUR,
      transferDue: null,
      transferAt: null,
      feedbackDue: receivedAt + 48 * HOUR,
      feedbackAt: i % 4 === 0 ? null : receivedAt + 30 * HOUR,
      resolveDue: receivedAt + 72 * HOUR,
      resolveAt: resolved ? receivedAt + (i % 7 === 0 ? 90 : 40) * HOUR : null,
      firstResolvedAt: resolved ? receivedAt + (i % 7 === 0 ? 90 : 40) * HOUR : null,
      firstResolveDue: resolved ? receivedAt + 72 * HOUR : null,
      callbackDue: resolved ? receivedAt + 14 * 24 * HOUR : null,
      callbackAt: resolved && i % 3 === 0 ? receivedAt + 5 * 24 * HOUR : null,
      callbackState: resolved ? (i % 3 === 0 ? 'done' : 'due') : '',
      satisfaction: resolved && i % 3 === 0 ? 1 + (i % 5) : null,
      repeatOf: i % 50 === 0 ? 'CMP-2025-000001' : '',
      reopenCount: i % 97 === 0 ? 1 : 0,
      substantiated: i % 5 === 0 ? (i % 2 === 0 ? 'yes' : 'no') : '',
      personComplained: i % 5 === 0 ? `Staff ${i % 25}` : '',
      pausedMs: 0,
    };
  });
}

/** One scored attempt per called-back ticket, as the Callbacks log would hold. */
export function generatedCallbacks(tickets: readonly ReportTicket[]): ReportCallback[] {
  return tickets.flatMap((ticket) =>
    ticket.callbackAt === null
      ? []
      : [{ ticketId: ticket.id, at: ticket.callbackAt, by: 'Staff 1', satisfaction: ticket.satisfaction }],
  );
}

/** CPU milliseconds of building and laying out last week's and last month's reports over `count` tickets. */
export function benchReport(count: number): { weeklyMs: number; monthlyMs: number } {
  const calendar = createCalendar(defaultCalendarConfig());
  const now = Date.parse('2026-12-01T00:30:00Z');
  const tickets = generatedTickets(count, now);
  const callbacks = generatedCallbacks(tickets);
  const time = (kind: 'weekly' | 'monthly') => {
    const period = lastCompletedPeriod(kind, calendar.zone, now);
    const began = process.cpuUsage();
    const model = buildReport({
      tickets,
      callbacks,
      managers: ['Staff 0'],
      period,
      previous: previousPeriod(calendar.zone, period),
      calendar,
      targets: defaultTargets(),
      now,
    });
    layoutReport('en', calendar, model);
    const used = process.cpuUsage(began);
    return Math.round((used.user + used.system) / 1000);
  };
  return { weeklyMs: time('weekly'), monthlyMs: time('monthly') };
}

if (require.main === module) {
  const count = Number(process.argv[2] ?? 100_000);
  const { weeklyMs, monthlyMs } = benchReport(count);
  console.log(
    `report aggregation + layout at ${count.toLocaleString('en-US')} tickets: weekly ${weeklyMs} ms CPU, monthly ${monthlyMs} ms CPU`,
  );
}
