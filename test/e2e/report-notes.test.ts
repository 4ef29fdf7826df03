/**
 * The manager's notes in a report (seed 003 L397–402), end to end on the bundle: a row of the Report notes
 * sheet written before the report goes out is in the report sheet and its mail, stays text (never a
 * formula), and survives a rebuild of the report.
 */
import { newDesk, rowsOf } from '../helpers/desk';

describe("manager's notes", () => {
  // Mon 2026-03-02 10:00 Shanghai, week 2026-W10.
  const emu = newDesk({ lang: 'en' });
  const sheet = emu.spreadsheet.host().getSheetByName('Report notes');
  if (!sheet) throw new Error('setup made no Report notes sheet');
  const header = emu.spreadsheet.sheet('Report notes').values()[0];
  const row = (values: Record<string, string>) => header.map((title) => values[String(title)] ?? '');
  sheet.getRange(2, 1, 2, header.length).setValues([
    row({
      'Report (e.g. 2026-W19, 2026-05, 2026-Q2)': '2026-W10',
      Problems: 'Leak complaints in Building 3 wait on parts',
      "Next period's plan": 'Weekly check of the Building 3 risers',
      // Typed with a leading apostrophe, Sheets keeps this as text; the report must not make it a formula.
      'To coordinate': '\'=HYPERLINK("http://evil","Engineering <b>overtime</b>")',
      'Written by': 'Wang Min',
    }),
    row({ 'Report (e.g. 2026-W19, 2026-05, 2026-Q2)': '2026-W11', Problems: 'Not this week' }),
  ]);
  // The scheduler builds last week's report on Monday 08:00.
  emu.advanceTo(new Date('2026-03-09T01:30:00Z'));

  it('the weekly report sheet shows the notes of its own week, as text', () => {
    const values = emu.spreadsheet.sheet('Weekly 2026-W10').values().flat().map(String);
    const at = values.indexOf("Manager's notes");
    expect(at).toBeGreaterThan(0);
    expect(values).toContain('Leak complaints in Building 3 wait on parts');
    expect(values).toContain('Weekly check of the Building 3 risers');
    expect(values).not.toContain('Not this week');
    const formulas = emu.spreadsheet
      .sheet('Weekly 2026-W10')
      .formulas()
      .flat()
      .filter((f) => f !== '');
    expect(formulas.some((formula) => formula.includes('evil'))).toBe(false);
    expect(values.some((value) => value.includes('Engineering <b>overtime</b>'))).toBe(true);
  });

  it('the report mail carries them, escaped', () => {
    const mails = emu.mail.outbox.filter((m) => m.subject === '[Service Desk] Weekly report 2026 week 10');
    const body = mails.map((mail) => mail.htmlBody).join('\n');
    expect(body).toContain('Manager&#39;s notes');
    expect(body).toContain('Leak complaints in Building 3 wait on parts');
    expect(body).toContain('Engineering &lt;b&gt;overtime&lt;/b&gt;');
    expect(body).not.toContain('<b>overtime</b>');
  });

  it('a rebuild of the week keeps them', () => {
    emu.run('menuReportLastWeek', undefined, { interactive: true });
    const values = emu.spreadsheet.sheet('Weekly 2026-W10').values().flat().map(String);
    expect(values).toContain('Leak complaints in Building 3 wait on parts');
    expect(rowsOf(emu, 'Report notes')).toHaveLength(2);
  });
});
