/**
 * A callback attempt reads a bounded number of cells whatever the number of tickets and callbacks
 * (issue 13 "bounded I/O", SPEC §15's intake budget applied to cells): the callback form (through the
 * inbox) and the ticket panel's "log a callback attempt", measured at 1,000 and 100,000 Tickets and
 * Callbacks rows. One desk per size; every figure is the emulator's counters.
 */
import type { Emulator } from '../../scripts/emulator';
import type { PanelAction, TicketView } from '../../src/jobs/panel/view';
import { cellOf, formId, newDesk, rowsOf } from '../helpers/desk';
import { fillCallbacks, fillTickets } from '../helpers/fixtures';
import { complaint, submitIntake } from '../helpers/intake';
import { PanelDriver, staffEmail } from '../helpers/panel';

const HOUR = 3_600_000;
const CELLS = 5_000;

interface Measured {
  calls: number;
  cellsRead: number;
  snapshot: Record<string, number>;
}

function measure(emu: Emulator, run: () => void): Measured {
  emu.counts.reset();
  run();
  return { calls: emu.counts.sheets(), cellsRead: emu.counts.cells().read, snapshot: emu.counts.snapshot() };
}

function submitCallback(emu: Emulator, ticketId: string, reached: boolean): void {
  emu.submitForm(formId(emu, 'form.callback'), {
    'Ticket ID': ticketId,
    'Called back by': 'Li Na',
    Method: 'Phone',
    'Customer reached': reached ? 'Yes' : 'No',
    ...(reached
      ? { Satisfaction: '5 Very satisfied', 'Issue resolved': 'Yes', 'Customer confirmation': 'Verbal' }
      : {}),
  });
}

/** A new complaint, resolved by cell edits: its ID and row. */
function resolvedTicket(emu: Emulator, phone: string): { id: string; row: number } {
  submitIntake(emu, complaint({ phone }));
  const row = emu.spreadsheet.sheet('Tickets').lastRow();
  emu.editCells('Tickets', cellOf(emu, 'Tickets', 'Resolution', row), [['Replaced the pipe joint.']]);
  emu.editCells('Tickets', cellOf(emu, 'Tickets', 'Status', row), [['Resolved']]);
  return { id: String(emu.spreadsheet.sheet('Tickets').row(row)[0]), row };
}

function panelCallback(requestId: string, reached: boolean): PanelAction {
  return {
    kind: 'callback',
    method: 'phone',
    reached,
    satisfaction: reached ? 4 : null,
    issueResolved: reached ? true : null,
    comments: '',
    requestId,
  };
}

interface Figures {
  formFirst: Measured;
  formSecond: Measured;
  panelFirst: Measured;
  panelSecond: Measured;
}

/** `size` Tickets rows and as many Callbacks rows, then the four measured attempts. */
function figuresAt(size: number): { emu: Emulator; figures: Figures } {
  const emu = newDesk({ lang: 'en' });
  fillTickets(emu, size);
  fillCallbacks(emu, size);
  // A first attempt warms the caches (settings, header maps), as on any working day.
  const warm = resolvedTicket(emu, '13900000001');
  submitCallback(emu, warm.id, false);
  const form = resolvedTicket(emu, '13900000002');
  emu.clock.advance(HOUR);
  const formFirst = measure(emu, () => submitCallback(emu, form.id, false));
  emu.clock.advance(HOUR);
  const formSecond = measure(emu, () => submitCallback(emu, form.id, true));

  const viaPanel = resolvedTicket(emu, '13900000003');
  const assignee = String(rowsOf(emu, 'Tickets').at(-1)?.Assignee);
  const panel = new PanelDriver(emu, staffEmail(emu, assignee));
  const view = (): TicketView => {
    const shown = panel.ticket(viaPanel.id, viaPanel.row).ticket;
    if (!shown) throw new Error(`no ticket ${viaPanel.id}`);
    return shown;
  };
  emu.clock.advance(HOUR);
  let first = view();
  const panelFirst = measure(emu, () =>
    expect(panel.act(first, panelCallback('budget-1', false))).toMatchObject({ ok: true }),
  );
  emu.clock.advance(HOUR);
  first = view();
  const panelSecond = measure(emu, () =>
    expect(panel.act(first, panelCallback('budget-2', true))).toMatchObject({ ok: true }),
  );
  return { emu, figures: { formFirst, formSecond, panelFirst, panelSecond } };
}

/** Calls per attempt as measured (the same at both sizes); see src/jobs/callbacks/lookup.ts. */
const CALLS = {
  // Inbox (response row, ledger), Callbacks: header check, search (getRange, createTextFinder,
  // findAll), appendRow; Tickets: header check, search + getRow, the row; one write, History, flush.
  formFirst: 22,
  // A second attempt: its first one found (getRow) and read; the ticket's two runs of changed cells
  // and two History entries.
  formSecond: 28,
  // The panel has read the ticket's row under the lock: no search of Tickets; its History rows go under
  // the header map the hourly run checks (panel/actions.ts).
  panelFirst: 15,
  panelSecond: 21,
};

