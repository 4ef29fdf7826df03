/**
 * A report longer than a new sheet (1,000 rows; Sheets refuses a write beyond a sheet's rows with "The
 * coordinates of the range are outside the dimensions of the sheet"): the sheet is grown first, and
 * the lists are complete. Found by the bench at 100,000 tickets.
 */
import { newDesk } from '../helpers/desk';
import { fillTickets, shanghai } from '../jobs/scheduler-fixtures';

describe('a long report', () => {
  it('1,500 overdue complaints: the weekly report sheet holds every row', () => {
    const emu = newDesk({ lang: 'en' }); // Mon 2026-03-02 10:00
    fillTickets(emu, 1_500, shanghai('2026-03-02 10:00'), 1); // all open, most of them weeks late
    emu.run('menuReportLastWeek', undefined, { interactive: true });
    const sheet = emu.spreadsheet
      .host()
      .getSheets()
      .find((s) => /^Weekly/.test(s.getName()));
    if (!sheet)
      throw new Error(
        `no weekly report sheet: ${emu.spreadsheet
          .host()
          .getSheets()
          .map((s) => s.getName())}`,
      );
    expect(sheet.getLastRow()).toBeGreaterThan(1_000);
    const ids = sheet
      .getRange(1, 1, sheet.getLastRow(), sheet.getLastColumn())
      .getValues()
      .flat()
      .map(String)
      .filter((cell) => /^CMP-2026-\d{6}$/.test(cell));
    expect(new Set(ids).size).toBeGreaterThan(1_000);
  }, 120_000);
});
