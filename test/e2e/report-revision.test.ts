/**
 * Frozen, explainable reports (issue 14): each build stores its key figures and the tickets behind them
 * in the Report log; a rebuild of a period that was already emailed is a revision that shows the
 * figures as sent beside today's and the tickets that changed, and the sent figures stay in the log.
 */
import type { Emulator } from '../../scripts/emulator';
import { cellOf, newDesk, rowsOf } from '../helpers/desk';
import { complaint, submitIntake } from '../helpers/intake';

function edit(emu: Emulator, header: string, value: string, row = 2): void {
  emu.editCells('Tickets', cellOf(emu, 'Tickets', header, row), [[value]]);
}

function reworkRow(emu: Emulator): unknown[] {
  const row = emu.spreadsheet
    .sheet('Weekly 2026-W10')
    .values()
    // The KPI block's row (its target column says ≤ 1 %), not the revision table's.
    .find((line) => line[0] === 'Rework (reopen) rate' && String(line[2]).startsWith('≤'));
  if (!row) throw new Error('no rework row');
  return row;
}

function kpiRow(emu: Emulator, sheet: string, figure: string): unknown[] {
  const row = emu.spreadsheet
    .sheet(sheet)
    .values()
    // The KPI block's row (its target column says ≥ or ≤), not the revision table's.
    .find((line) => line[0] === figure && /^[≥≤]/.test(String(line[2])));
  if (!row) throw new Error(`no ${figure} row in ${sheet}`);
  return row;
}

function changesRow(emu: Emulator, figure: string): unknown[] | undefined {
  const values = emu.spreadsheet.sheet('Weekly 2026-W10').values();
  const header = values.findIndex((line) => line[0] === 'Figure' && line[1] === 'As sent');
  return values.slice(header + 1).find((line) => line[0] === figure);
}

describe('a rebuild of a sent week is a revision', () => {
  // Mon 2026-03-02 10:00 Shanghai (2026-W10): two complaints, both resolved on Tuesday.
  const emu = newDesk({ lang: 'en' });
  submitIntake(emu, complaint());
  submitIntake(emu, complaint({ customer: 'Zhao Lei', phone: '13912345678' }));
  emu.advanceTo(new Date('2026-03-03T03:00:00Z'));
  for (const row of [2, 3]) {
    edit(emu, 'Resolution', 'Replaced the pipe', row);
    edit(emu, 'Status', 'Resolved', row);
  }
  // The scheduler builds and emails W10 on Monday 08:00.
  emu.advanceTo(new Date('2026-03-09T01:30:00Z'));
  const firstMail = emu.mail.outbox.find(
    (mail) => mail.subject === '[Service Desk] Weekly report 2026 week 10',
  );
  const sentRework = [...reworkRow(emu)];
  // In W11 the customer of the first ticket calls again: it is reopened and resolved again — rework of
  // W11, not of W10. Rebuild W10 from the menu: revision 2, its figures as they were.
  edit(emu, 'Status', 'Reopened', 2);
  edit(emu, 'Status', 'Resolved', 2);
  emu.run('menuReportLastWeek', undefined, { interactive: true });
  const reworkAfterReopen = [...reworkRow(emu)];
  // Then W10's data is corrected: the second ticket was a repair, not a complaint. Rebuild: revision 3.
  edit(emu, 'Type', 'Repair', 3);
  emu.run('menuReportLastWeek', undefined, { interactive: true });

  it('the first build was emailed and logged with its figures and tickets', () => {
    expect(firstMail).toBeDefined();
    expect(sentRework.slice(1, 2)).toEqual([0]);
    expect(sentRework[6]).toBe('0 of 2');
    const log = rowsOf(emu, 'Report log');
    const first = log.filter((row) => row.Revision === 1);
    expect(first.map((row) => row.Figure)).toEqual([
      'complaintTimeliness',
      'repairTimeliness',
      'callbackRate',
      'reworkRate',
      'satisfactionRate',
    ]);
    expect(first.every((row) => row.Report === 'weekly 2026-W10' && row.Emailed === true)).toBe(true);
    expect(first.find((row) => row.Figure === 'reworkRate')).toMatchObject({
      Counted: 2,
      'Tickets counted against the target': '',
    });
    expect(emu.spreadsheet.sheet('Report log').isHidden()).toBe(true);
  });

  it('a reopening in a later week does not change the week: rework counts from resolve events', () => {
    expect(reworkAfterReopen.slice(1, 2)).toEqual([0]);
    expect(reworkAfterReopen[6]).toBe('0 of 2');
  });

  it('the rebuild after a correction says revision 3 and shows each figure as sent beside today’s', () => {
    const values = emu.spreadsheet.sheet('Weekly 2026-W10').values();
    const cells = values.flat().map(String);
    expect(
      cells.some((cell) => cell.startsWith('Revision 3: this period was rebuilt after its report was sent')),
    ).toBe(true);
    expect(changesRow(emu, 'Complaint timeliness')?.slice(0, 5)).toEqual([
      'Complaint timeliness',
      1,
      1,
      '2 of 2',
      '1 of 1',
    ]);
    expect(changesRow(emu, 'Repair timeliness')?.slice(0, 5)).toEqual([
      'Repair timeliness',
      '–',
      1,
      '0 of 0',
      '1 of 1',
    ]);
    expect(kpiRow(emu, 'Weekly 2026-W10', 'Repair timeliness')[6]).toBe('1 of 1');
  });

  it('keeps the sent figures in the log and emails each revision as such', () => {
    const log = rowsOf(emu, 'Report log');
    const complaints = log.filter((row) => row.Figure === 'complaintTimeliness');
    expect(
      complaints.map((row) => [row.Revision, row['Met (or, for rework, reworked)'], row.Counted]),
    ).toEqual([
      [1, 2, 2],
      [2, 2, 2],
      [3, 1, 1],
    ]);
    for (const revision of [2, 3]) {
      const revised = emu.mail.outbox.filter(
        (mail) => mail.subject === `[Service Desk] Weekly report 2026 week 10 (revision ${revision})`,
      );
      expect(revised).toHaveLength(1);
      expect(revised[0].body).toContain('Changes since the version that was sent');
    }
  });

  it('next week’s report shows W10 as it was sent, and counts the rework in W11', () => {
    emu.advanceTo(new Date('2026-03-16T01:30:00Z'));
    expect(kpiRow(emu, 'Weekly 2026-W11', 'Repair timeliness')[4]).toBe('–');
    const rework = kpiRow(emu, 'Weekly 2026-W11', 'Rework (reopen) rate');
    expect(rework[4]).toBe(0);
    expect(rework[6]).toBe('1 of 1');
    const log = rowsOf(emu, 'Report log').filter((row) => row.Report === 'weekly 2026-W11');
    expect(log.find((row) => row.Figure === 'reworkRate')?.['Tickets counted against the target']).toBe(
      'CMP-2026-00001',
    );
  });
});
