/**
 * Google's 10,000,000-cell limit (issue 13, SPEC §17): the health check shows the cells used and warns
 * from ⚙ General's percentage (70 by default); near the limit intake fails with a clear reason, the
 * response waits in its sheet, and becomes its ticket once there is room — nothing is lost.
 */
import type { Emulator } from '../../scripts/emulator';
import { newDesk, rowsOf } from '../helpers/desk';
import { complaint, submitIntake } from '../helpers/intake';
import { a1 } from '../jobs/scheduler-fixtures';

const LIMIT = 10_000_000;
const HOUR = 3_600_000;

function healthHtml(emu: Emulator): string {
  emu.run('menuCheckSetup', undefined, { interactive: true });
  return emu.ui.shown.at(-1)?.html ?? '';
}

/** A one-column sheet of empty rows that brings the spreadsheet to `total` cells (uncounted). */
function fillTo(emu: Emulator, total: number): void {
  const host = emu.spreadsheet.host();
  let filler = host.getSheetByName('Archive 2019');
  if (!filler) {
    filler = host.insertSheet('Archive 2019');
    filler.deleteColumns(2, filler.getMaxColumns() - 1);
  }
  const missing = total - emu.spreadsheet.cellCount();
  if (missing > 0) filler.insertRowsAfter(filler.getMaxRows(), missing);
  else filler.deleteRows(2, -missing);
  expect(emu.spreadsheet.cellCount()).toBe(total);
}

const grouped = (n: number) => n.toLocaleString('en-US');

describe('the cell gauge', () => {
  it('shows the cells used of 10,000,000 and warns from 70 % (⚙ General sets the percentage)', () => {
    const emu = newDesk({ lang: 'en' });
    const used = emu.spreadsheet.cellCount();
    let html = healthHtml(emu);
    expect(html).toContain('Spreadsheet size');
    expect(html).toContain(
      `${grouped(used)} of 10,000,000 cells used (${Math.floor((used * 100) / LIMIT)} %)`,
    );
    expect(html).not.toContain('full (warning from');

    fillTo(emu, 6_999_999);
    expect(healthHtml(emu)).not.toContain('full (warning from');
    fillTo(emu, 7_000_000);
    html = healthHtml(emu);
    expect(html).toContain('7,000,000 of 10,000,000 cells used (70 %)');
    expect(html).toContain('The spreadsheet is 70 % full (warning from 70 %)');

    // A manager moves the warning to 80 %: the next check is quiet again.
    const general = emu.spreadsheet.sheet('⚙ General').values();
    const row = general.findIndex((line) => line[0] === 'capacityWarnPercent') + 1;
    expect(row).toBeGreaterThan(1);
    expect(String(general[row - 1][2])).toBe('70');
    emu.editCells('⚙ General', a1(3, row), [['80']]);
    expect(healthHtml(emu)).not.toContain('full (warning from');
  });

  it('in Chinese', () => {
    const emu = newDesk({ lang: 'zh-CN' });
    fillTo(emu, 9_000_000);
    const html = healthHtml(emu);
    expect(html).toContain('已用 9,000,000 / 10,000,000 个单元格（90%）');
    expect(html).toContain('表格已用 90%（70% 起提醒）');
  });
});

describe('near the limit', () => {
  it('intake fails with a clear reason, the response waits, and becomes its ticket once there is room', () => {
    const emu = newDesk({ lang: 'en' });
    submitIntake(emu, complaint({ customer: 'Before' }));
    // Tickets has no spare row and the spreadsheet no room for one more (44 cells).
    const tickets = emu.spreadsheet.host().getSheetByName('Tickets');
    if (!tickets) throw new Error('no Tickets');
    tickets.deleteRows(tickets.getLastRow() + 1, tickets.getMaxRows() - tickets.getLastRow());
    fillTo(emu, LIMIT - 10);
    const submittedAt = emu.clock.now();
    submitIntake(emu, complaint({ customer: 'Near the limit', phone: '13900007777' }));
    expect(rowsOf(emu, 'Tickets').map((row) => row.Customer)).toEqual(['Before']);
    const failed = emu.executions.at(-1);
    expect(failed?.name).toBe('onFormSubmit');
    expect(String(failed?.error)).toMatch(/above the limit of 10000000 cells/);

    const html = healthHtml(emu);
    expect(html).toContain('1 response(s) wait');
    expect(html).toContain('The spreadsheet is full: Google allows 10,000,000 cells');
    expect(html).toContain('The spreadsheet is 99 % full');

    // Still full an hour later: it keeps waiting, nothing half-written.
    emu.advance(HOUR);
    expect(rowsOf(emu, 'Tickets').map((row) => row.Customer)).toEqual(['Before']);
    // Someone deletes the old archive sheet: the next hourly run makes the ticket, with its own time.
    emu.spreadsheet.host().deleteSheet(emu.spreadsheet.host().getSheetByName('Archive 2019') as never);
    emu.advance(HOUR);
    const made = rowsOf(emu, 'Tickets');
    expect(made.map((row) => row.Customer)).toEqual(['Before', 'Near the limit']);
    expect((made[1]['Received at'] as Date).getTime()).toBe(submittedAt.getTime());
    expect(healthHtml(emu)).toContain('Every form response has its record');
  });
});
