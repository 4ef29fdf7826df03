/**
 * The panel's remembered reads (src/jobs/panel/recall.ts, issue 19): a ticket read again costs 6 Sheets
 * calls, and what it shows is what the sheets hold even after people sort Tickets, delete or insert
 * rows, sort History, or other jobs write History, and after Google drops the cache.
 */
import type { Emulator } from '../../scripts/emulator';
import type { TicketView } from '../../src/jobs/panel/view';
import { cellOf, newDesk, rowsOf } from '../helpers/desk';
import { complaint, submitIntake } from '../helpers/intake';
import { PanelDriver, staffEmail } from '../helpers/panel';

const HOUR = 3_600_000;

/** A desk with three tickets; the panel is the middle one's assignee. */
function desk() {
  const emu = newDesk({ lang: 'en' });
  for (const customer of ['Wang Fang', 'Chen Jing', 'Zhou Min']) {
    submitIntake(emu, { ...complaint(), customer });
    emu.clock.advance(HOUR);
  }
  const tickets = rowsOf(emu, 'Tickets');
  const id = String(tickets[1].ID);
  const panel = new PanelDriver(emu, staffEmail(emu, String(tickets[1].Assignee)));
  return { emu, panel, id };
}

function open(panel: PanelDriver, id: string, row: number | null = null): TicketView {
  const { ticket } = panel.ticket(id, row);
  if (!ticket) throw new Error(`no ticket ${id}`);
  return ticket;
}

/** What History holds for the ticket, oldest first, as the panel lists it: field and new value. */
function truth(emu: Emulator, id: string): string[] {
  return rowsOf(emu, 'History')
    .filter((row) => row['Record ID'] === id)
    .sort((a, b) => (a.At as Date).getTime() - (b.At as Date).getTime())
    .map((row) => `${row.Field}: ${row['New value']}`);
}

function shown(view: TicketView): string[] {
  return view.history.map((entry) => `${entry.field}: ${entry.newValue}`);
}

function rowOf(emu: Emulator, id: string): number {
  return rowsOf(emu, 'Tickets').findIndex((row) => row.ID === id) + 2;
}

/** Sheets calls of one panel read. */
function calls(emu: Emulator, read: () => unknown): number {
  emu.counts.reset();
  read();
  return emu.counts.sheets();
}

