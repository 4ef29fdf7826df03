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

const measured = new Map<number, Measured>();
const desks = new Map<number, Emulator>();

describe('intake budget', () => {
  const sizes = [1_000, 10_000, 100_000] as const;

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

/** The Tickets sheet through the uncounted host. */
function ticketsSheet(emu: Emulator) {
  const sheet = emu.spreadsheet.host().getSheetByName('Tickets');
  if (!sheet) throw new Error('no Tickets');
  return sheet;
}

/** The last ticket row by header (the uncounted host; rowsOf would read 100,000 rows). */
function lastTicket(emu: Emulator): Record<string, unknown> {
  const sheet = ticketsSheet(emu);
  const width = sheet.getLastColumn();
  const header = sheet.getRange(1, 1, 1, width).getValues()[0].map(String);
  const line = sheet.getRange(sheet.getLastRow(), 1, 1, width).getValues()[0];
  return Object.fromEntries(header.map((title, i) => [title, line[i]]));
}

/** `count` inquiries from other phones appended below the last row (the uncounted host). */
function appendOthers(emu: Emulator, count: number): void {
  const sheet = ticketsSheet(emu);
  const width = sheet.getLastColumn();
  const header = sheet.getRange(1, 1, 1, width).getValues()[0].map(String);
  const lastRow = sheet.getLastRow();
  const now = emu.clock.now();
  const rows = Array.from({ length: count }, (_, i) => {
    const values: Record<string, unknown> = {
      ID: `INQ-FILL-${lastRow + i}`,
      'Received at': now,
      Type: 'Inquiry',
      Category: 'Fees and billing',
      Severity: 'General',
      Phone: `'159${String(10_000_000 + lastRow + i)}`,
      Status: 'New',
    };
    return header.map((title) => values[title] ?? '');
  });
  if (sheet.getMaxRows() < lastRow + count)
    sheet.insertRowsAfter(sheet.getMaxRows(), lastRow + count - sheet.getMaxRows());
  sheet.getRange(lastRow + 1, 1, count, width).setValues(rows as never);
}

interface Case {
  calls: number;
  cells: number;
  repeatOf: unknown;
  id: unknown;
}

function submitMeasured(emu: Emulator, answers: Parameters<typeof complaint>[0]): Case {
  emu.counts.reset();
  submitIntake(emu, complaint(answers));
  const last = lastTicket(emu);
  return {
    calls: emu.counts.sheets(),
    cells: emu.counts.cells().read,
    repeatOf: last['Repeat of'],
    id: last.ID,
  };
}

/**
 * SPEC §15 for every kind of intake, at 10 and at 100,000 tickets: a complaint from a new contact, its
 * repeats with 1, 2 and 3 earlier tickets, an earlier ticket far up the sheet, praise and a reference to
 * an imported ticket ID each cost ≤ 15 Sheets calls and ≤ 5,000 cells, the same at both sizes. Earlier
 * tickets intake wrote are proved complete by one whole-sheet count (./earlier-tickets.ts); the cases
 * beyond 15 are pinned with their reason.
 */
describe('intake budget: repeats, praise and references at 10 and 100,000 tickets', () => {
  const sizes = [10, 100_000] as const;
  const cases = new Map<number, Map<string, Case>>();

  beforeAll(() => {
    for (const size of sizes) {
      const emu = size === 100_000 && desks.has(size) ? (desks.get(size) as Emulator) : desk(size);
      const seen = new Map<string, Case>();
      const run = (name: string, answers: Parameters<typeof complaint>[0]) => {
        seen.set(name, submitMeasured(emu, answers));
      };
      run('first contact', { phone: '13500000001', email: '' });
      run('repeat, 1 earlier', { phone: '13500000001', email: '' });
      run('repeat, 2 earlier', { phone: '13500000001', email: '' });
      run('repeat, 3 earlier', { phone: '13500000001', email: '' });
      run('praise', { type: 'Praise', personComplained: 'Zhang Wei', phone: '13500000002', email: '' });
      run('imported-ID reference', { phone: '13500000003', relatedTicket: 'OLD-2025-000001' });
      run('email only, first contact', { phone: '', email: 'only.mail@example.com' });
      run('email only, repeat', { phone: '', email: 'only.mail@example.com' });
      // An earlier ticket 1,000 rows up: one read of its row.
      run('far, first contact', { phone: '13500000004', email: '' });
      appendOthers(emu, 1_000);
      run('repeat, 1 earlier far up', { phone: '13500000004', email: '' });
      // Two earlier tickets 1,000 rows apart: one read each.
      run('repeat, 2 earlier far apart', { phone: '13500000004', email: '' });
      // The fixture's sixth ticket, an electrical complaint: its phone typed as a number (no count can
      // prove it), not written by intake.
      run('repeat of a ticket intake did not write', {
        phone: '13100000005',
        email: '',
        category: 'Repair / Electrical',
      });
      // People sort the sheet: the remembered rows are stale; the search still finds every earlier ticket.
      const sheet = ticketsSheet(emu);
      sheet
        .getRange(2, 1, sheet.getLastRow() - 1, sheet.getLastColumn())
        .sort({ column: 2, ascending: false });
      run('repeat after a sort', { phone: '13500000001', email: '' });
      run('repeat after a sort, again', { phone: '13500000001', email: '' });
      cases.set(size, seen);
    }
    console.log(
      [...cases]
        .map(([size, seen]) =>
          [...seen]
            .map(
              ([name, c]) =>
                `intake at ${size} tickets, ${name}: ${c.calls} Sheets calls, ${c.cells} cells read`,
            )
            .join('\n'),
        )
        .join('\n'),
    );
  }, 300_000);

  const within = [
    'first contact',
    'repeat, 1 earlier',
    'repeat, 2 earlier',
    'repeat, 3 earlier',
    'praise',
    'imported-ID reference',
    'email only, first contact',
    'email only, repeat',
    'far, first contact',
    'repeat, 1 earlier far up',
  ];

  it.each(within)(
    `%s: ≤ ${CALLS} Sheets calls and ≤ ${CELLS} cells read, the same at 10 and 100,000 tickets`,
    (name) => {
      const small = cases.get(10)?.get(name);
      const large = cases.get(100_000)?.get(name);
      expect(small?.calls).toBeLessThanOrEqual(CALLS);
      expect(small?.cells).toBeLessThanOrEqual(CELLS);
      expect(large?.calls).toBe(small?.calls);
      expect(large?.cells).toBe(small?.cells);
    },
  );

  it('each repeat names the latest earlier complaint of the same phone or email, also after a sort', () => {
    for (const size of sizes) {
      const seen = cases.get(size) as Map<string, Case>;
      const id = (name: string) => seen.get(name)?.id;
      const repeatOf = (name: string) => seen.get(name)?.repeatOf;
      expect(repeatOf('first contact')).toBe('');
      expect(repeatOf('repeat, 1 earlier')).toBe(id('first contact'));
      expect(repeatOf('repeat, 2 earlier')).toBe(id('repeat, 1 earlier'));
      expect(repeatOf('repeat, 3 earlier')).toBe(id('repeat, 2 earlier'));
      expect(repeatOf('email only, repeat')).toBe(id('email only, first contact'));
      expect(repeatOf('repeat, 1 earlier far up')).toBe(id('far, first contact'));
      expect(repeatOf('repeat, 2 earlier far apart')).toBe(id('repeat, 1 earlier far up'));
      expect(repeatOf('repeat of a ticket intake did not write')).toBe('OLD-2025-000006');
      expect(repeatOf('repeat after a sort')).toBe(id('repeat, 3 earlier'));
      expect(repeatOf('repeat after a sort, again')).toBe(id('repeat after a sort'));
      expect(repeatOf('praise')).toBe('');
      expect(repeatOf('imported-ID reference')).toBe('');
    }
  });

  it('beyond 15, with their reason: earlier rows far apart cost one read each; rows intake cannot prove are located first', () => {
    for (const size of sizes) {
      const seen = cases.get(size) as Map<string, Case>;
      // Two runs of remembered rows: one read more than one run.
      expect(seen.get('repeat, 2 earlier far apart')?.calls).toBe(CALLS + 1);
      // Not remembered: its own column's search (one call more than the whole sheet's), a getRow, a read.
      expect(seen.get('repeat of a ticket intake did not write')?.calls).toBe(CALLS + 2);
      // Remembered rows that a sort moved: the proof read, then the matches located (first, last, block).
      expect(seen.get('repeat after a sort')?.calls).toBe(CALLS + 3);
      // Relearned: the sorted tickets near the top and the new one at the bottom, two runs at 100,000
      // tickets (one read more), one at 10.
      expect(seen.get('repeat after a sort, again')?.calls).toBe(size === 10 ? CALLS : CALLS + 1);
      for (const name of [
        'repeat, 2 earlier far apart',
        'repeat of a ticket intake did not write',
        'repeat after a sort',
        'repeat after a sort, again',
      ])
        expect(seen.get(name)?.cells).toBeLessThanOrEqual(CELLS);
    }
  });
});
