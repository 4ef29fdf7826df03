/**
 * Quarterly and annual reports end to end (SPEC §10; seed 002 §3.10.4 asks for 季度 and 年度 reports): the
 * hourly scheduler builds them with the monthly report of the month that starts a quarter or a year,
 * trends them per month, and mails ⚙ Report recipients by their Quarterly / Annual columns.
 */
import type { Emulator } from '../../scripts/emulator';
import { newDesk, rowsOf } from '../helpers/desk';
import { complaint, submitIntake } from '../helpers/intake';

function flat(emu: Emulator, sheet: string): string[] {
  return emu.spreadsheet.sheet(sheet).values().flat().map(String);
}

/** The rows of a report section: the lines under its title up to the next blank line. */
function sectionRows(emu: Emulator, sheet: string, title: string): unknown[][] {
  const values = emu.spreadsheet.sheet(sheet).values();
  const start = values.findIndex((row) => row[0] === title);
  if (start < 0) throw new Error(`no section ${title} in ${sheet}`);
  const rows: unknown[][] = [];
  for (const row of values.slice(start + 2)) {
    if (row.every((cell) => cell === '')) break;
    rows.push(row);
  }
  return rows;
}

describe('quarterly report', () => {
  // Mon 2026-03-30 10:00 Shanghai; the scheduler runs hourly to Wed 04-01 09:30.
  const emu = newDesk({ lang: 'en', start: new Date('2026-03-30T02:00:00Z') });
  submitIntake(emu, complaint());
  submitIntake(emu, complaint({ customer: 'Zhao Lei', phone: '13812341234' }));
  const recipients = rowsOf(emu, '⚙ Report recipients');
  const quarterlyColumn = emu.spreadsheet
    .sheet('⚙ Report recipients')
    .values()[0]
    .indexOf('Quarterly report');
  const letter = String.fromCharCode(65 + quarterlyColumn);
  // The first recipient keeps the monthly report but not the quarterly one (an edit, as a manager would).
  emu.editCells('⚙ Report recipients', `${letter}2`, [['No']]);
  emu.advanceTo(new Date('2026-04-01T01:30:00Z'));

  it('is built on 04-01 08:00 with the monthly report, as "Quarterly 2026-Q1" trending per month', () => {
    expect(emu.spreadsheet.sheetNames()).toEqual(
      expect.arrayContaining(['Monthly 2026-03', 'Quarterly 2026-Q1']),
    );
    const cells = flat(emu, 'Quarterly 2026-Q1');
    expect(cells).toContain('Quarterly report 2026 Q1');
    expect(cells).toContain('Monthly trend');
    expect(cells).not.toContain('Daily trend');
    const trend = sectionRows(emu, 'Quarterly 2026-Q1', 'Monthly trend');
    expect(trend.map((row) => row[0])).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(trend[2][1]).toBe(2);
    const jobs = rowsOf(emu, 'Run log').map((row) => `${row.Job} ${row.Result}`);
    expect(jobs).toContain('Quarterly report 2026-Q1 OK');
    expect(jobs.some((job) => job.startsWith('Annual report'))).toBe(false);
  });

  it('mails the recipients whose Quarterly report column says yes', () => {
    const quarterly = emu.mail.outbox.filter(
      (mail) => mail.subject === '[Service Desk] Quarterly report 2026 Q1',
    );
    expect(quarterly).toHaveLength(1);
    const everyone = recipients.map((row) => String(row.Email));
    expect([...quarterly[0].to].sort()).toEqual(everyone.slice(1).sort());
    const monthly = emu.mail.outbox.filter(
      (mail) => mail.subject === '[Service Desk] Monthly report 2026-03',
    );
    expect([...monthly[0].to].sort()).toEqual([...everyone].sort());
  });

  it('is never built twice: later runs of the same quarter do nothing', () => {
    emu.advanceTo(new Date('2026-04-02T03:30:00Z'));
    const quarterly = emu.mail.outbox.filter(
      (mail) => mail.subject === '[Service Desk] Quarterly report 2026 Q1',
    );
    expect(quarterly).toHaveLength(1);
  });
});

describe('annual report in Chinese, on a recipients sheet from before the quarterly and annual columns', () => {
  // Wed 2026-12-30 10:00 Shanghai; the scheduler runs to Fri 2027-01-01 09:30 (a holiday: reports still go).
  const emu = newDesk({ lang: 'zh-CN', start: new Date('2026-12-30T02:00:00Z') });
  submitIntake(emu, complaint(), 'zh-CN');
  const sheet = emu.spreadsheet.host().getSheetByName('⚙ 报表收件人');
  const header = emu.spreadsheet.sheet('⚙ 报表收件人').values()[0];
  // Remove the two newer columns (right to left), as in a workbook set up by an earlier version.
  for (const title of ['年报', '季报']) sheet?.deleteColumn(header.indexOf(title) + 1);
  emu.cache.evict();
  emu.advanceTo(new Date('2027-01-01T01:30:00Z'));

  it('builds 月报 2026-12, 季报 2026-Q4 and 年报 2026, each once, with a twelve-month trend', () => {
    const names = emu.spreadsheet.sheetNames();
    expect(names).toEqual(expect.arrayContaining(['月报 2026-12', '季报 2026-Q4', '年报 2026']));
    expect(flat(emu, '年报 2026')).toContain('年报 2026年');
    expect(sectionRows(emu, '年报 2026', '每月趋势')).toHaveLength(12);
    expect(flat(emu, '季报 2026-Q4')).toContain('季报 2026年第4季度');
  });

  it('mails the annual and quarterly reports to the monthly report recipients', () => {
    const subject = (title: string) =>
      emu.mail.outbox.filter((mail) => mail.subject === `【客服工作台】${title}`);
    const monthly = subject('月报 2026年12月');
    expect(monthly).toHaveLength(1);
    for (const title of ['季报 2026年第4季度', '年报 2026年']) {
      const mails = subject(title);
      expect(mails).toHaveLength(1);
      expect([...mails[0].to].sort()).toEqual([...monthly[0].to].sort());
    }
  });
});
