/**
 * Moved History columns (issue 13): appends check the header row they write under, once per execution,
 * so rows land under the right headers after someone reorders History — edits, the hourly run's
 * escalations (several rows at once) and, after the hourly run has checked the header, intake (its one
 * row uses the header map the hourly run checks: its 15-call budget has no room for a check of its own)
 * and the ticket panel's actions (the same, within their 15 calls, issue 19).
 */
import type { Emulator } from '../../scripts/emulator';
import { newDesk, OWNER, rowsOf } from '../helpers/desk';
import { complaint, submitIntake } from '../helpers/intake';
import { PanelDriver, staffEmail } from '../helpers/panel';
import { a1, columnOf } from '../jobs/scheduler-fixtures';

const DAY = 86_400_000;

/** Swaps two History columns, header and contents, as a person dragging them would. */
function swapHistoryColumns(emu: Emulator, first: string, second: string): void {
  const sheet = emu.spreadsheet.host().getSheetByName('History');
  if (!sheet) throw new Error('no History');
  const rows = sheet.getMaxRows();
  const left = sheet.getRange(1, columnOf(emu, 'History', first), rows, 1);
  const right = sheet.getRange(1, columnOf(emu, 'History', second), rows, 1);
  const moved = left.getValues();
  left.setValues(right.getValues());
  right.setValues(moved);
}

describe('History columns moved while the header map is cached', () => {
  it('edits, escalations and (after the hourly check) intake append under the right headers', () => {
    const emu = newDesk({ lang: 'en' });
    submitIntake(emu, complaint()); // caches the History header map
    swapHistoryColumns(emu, 'Actor', 'Field');
    swapHistoryColumns(emu, 'Record ID', 'New value');
    expect(emu.spreadsheet.sheet('History').values()[0].slice(0, 6)).toEqual([
      'At',
      'Field',
      'New value',
      'Actor',
      'Old value',
      'Record ID',
    ]);

    // An edit: one row, header checked in this execution.
    emu.editCells('Tickets', a1(columnOf(emu, 'Tickets', 'Assignee'), 2), [['Zhou Lei']], { user: OWNER });
    const edited = rowsOf(emu, 'History').at(-1);
    expect(edited).toMatchObject({
      Actor: OWNER,
      Field: 'Assignee',
      'Record ID': 'CMP-2026-00001',
      'New value': 'Zhou Lei',
    });

    // The hourly run two days later: escalations (several rows in one write) under the moved headers.
    submitIntake(emu, complaint({ customer: 'Second', phone: '13900002222' }));
    emu.advance(2 * DAY);
    const escalations = rowsOf(emu, 'History').filter((row) => row.Field === 'Escalation level');
    expect(escalations.length).toBeGreaterThanOrEqual(2);
    for (const row of escalations) {
      expect(row.Actor).toBe('Service Desk');
      expect(String(row['Record ID'])).toMatch(/^CMP-2026-0000[12]$/);
      expect(Number(row['New value'])).toBeGreaterThan(0);
    }

    // Intake after the hourly run has checked the header: its created row too.
    submitIntake(emu, complaint({ customer: 'Third', phone: '13900003333' }));
    const created = rowsOf(emu, 'History').at(-1);
    expect(created).toMatchObject({ Actor: 'form', 'Record ID': 'CMP-2026-00003', 'Old value': '' });
    expect(created?.Field).toBe('(created)');

    // A panel action, under the header map the hourly run checked: its entries land right too.
    const third = rowsOf(emu, 'Tickets').at(-1);
    const panel = new PanelDriver(emu, staffEmail(emu, String(third?.Assignee)));
    const view = panel.ticket('CMP-2026-00003').ticket;
    if (!view) throw new Error('no ticket in the panel');
    expect(panel.act(view, { kind: 'status', to: 'inProgress', text: '' })).toMatchObject({ ok: true });
    const fromPanel = rowsOf(emu, 'History').filter((row) => row.Source === 'Ticket panel');
    expect(fromPanel).toContainEqual(
      expect.objectContaining({ Field: 'Status', 'Record ID': 'CMP-2026-00003', 'New value': 'In progress' }),
    );
    // Every row ever appended reads the same way: no Record ID under another header.
    for (const row of rowsOf(emu, 'History')) expect(String(row['Record ID'])).toMatch(/^CMP-2026-\d{5}$/);
  });
});