describe('callback budget (issue 13: bounded I/O)', () => {
  const sizes = [1_000, 100_000] as const;
  const results = new Map<number, { emu: Emulator; figures: Figures }>();
  const figures = (size: number) => (results.get(size) as { figures: Figures }).figures;

  beforeAll(() => {
    for (const size of sizes) results.set(size, figuresAt(size));
    for (const size of sizes)
      console.log(
        Object.entries(figures(size))
          .map(([name, m]) => `${size} rows, ${name}: ${m.calls} Sheets calls, ${m.cellsRead} cells read`)
          .join('\n'),
      );
  }, 300_000);

  it(`cells read per attempt ≤ ${CELLS} and the same at 1,000 and 100,000 Tickets and Callbacks rows; calls as measured`, () => {
    const small = figures(1_000);
    const large = figures(100_000);
    for (const name of Object.keys(CALLS) as Array<keyof Figures>) {
      expect({ name, calls: large[name].calls, cells: large[name].cellsRead }).toEqual({
        name,
        calls: small[name].calls,
        cells: small[name].cellsRead,
      });
      expect(small[name].calls).toBe(CALLS[name]);
      // Before the search (a read of every Callbacks row and, from the form, every Tickets row):
      // 61,177 cells at 1,000 rows and 6,100,177 at 100,000.
      expect(small[name].cellsRead).toBeLessThanOrEqual(CELLS);
      expect(small[name].cellsRead).toBeLessThan(200);
      // Found by Google's search, not by reading a column of every row.
      expect(small[name].snapshot['TextFinder.findAll']).toBeGreaterThanOrEqual(1);
    }
    // Each attempt was recorded and judged: the satisfied ones are Done.
    const emu = (results.get(100_000) as { emu: Emulator }).emu;
    const tickets = rowsOf(emu, 'Tickets').slice(-3);
    expect(tickets.map((row) => row['Callback state'])).toEqual(['Due', 'Done', 'Done']);
    expect(
      rowsOf(emu, 'Callbacks')
        .slice(-5)
        .map((row) => row['Attempt no.']),
    ).toEqual([1, 1, 2, 1, 2]);
  });

  it('attempts far apart (more than a block between them), and a sorted sheet: found where they are, numbered and judged as before', () => {
    const emu = (results.get(1_000) as { emu: Emulator }).emu;
    const { id } = resolvedTicket(emu, '13900000009');
    const attempt = (reached: boolean) => {
      // The settings and header caches outlive hours, not days: an unrelated attempt warms them again.
      submitCallback(emu, 'OLD-2025-000002', false);
      const m = measure(emu, () => submitCallback(emu, id, reached));
      const rows = rowsOf(emu, 'Callbacks');
      return { m, row: rows.filter((row) => row['Ticket ID'] === id).at(-1) ?? {}, total: rows.length };
    };
    const ticket = () => rowsOf(emu, 'Tickets').find((row) => row.ID === id) ?? {};
    emu.clock.advance(HOUR);
    expect(attempt(false).row).toMatchObject({ 'Attempt no.': 1 });
    // Other tickets' callbacks in between: 400 rows (more than one block read).
    fillCallbacks(emu, 400);
    emu.clock.advance(24 * HOUR);
    const second = attempt(false);
    expect(second.row).toMatchObject({ 'Attempt no.': 2 });
    expect(String(second.row.Flag)).toMatch(/2 of 3 attempts, on 2 of 2 days/);
    // The two far-apart matches are read one row each.
    // The two matches are far apart: read one row each (a near pair is one block read).
    expect(second.m.snapshot['Range.getRow']).toBe(3); // the response row's, and the first and last match
    expect(second.m.calls).toBe(24);
    fillCallbacks(emu, 400);
    emu.clock.advance(HOUR);
    const third = attempt(false);
    expect(third.row).toMatchObject({ 'Attempt no.': 3 });
    expect(String(third.row.Flag)).toMatch(/Unreachable: 3 attempts on 2 different days/);
    expect(ticket()['Callback state']).toBe('Unreachable');
    fillCallbacks(emu, 400);
    // Three matches far apart: searched again for the whole cell and read one run each.
    emu.clock.advance(HOUR);
    const fourth = attempt(false);
    expect(fourth.row).toMatchObject({ 'Attempt no.': 4 });
    expect(fourth.m.cellsRead).toBeLessThanOrEqual(CELLS);
    // The substring search, then the whole-cell one (getLastRow, getRange, createTextFinder,
    // useRegularExpression, findAll, a getRow per match) and one read per match: 13 calls more.
    expect(fourth.m.snapshot['TextFinder.useRegularExpression']).toBe(1);
    expect(fourth.m.calls).toBe(37);

    // Someone sorts Callbacks newest first: the ticket's rows move to the top; a reached customer is Done.
    const host = emu.spreadsheet.host().getSheetByName('Callbacks');
    if (!host) throw new Error('no Callbacks');
    const atColumn =
      (host.getRange(1, 1, 1, host.getLastColumn()).getValues()[0] as string[]).indexOf('At') + 1;
    host
      .getRange(2, 1, host.getLastRow() - 1, host.getLastColumn())
      .sort({ column: atColumn, ascending: false });
    emu.clock.advance(HOUR);
    const total = fourth.total;
    const fifth = attempt(true);
    expect(fifth.total).toBe(total + 2); // with the warming attempt
    const mine = rowsOf(emu, 'Callbacks').filter((row) => row['Ticket ID'] === id);
    expect(mine.map((row) => row['Attempt no.']).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(ticket()).toMatchObject({ 'Callback state': 'Done', Satisfaction: 5 });
    expect(fifth.m.cellsRead).toBeLessThanOrEqual(CELLS);
  });
});