describe('a ticket read again is read from what the panel remembers, and stays true', () => {
  it('Tickets sorted by a person: the remembered row holds another ticket, so the ID is searched; then 6 calls again', () => {
    const { emu, panel, id } = desk();
    const before = open(panel, id);
    expect(before.row).toBe(2 + 1);
    expect(calls(emu, () => open(panel, id))).toBe(6);
    // By customer: Chen Jing's ticket moves up a row.
    emu.changeSheet('Tickets', 'OTHER', (sheet) => {
      const column = (sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[]).indexOf(
        'Customer',
      );
      sheet.sort(column + 1);
    });
    expect(rowOf(emu, id)).not.toBe(before.row);
    // By ID, and by the row the sidebar still shows (stale): both find the ticket where it is now.
    for (const view of [open(panel, id), open(panel, id, before.row)]) {
      expect(view).toMatchObject({ id, row: rowOf(emu, id), version: before.version });
      expect(shown(view)).toEqual(shown(before));
    }
    expect(calls(emu, () => open(panel, id))).toBe(6);
  });

  it('a row deleted above the ticket: found in its new row', () => {
    const { emu, panel, id } = desk();
    open(panel, id);
    emu.changeSheet('Tickets', 'REMOVE_ROW', (sheet) => sheet.deleteRow(2));
    expect(open(panel, id).row).toBe(2);
    expect(open(panel, id).id).toBe(id);
  });

  it('the remembered row no longer exists (rows deleted at the end of the sheet): found where it is now', () => {
    const { emu, panel } = desk();
    const id = String(rowsOf(emu, 'Tickets')[2].ID);
    const before = open(panel, id);
    expect(before.row).toBe(4);
    emu.changeSheet('Tickets', 'REMOVE_ROW', (sheet) => sheet.deleteRows(5, sheet.getMaxRows() - 4));
    emu.changeSheet('Tickets', 'REMOVE_ROW', (sheet) => sheet.deleteRow(2));
    expect(emu.spreadsheet.sheet('Tickets').maxRows()).toBe(3);
    for (const view of [open(panel, id), open(panel, id, before.row)])
      expect(view).toMatchObject({ id, row: 3 });
  });

  it('History written by other jobs since (a cell edit) shows at the next read, still in 6 calls', () => {
    const { emu, panel, id } = desk();
    open(panel, id);
    emu.clock.advance(HOUR);
    emu.editCells('Tickets', cellOf(emu, 'Tickets', 'Status', rowOf(emu, id)), [['In progress']]);
    let view: TicketView | undefined;
    expect(
      calls(emu, () => {
        view = open(panel, id);
      }),
    ).toBe(6);
    expect(view?.statusLabel).toBe('In progress');
    expect(shown(view as TicketView)).toEqual(truth(emu, id));
    expect(view?.history.at(-1)).toMatchObject({ field: 'Status', newValue: 'In progress', source: 'Edit' });
  });

  it('a History row deleted by a person, then one appended: History has as many rows as remembered, but the remembered row holds another entry, so it is searched', () => {
    const { emu, panel, id } = desk();
    const view = open(panel, id);
    const history = rowsOf(emu, 'History');
    const creation = history.findIndex((row) => row['Record ID'] === id) + 2;
    emu.changeSheet('History', 'REMOVE_ROW', (sheet) => sheet.deleteRow(creation));
    emu.clock.advance(HOUR);
    emu.editCells('Tickets', cellOf(emu, 'Tickets', 'Status', rowOf(emu, id)), [['In progress']]);
    expect(rowsOf(emu, 'History')).toHaveLength(history.length);
    const after = open(panel, id);
    expect(shown(after)).toEqual(truth(emu, id));
    expect(shown(after)).toEqual(['Status: In progress']);
    expect(shown(view)).toEqual(['(created): New']);
  });

  it('History sorted newest first by a person: the timeline is still complete and oldest first', () => {
    const { emu, panel, id } = desk();
    open(panel, id);
    emu.clock.advance(HOUR);
    emu.editCells('Tickets', cellOf(emu, 'Tickets', 'Status', rowOf(emu, id)), [['In progress']]);
    emu.changeSheet('History', 'OTHER', (sheet) => sheet.sort(1, false));
    const view = open(panel, id);
    expect(shown(view)).toEqual(truth(emu, id));
    expect(view.history.map((entry) => entry.newValue)).toEqual(['New', 'In progress']);
  });

  it('the cache dropped by Google, or more History since than the panel reads on: searched, same view', () => {
    const { emu, panel, id } = desk();
    const before = open(panel, id);
    emu.cache.evict();
    expect(open(panel, id)).toEqual(before);
    // 600 rows of other records appended since the last read: past the tail the panel reads on.
    const sheet = emu.spreadsheet.host().getSheetByName('History');
    if (!sheet) throw new Error('no History');
    const first = sheet.getLastRow() + 1;
    sheet.insertRowsAfter(sheet.getMaxRows(), 600);
    sheet
      .getRange(first, 1, 600, 7)
      .setValues(
        Array.from({ length: 600 }, (_, i) => [
          emu.clock.now(),
          'Li Na',
          `OLD-2025-${String(i + 1).padStart(6, '0')}`,
          'Status',
          'New',
          'In progress',
          'Edit',
        ]),
      );
    emu.counts.reset();
    expect(open(panel, id)).toEqual(before);
    expect(emu.counts.cells().read).toBeLessThan(5_000);
    expect(emu.counts.get('TextFinder')).toBeGreaterThan(0);
    // The row from memory (3 calls with getActiveSpreadsheet); History: getSheetByName, getLastRow, the
    // search (getRange, createTextFinder, findAll, getRow), the span, and History's last row (to start
    // from next time) in a read of its own, as the span ends 600 rows before it.
    expect(emu.counts.sheets()).toBe(11);
  });
});
