/** The sweep's assessment (src/jobs/sweep.ts assessTickets): time budget cursor and what it changes. */
import { createCalendar, defaultCalendarConfig } from '../../src/core/calendar';
import { DEFAULT_SLA_POLICY } from '../../src/core/sla';
import { assessTickets } from '../../src/jobs/sweep';
import { SWEEP_KEYS } from '../../src/jobs/sweep-row';
import { TICKETS, type TicketRow } from '../../src/workbook/schemas';
import { Table } from '../../src/workbook/table';
import { FakeSheet } from '../workbook/fake-sheet';
import { measureSweepCpu, ticketGrid } from './sweep-bench';

const NOW = Date.parse('2026-03-02T04:00:00Z');
const context = {
  sla: DEFAULT_SLA_POLICY,
  calendar: createCalendar(defaultCalendarConfig()),
  now: new Date(NOW),
};

function rows(count: number) {
  return new Table<TicketRow>(new FakeSheet('Tickets', ticketGrid(count, NOW)), TICKETS, 'en').readRows(
    SWEEP_KEYS,
  ).rows;
}

describe('assessTickets', () => {
  it('stops when the budget says so and returns where to continue; the rest is assessed next time', () => {
    const all = rows(2_000);
    let checks = 0;
    const first = assessTickets(all, context, 0, () => ++checks > 1);
    expect(first.nextIndex).toBe(999);
    const second = assessTickets(all, context, first.nextIndex ?? 0, () => false);
    expect(second.nextIndex).toBeNull();
    const whole = assessTickets(all, context, 0, () => false);
    expect(first.changes.length + second.changes.length).toBe(whole.changes.length);
    expect(first.escalations.length + second.escalations.length).toBe(whole.escalations.length);
  });

  it('writes only SLA state, escalation level and callback state, and escalates each ticket once per level', () => {
    const all = rows(200);
    const plan = assessTickets(all, context, 0, () => false);
    const keys = new Set(plan.changes.flatMap((change) => Object.keys(change.values)));
    expect([...keys].every((key) => ['slaState', 'escalationLevel', 'callbackState'].includes(key))).toBe(
      true,
    );
    for (const escalation of plan.escalations) expect(escalation.to).toBeGreaterThan(escalation.from);
    // Once the levels are recorded, the same tickets at the same instant escalate nothing.
    const recorded = all.map((row) => {
      const change = plan.changes.find((c) => c.row === row.row)?.values ?? {};
      return { ...row, values: { ...row.values, ...change } };
    });
    expect(assessTickets(recorded, context, 0, () => false).escalations).toEqual([]);
  });

  it("moves Resolved tickets' callbacks into their window (due or overdue)", () => {
    const plan = assessTickets(rows(100), context, 0, () => false);
    const moved = plan.changes.map((change) => change.values.callbackState).filter(Boolean);
    expect(moved.length).toBeGreaterThan(0);
    expect(moved.every((state) => state === 'due' || state === 'overdue')).toBe(true);
  });

  it('benchmark hook: reports the CPU of a sweep (not a timed test)', () => {
    const figures = measureSweepCpu(5_000);
    expect(figures.tickets).toBe(5_000);
    expect(figures.changed).toBeGreaterThan(0);
  });
});
