/**
 * CPU of the sweep's own work at N tickets (SPEC §15: ≤ 2 s on Node at 100,000), without the emulator:
 * decode the columns the sweep reads (Table.readRows over an in-memory sheet), assess every ticket at
 * `now` (assessTickets), plan the write of the changed cells (Table.updateRowsByValue). Used by test/jobs/sweep.test.ts and
 * runnable on its own: `npx tsx test/jobs/sweep-bench.ts 100000`.
 */
import { createCalendar, defaultCalendarConfig } from '../../src/core/calendar';
import type { CellValue } from '../../src/core/cells';
import { DEFAULT_SLA_POLICY } from '../../src/core/sla';
import { assessTickets } from '../../src/jobs/sweep';
import { SWEEP_KEYS } from '../../src/jobs/sweep-row';
import { headerRow } from '../../src/workbook/schema';
import { TICKETS, type TicketRow } from '../../src/workbook/schemas';
import { Table } from '../../src/workbook/table';
import { FakeSheet } from '../workbook/fake-sheet';

const HOUR = 3_600_000;

/** Tickets as the sheet holds them: 90 % Closed, 5 % Resolved (callback window open), 5 % open. */
export function ticketGrid(count: number, now: number): CellValue[][] {
  const header = headerRow(TICKETS, 'en');
  const rows = Array.from({ length: count }, (_, i) => {
    const kind = i % 100 < 5 ? 'open' : i % 100 < 10 ? 'resolved' : 'closed';
    const received = now - ((i * 7919) % (60 * 24)) * HOUR - 2 * HOUR;
    const at = (hours: number) => new Date(received + hours * HOUR);
    const resolved = kind === 'open' ? '' : at(30);
    const values: Partial<Record<keyof TicketRow, CellValue>> = {
      id: `CMP-2026-${String(i + 1).padStart(6, '0')}`,
      receivedAt: new Date(received),
      channel: 'Phone',
      type: 'Complaint',
      category: 'Repair / Plumbing',
      severity: 'General',
      customer: `Customer ${i}`,
      phone: '13812341234',
      department: 'Engineering',
      assignee: 'Zhou Lei',
      status: kind === 'open' ? 'In progress' : kind === 'resolved' ? 'Resolved' : 'Closed',
      ackAt: at(1),
      transferAt: at(1),
      feedbackAt: at(20),
      resolveAt: resolved,
      callbackOpen: resolved,
      callbackDue: kind === 'open' ? '' : at(30 + 14 * 24),
      callbackState: kind === 'open' ? '' : kind === 'resolved' ? 'Waiting' : 'Done',
      slaState: kind === 'open' ? 'On track' : 'Met',
      escalationLevel: 0,
      pausedMs: 0,
    };
    return TICKETS.columns.map((column) => values[column.key] ?? '');
  });
  return [header, ...rows];
}

export interface SweepCpu {
  tickets: number;
  readMs: number;
  assessMs: number;
  writeMs: number;
  totalMs: number;
  changed: number;
}

export function measureSweepCpu(count: number): SweepCpu {
  const now = Date.parse('2026-03-02T04:00:00Z');
  const sheet = new FakeSheet('Tickets', ticketGrid(count, now));
  const calendar = createCalendar(defaultCalendarConfig());
  const started = performance.now();
  const table = new Table<TicketRow>(sheet, TICKETS, 'en');
  const { rows } = table.readRows(SWEEP_KEYS);
  const read = performance.now();
  const plan = assessTickets(rows, { sla: DEFAULT_SLA_POLICY, calendar, now: new Date(now) }, 0, () => false);
  const assessed = performance.now();
  table.updateRowsByValue(plan.changes);
  const written = performance.now();
  return {
    tickets: count,
    readMs: Math.round(read - started),
    assessMs: Math.round(assessed - read),
    writeMs: Math.round(written - assessed),
    totalMs: Math.round(written - started),
    changed: plan.changes.length,
  };
}

if (require.main === module) {
  const count = Number(process.argv[2] ?? 100_000);
  measureSweepCpu(count); // warm-up (JIT, calendar day cache), as in a trigger that reuses nothing
  console.log(JSON.stringify(measureSweepCpu(count)));
}
