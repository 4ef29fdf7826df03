/** Weekly and monthly reports end to end (SPEC §10): built by the scheduler and the menu, on the bundle. */
import type { Emulator } from '../../scripts/emulator';
import { newDesk, rowsOf } from '../helpers/desk';
import { fillTickets } from '../helpers/fixtures';
import { complaint, submitIntake } from '../helpers/intake';

function a1(emu: Emulator, sheet: string, row: number, header: string): string {
  const column = emu.spreadsheet.sheet(sheet).values()[0].indexOf(header);
  if (column < 0) throw new Error(`no column ${header}`);
  return `${String.fromCharCode(65 + column)}${row}`;
}

/** Uncounted fixture write of one cell, by header (no onEdit: as if typed long ago). */
function setCell(emu: Emulator, sheet: string, row: number, header: string, value: string): void {
  emu.spreadsheet
    .host()
    .getSheetByName(sheet)
    ?.getRange(a1(emu, sheet, row, header))
    .setValue(value);
}

function reportSheets(emu: Emulator, prefix: string): string[] {
  return emu.spreadsheet.sheetNames().filter((name) => name.startsWith(prefix));
}

function flat(emu: Emulator, sheet: string): string[] {
  return emu.spreadsheet.sheet(sheet).values().flat().map(String);
}

describe('weekly report', () => {
  // Mon 2026-03-02 10:00 Shanghai: week 2026-W10.
  const emu = newDesk({ lang: 'en' });
  submitIntake(emu, complaint());
  submitIntake(emu, complaint({ severity: 'Major', phone: '13812341234', customer: 'Zhao Lei' }));
  setCell(emu, 'Tickets', 3, 'Department', '<script>alert(1)</script>');
  setCell(emu, 'Tickets', 3, 'Category', '\'=HYPERLINK("http://evil")');
  emu.advanceTo(new Date('2026-03-03T03:00:00Z'));
  emu.editCells('Tickets', a1(emu, 'Tickets', 2, 'Resolution'), [['Replaced the pipe']]);
  emu.editCells('Tickets', a1(emu, 'Tickets', 2, 'Status'), [['Resolved']]);
  // The hourly scheduler builds last week's report on Monday 08:00 (SPEC §6).
  emu.advanceTo(new Date('2026-03-09T01:30:00Z'));

  it('the scheduler built "Weekly 2026-W10" with the KPI block, sections and three charts', () => {
    expect(reportSheets(emu, 'Weekly')).toEqual(['Weekly 2026-W10']);
    const cells = flat(emu, 'Weekly 2026-W10');
    expect(cells).toContain('Weekly report 2026 week 10');
    expect(cells).toContain('Key figures against targets');
    expect(cells).toContain('Complaint timeliness');
    expect(cells).toContain('Major and repeat complaints');
    expect(cells).toContain('138****1234');
    expect(cells).not.toContain('13812341234');
    const charts = emu.spreadsheet.sheet('Weekly 2026-W10').charts();
    expect(charts.map((chart) => chart.options.title)).toEqual([
      'Tickets by type',
      'Received and resolved per day',
      'Share of deadlines met per stage',
    ]);
  });

  it('formats percentages and colours KPI status; user text never becomes a formula', () => {
    const sheet = emu.spreadsheet.sheet('Weekly 2026-W10');
    const values = sheet.values();
    const kpiRow = values.findIndex((row) => row[0] === 'Complaint timeliness');
    expect(sheet.formats()[kpiRow][1]).toBe('0.0%');
    // Ticket 1 resolved on time; the Major one (1 wd → due Tue 10:00) is still open → 1 of 2, missed (red).
    expect(values[kpiRow][1]).toBe(0.5);
    expect(sheet.styles('background')[kpiRow][3]).toBe('#f4cccc');
    const satisfactionRow = values.findIndex((row) => row[0] === 'Satisfaction rate');
    expect(sheet.styles('background')[satisfactionRow][3]).toBe('#eeeeee');
    expect(
      sheet
        .formulas()
        .flat()
        .every((formula) => formula === ''),
    ).toBe(true);
    expect(values.flat()).toContain('=HYPERLINK("http://evil")');
  });

  it('rebuilding from the menu replaces the sheet: one sheet, three charts', () => {
    emu.run('menuReportLastWeek', undefined, { interactive: true });
    expect(reportSheets(emu, 'Weekly')).toEqual(['Weekly 2026-W10']);
    expect(emu.spreadsheet.sheet('Weekly 2026-W10').charts()).toHaveLength(3);
    expect(emu.ui.alerts.at(-1)?.prompt).toContain('Weekly 2026-W10');
  });

  it('emails ⚙ Report recipients one escaped HTML summary with KPI cards and a link', () => {
    const mails = emu.mail.outbox.filter(
      (mail) => mail.subject === '[Service Desk] Weekly report 2026 week 10',
    );
    expect(mails.length).toBeGreaterThanOrEqual(1);
    const [mail] = mails;
    expect([...mail.to].sort()).toEqual(['chen.jianguo@example.com', 'wang.min@example.com']);
    expect(mail.htmlBody).toContain('Complaint timeliness');
    expect(mail.htmlBody).toContain('#gid=');
    expect(mail.htmlBody).toContain('138****1234');
    expect(mail.htmlBody).not.toContain('13812341234');
    expect(mail.htmlBody).toContain('&lt;script&gt;');
    expect(mail.htmlBody).not.toContain('<script>');
  });
});

describe('monthly report in Chinese, empty period, quota', () => {
  it('an empty month builds "月报 2026-02" saying there is no data', () => {
    const emu = newDesk({ lang: 'zh-CN' });
    emu.run('menuReportLastMonth', undefined, { interactive: true });
    expect(reportSheets(emu, '月报')).toEqual(['月报 2026-02']);
    const cells = flat(emu, '月报 2026-02');
    expect(cells).toContain('月报 2026年2月');
    expect(cells).toContain('本期没有受理、处理或未结的工单。');
    expect(cells).toContain('– 无数据');
    expect(emu.mail.outbox.some((mail) => mail.subject === '【客服工作台】月报 2026年2月')).toBe(true);
  });

  it('without mail quota the report waits in the Outbox', () => {
    const emu = newDesk({ lang: 'en', mailQuota: 1 });
    emu.run('menuReportLastWeek', undefined, { interactive: true });
    expect(emu.mail.outbox).toHaveLength(0);
    const queued = rowsOf(emu, 'Outbox');
    expect(queued).toHaveLength(1);
    expect(String(queued[0].Subject)).toBe('[Service Desk] Weekly report 2026 week 9');
  });
});

describe('report budget (SPEC §15): ≤ 150 Sheets calls whatever the number of tickets', () => {
  it.each([1_000, 100_000])('%i tickets', (count) => {
    const emu = newDesk({ lang: 'en', start: new Date('2026-11-23T00:30:00Z') });
    fillTickets(emu, count);
    emu.counts.reset();
    emu.run('menuReportLastWeek', undefined, { interactive: true });
    expect(emu.spreadsheet.hasSheet('Weekly 2026-W47')).toBe(true);
    expect(emu.counts.sheets()).toBeLessThanOrEqual(150);
  });
});
