/**
 * My queue reads from where the tickets still being worked begin (src/jobs/active-rows.ts, issue 19 and
 * SPEC §17: cells read stay bounded as the sheet grows), as the last hourly sweep saw it — and every row
 * when that no longer holds: a settled ticket reopened above it, rows sorted by a person.
 */
import type { Emulator } from '../../scripts/emulator';
import { cellOf, documentProperties, newDesk, rowsOf } from '../helpers/desk';
import { fillTickets } from '../helpers/fixtures';
import { complaint, submitIntake } from '../helpers/intake';
import { PanelDriver, staffEmail } from '../helpers/panel';

const HOUR = 3_600_000;

interface Queue {
  tickets: Array<{ id: string; row: number }>;
}

/** `settled` closed tickets of past years, then three new complaints; the hourly run has swept them. */
function deskWithHistory(settled: number) {
  const emu = newDesk({ lang: 'en' });
  fillTickets(emu, settled);
  // Every generated ticket closed, its callback done: none is in anyone's queue any more.
  const sheet = emu.spreadsheet.host().getSheetByName('Tickets');
  if (!sheet) throw new Error('no Tickets');
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  sheet.getRange(2, header.indexOf('Status') + 1, settled, 1).setValue('Closed');
  sheet.getRange(2, header.indexOf('Callback state') + 1, settled, 1).setValue('Done');
  // The old tickets were Zhou Lei's; so are the new ones (the desk's routing for this category).
  for (const customer of ['A', 'B', 'C'])
    submitIntake(emu, complaint({ customer, phone: `1390000${customer.charCodeAt(0)}00` }));
  const assignee = String(rowsOf(emu, 'Tickets').at(-1)?.Assignee);
  emu.advance(HOUR); // the hourly run sweeps and records where the active tickets begin
  return { emu, panel: new PanelDriver(emu, staffEmail(emu, assignee)), assignee };
}

function queueOf(emu: Emulator, panel: PanelDriver): { queue: Queue; cells: number; sheets: number } {
  emu.counts.reset();
  const queue = emu.scriptRun('panelQueue', [], { user: panel.user }) as Queue;
  return { queue, cells: emu.counts.cells().read, sheets: emu.counts.sheets() };
}

describe('My queue reads from where the active tickets begin', () => {
  it('the same calls and cells at 1,000 and 100,000 settled tickets, and the same queue as a read of every row', () => {
    const small = deskWithHistory(1_000);
    const large = deskWithHistory(100_000);
    const a = queueOf(small.emu, small.panel);
    const b = queueOf(large.emu, large.panel);
    expect(a.queue.tickets.length).toBeGreaterThan(0);
    expect(a.queue.tickets.every((t) => t.id.startsWith('CMP-2026-'))).toBe(true);
    expect(b.queue.tickets.map((t) => t.id)).toEqual(a.queue.tickets.map((t) => t.id));
    expect({ sheets: b.sheets, cells: b.cells }).toEqual({ sheets: a.sheets, cells: a.cells });
    console.log(`My queue at 1,000 and 100,000 settled tickets: ${a.sheets} Sheets calls, ${a.cells} cells`);
    // The three open tickets and the settled one above them, not 100,000 rows × 44 columns.
    expect(a.cells).toBeLessThan(500);

    // Without the window (the hourly run never ran, or the property was lost): every row, same queue.
    documentProperties(large.emu).delete('tickets.active');
    const full = queueOf(large.emu, large.panel);
    expect(full.queue.tickets).toEqual(b.queue.tickets);
    console.log(`My queue reading every row: ${full.sheets} Sheets calls, ${full.cells} cells`);
    expect(full.cells).toBeGreaterThan(100_000 * 20);
  }, 300_000);

  it('a settled ticket reopened by a cell edit or in the panel shows at once, though it lies above the window', () => {
    const { emu, panel, assignee } = deskWithHistory(200);
    expect(queueOf(emu, panel).cells).toBeLessThan(500);
    // Row 50 holds a closed ticket of Zhou Lei's; reopened by its owner in the sheet.
    const row = 50;
    emu.editCells('Tickets', cellOf(emu, 'Tickets', 'Assignee', row), [[assignee]], { user: panel.user });
    emu.editCells('Tickets', cellOf(emu, 'Tickets', 'Status', row), [['Reopened']], { user: panel.user });
    expect(rowsOf(emu, 'Tickets')[row - 2].Status).toBe('Reopened');
    const after = queueOf(emu, panel);
    expect(after.queue.tickets.map((t) => t.row)).toContain(row);
    // Until the next hourly run, which records the window from the reopened row on.
    emu.advance(HOUR);
    const swept = queueOf(emu, panel);
    expect(swept.queue.tickets.map((t) => t.row)).toContain(row);
    expect(swept.cells).toBeLessThan(after.cells);

    // Reopened in the panel: the same.
    const older = 30;
    emu.editCells('Tickets', cellOf(emu, 'Tickets', 'Assignee', older), [[assignee]], { user: panel.user });
    const id = String(rowsOf(emu, 'Tickets')[older - 2].ID);
    const view = panel.ticket(id, older).ticket;
    if (!view) throw new Error(`no ticket ${id}`);
    expect(panel.act(view, { kind: 'status', to: 'reopened', text: '' })).toMatchObject({ ok: true });
    expect(queueOf(emu, panel).queue.tickets.map((t) => t.row)).toContain(older);
  });

  it('rows sorted by a person: the anchors no longer hold, so every row is read and nothing is missed', () => {
    const { emu, panel } = deskWithHistory(200);
    const before = queueOf(emu, panel).queue.tickets.map((t) => t.id);
    // Sorted by Customer, Z → A: the new complaints (customers A, B, C) move to the bottom, the old ones up.
    const sheet = emu.spreadsheet.host().getSheetByName('Tickets');
    if (!sheet) throw new Error('no Tickets');
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
    sheet
      .getRange(2, 1, sheet.getLastRow() - 1, header.length)
      .sort({ column: header.indexOf('Customer') + 1, ascending: false });
    const after = queueOf(emu, panel);
    expect(after.queue.tickets.map((t) => t.id)).toEqual(before);
    expect(after.cells).toBeGreaterThan(200 * 20);
  });
});
