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
  // Later the customer of the first ticket calls again: it is reopened. Rebuild W10 from the menu.
  edit(emu, 'Status', 'Reopened', 2);
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

  it('the rebuild says it is revision 2, shows the figure as sent beside today’s, and names the ticket', () => {
    const values = emu.spreadsheet.sheet('Weekly 2026-W10').values();
    const cells = values.flat().map(String);
    expect(
      cells.some((cell) => cell.startsWith('Revision 2: this period was rebuilt after its report was sent')),
    ).toBe(true);
    const changes = values.find(
      (line) => line[0] === 'Rework (reopen) rate' && line[1] === 0 && line[2] === 0.5,
    );
    expect(changes?.slice(0, 5)).toEqual(['Rework (reopen) rate', 0, 0.5, '0 of 2', '1 of 2']);
    expect(
      values.some((line) => line[1] === 'CMP-2026-00001' && line[2] === 'now counted against the target'),
    ).toBe(true);
    expect(reworkRow(emu)[1]).toBe(0.5);
  });

  it('keeps the sent figures in the log and emails the revision as such', () => {
    const log = rowsOf(emu, 'Report log');
    const rework = log.filter((row) => row.Figure === 'reworkRate');
    expect(rework.map((row) => [row.Revision, row['Met (or, for rework, reworked)'], row.Counted])).toEqual([
      [1, 0, 2],
      [2, 1, 2],
    ]);
    expect(rework[1]['Tickets counted against the target']).toBe('CMP-2026-00001');
    const revised = emu.mail.outbox.filter(
      (mail) => mail.subject === '[Service Desk] Weekly report 2026 week 10 (revision 2)',
    );
    expect(revised).toHaveLength(1);
    expect(revised[0].body).toContain('Changes since the version that was sent');
  });

  it('next week’s report shows W10 as it was sent in its previous-period column', () => {
    emu.advanceTo(new Date('2026-03-16T01:30:00Z'));
    const row = emu.spreadsheet
      .sheet('Weekly 2026-W11')
      .values()
      .find((line) => line[0] === 'Rework (reopen) rate');
    expect(row?.[4]).toBe(0);
  });
});
