/**
 * SPEC §15: one intake submit costs ≤ 15 Sheets service calls and ≤ 5,000 cells read, the same at 1,000,
 * 10,000 and 100,000 existing tickets (nothing reads a column of every ticket: duplicates by the inbox
 * ledger, repeats by TextFinder). The script's own CPU at 100,000 tickets is at most 3× its CPU at
 * 1,000 (issue 13): the process's CPU less the emulator's CPU serving the calls (Google's side: its
 * TextFinder searches 100,000 rows, the script does not), the least of a few submits (the machine is
 * shared).
 */
import type { Emulator } from '../../scripts/emulator';
import { newDesk, rowsOf } from '../helpers/desk';
import { fillTickets } from '../helpers/fixtures';
import { complaint, submitIntake } from '../helpers/intake';

const CALLS = 15;
const CELLS = 5_000;

interface Measured {
  calls: number;
  cellsRead: number;
  cpuMs: number;
  scriptCpuMs: number;
}

function measure(emu: Emulator, phone: string, email: string): Measured {
  emu.counts.reset();
  const start = process.cpuUsage();
  submitIntake(emu, complaint({ phone, email }));
  const cpu = process.cpuUsage(start);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  return {
    calls: emu.counts.sheets(),
    cellsRead: emu.counts.cells().read,
    cpuMs,
    scriptCpuMs: cpuMs - emu.counts.hostCpuMs(),
  };
}

/** A desk with `tickets` tickets; one submit warms the caches (settings rows, header maps), as on any day. */
function desk(tickets: number): Emulator {
  const emu = newDesk({ lang: 'en' });
  fillTickets(emu, tickets);
  submitIntake(emu, complaint({ phone: '13700000001', email: 'warm@example.com' }));
  return emu;
}

/** The least CPU of a few submits (the machine is shared): a new contact, then a repeat of a ticket. */
function bestOf(emu: Emulator, runs: number): Measured {
  const all = Array.from({ length: runs }, (_, i) =>
    measure(emu, `1370000${String(1000 + i)}`, `new${i}@example.com`),
  );
  return {
    calls: Math.max(...all.map((m) => m.calls)),
    cellsRead: Math.max(...all.map((m) => m.cellsRead)),
    cpuMs: Math.min(...all.map((m) => m.cpuMs)),
    scriptCpuMs: Math.min(...all.map((m) => m.scriptCpuMs)),
  };
}

describe('intake budget', () => {
  const sizes = [1_000, 10_000, 100_000] as const;
  const measured = new Map<number, Measured>();
  const desks = new Map<number, Emulator>();

  beforeAll(() => {
    for (const size of sizes) {
      const emu = desk(size);
      desks.set(size, emu);
      measured.set(size, bestOf(emu, 5));
    }
    console.log(
      sizes
        .map((size) => {
          const m = measured.get(size);
          return `intake at ${size} tickets: ${m?.calls} Sheets calls, ${m?.cellsRead} cells read, ${m?.cpuMs.toFixed(1)} ms CPU, of which the script ${m?.scriptCpuMs.toFixed(1)} ms`;
        })
        .join('\n'),
    );
  }, 300_000);

  it(`≤ ${CALLS} Sheets calls and ≤ ${CELLS} cells read, the same at 1,000, 10,000 and 100,000 tickets`, () => {
    const small = measured.get(1_000);
    for (const size of sizes) {
      const m = measured.get(size);
      expect(m?.calls).toBeLessThanOrEqual(CALLS);
      expect(m?.cellsRead).toBeLessThanOrEqual(CELLS);
      expect(m?.calls).toBe(small?.calls);
      expect(m?.cellsRead).toBe(small?.cellsRead);
    }
    expect(rowsOf(desks.get(100_000) as Emulator, 'Tickets')).toHaveLength(100_006); // the warm-up and five submits
  });

  it('the script’s CPU at 100,000 tickets is at most 3× its CPU at 1,000', () => {
    const small = measured.get(1_000)?.scriptCpuMs ?? 0;
    const large = measured.get(100_000)?.scriptCpuMs ?? Number.POSITIVE_INFINITY;
    expect(small).toBeGreaterThan(0);
    expect(large).toBeLessThanOrEqual(3 * small);
  });

  it(`≤ ${CALLS} Sheets calls with mail waiting in the Outbox, at 1,000 and 100,000 tickets`, () => {
    // The notices of a ticket made while mail waits are left to the next hourly run (./mail/deferred):
    // appending them to the Outbox here would cost 4 calls more.
    for (const size of [1_000, 100_000]) {
      const emu = desks.get(size) as Emulator;
      emu.faults.failMail({ times: 1 });
      submitIntake(emu, complaint({ phone: '13600000001', email: 'queued@example.com' }));
      expect(rowsOf(emu, 'Outbox').filter((row) => row.To !== '' && row['Sent at'] === '')).toHaveLength(1);
      const m = measure(emu, '13600000002', 'waiting@example.com');
      expect(m.calls).toBeLessThanOrEqual(CALLS);
      expect(m.cellsRead).toBeLessThanOrEqual(CELLS);
      expect(rowsOf(emu, 'Outbox').filter((row) => row.To !== '')).toHaveLength(1);
    }
  });

  it('a repeat complaint (same phone as an earlier one) reads that ticket: 2 calls more, still bounded', () => {
    const emu = desks.get(100_000) as Emulator;
    // The fixture's first ticket is a plumbing complaint with phone 13100000000, received 7 minutes ago.
    emu.counts.reset();
    submitIntake(emu, complaint({ phone: '13100000000', email: 'other@example.com' }));
    const last = rowsOf(emu, 'Tickets').at(-1);
    expect(last?.['Repeat of']).toBe('OLD-2025-000001');
    expect(emu.counts.sheets()).toBeLessThanOrEqual(CALLS + 2);
    expect(emu.counts.cells().read).toBeLessThanOrEqual(CELLS);
  });
});
