/**
 * The inspections in the weekly and monthly reports, from the registers (issue 17): coverage against the
 * schedule with excused slots left out, scores, fails, streaks, repeat findings, open rectifications and
 * their age, blind spots; the best areas of the month.
 */
import type { Emulator } from '../../scripts/emulator';
import { cellOf, newDesk, rowsOf } from '../helpers/desk';
import { inspectionAnswers, inspectionFormId } from '../helpers/inspections';
import { complaint, submitIntake } from '../helpers/intake';

/** The rows of a report section: the row after its title, until the next blank row. */
function section(emu: Emulator, sheet: string, title: string): string[][] {
  const values = emu.spreadsheet
    .sheet(sheet)
    .values()
    .map((row) => row.map((cell) => (cell instanceof Date ? cell.toISOString() : String(cell))));
  const start = values.findIndex((row) => row[0] === title);
  if (start < 0) throw new Error(`no section "${title}" in ${sheet}`);
  const rows: string[][] = [];
  for (let i = start + 1; i < values.length && values[i].some((cell) => cell !== ''); i++)
    rows.push(values[i]);
  return rows;
}

function at(emu: Emulator, local: string, run: () => void): void {
  emu.advanceTo(new Date(`${local}:00+08:00`));
  run();
}

describe('inspections in the weekly report', () => {
  it('counts coverage per area × template (excused slots out), fails, open rectifications and a blind spot', () => {
    const emu = newDesk({ lang: 'en' });
    const submit = (area: string, inspector: string, fail: Record<string, string> = {}) =>
      emu.submitForm(
        inspectionFormId(emu, 'Daily area check'),
        inspectionAnswers(emu, 'Daily area check', { area, inspector, fail }),
      );
    // Building 1 fails three items on Monday (89.3 % < 90 %); Wednesday's re-inspection passes (96.4 %)
    // but the lift fails again: a repeat finding, its ticket stays open.
    submit('Building 1 common areas', 'Zhang Wei', {
      'Lobby — Hygiene': 'Litter',
      'Lifts — Condition of the property': 'Panel cracked',
      'Toilets — Hygiene': 'Wet floor',
    });
    // Building 2 passes every working day, while hygiene complaints keep coming: a blind spot.
    submit('Building 2 common areas', 'Liu Yang');
    for (let n = 0; n < 3; n++)
      submitIntake(
        emu,
        complaint({
          category: 'Environment and hygiene',
          phone: `1390000000${n}`,
          description: 'Stairwell smells',
        }),
      );
    at(emu, '2026-03-03T10:00', () => submit('Building 2 common areas', 'Liu Yang'));
    at(emu, '2026-03-04T10:00', () => submit('Building 2 common areas', 'Liu Yang'));
    at(emu, '2026-03-04T11:00', () =>
      submit('Building 1 common areas', 'Zhang Wei', {
        'Lifts — Condition of the property': 'Still cracked',
      }),
    );
    // The manager excuses Tuesday's missed Clubhouse slot (Monday, the day of setup, was not due).
    at(emu, '2026-03-04T12:00', () => {
      const row =
        rowsOf(emu, 'Missed inspections').findIndex(
          (entry) => entry.Area === 'Clubhouse' && entry['Due in'] === '2026-03-03',
        ) + 2;
      expect(row).toBeGreaterThan(1);
      emu.editCells(
        'Missed inspections',
        cellOf(emu, 'Missed inspections', 'Reason', row),
        [['Closed for works']],
        { user: 'wang.min@example.com' },
      );
      emu.editCells('Missed inspections', cellOf(emu, 'Missed inspections', 'Excused', row), [[true]], {
        user: 'wang.min@example.com',
      });
    });
    at(emu, '2026-03-05T10:00', () => submit('Building 2 common areas', 'Liu Yang'));
    at(emu, '2026-03-06T10:00', () => submit('Building 2 common areas', 'Liu Yang'));
    // Monday 2026-03-09 09:00: the weekly report of 2026-W10 exists.
    emu.advanceTo(new Date('2026-03-09T01:00:00Z'));
    const sheet = 'Weekly 2026-W10';
    const figures = Object.fromEntries(
      section(emu, sheet, 'Inspections').map((row) => [row[0], row.slice(1)]),
    );
    expect(figures.Inspections[0]).toBe('7');
    expect(figures['Failed inspections'][0]).toBe('1');
    expect(figures['Open rectification tickets'][0]).toBe('1');
    expect(figures['Blind spots (inspections pass, complaints keep coming)'][0]).toBe('1');
    expect(figures['Missed inspections excused'][0]).toBe('1');
    const schedule = section(emu, sheet, 'Inspection schedule by area');
    const row = (area: string) => schedule.find((line) => line[0] === area) ?? [];
    // Due from Tuesday, the first whole day after setup. Building 2: 4 of 4 → compliant; Building 1: only
    // Wednesday of 4 → 25 %, not compliant.
    expect(row('Building 2 common areas').slice(2, 6)).toEqual(['4', '4', '0', '0']);
    expect(row('Building 2 common areas')[7]).toBe('Compliant');
    expect(row('Building 1 common areas').slice(2, 7)).toEqual(['4', '1', '0', '3', '0.25']);
    expect(row('Building 1 common areas')[7]).toBe('Not compliant');
    // Clubhouse (7-day): Tuesday to Sunday, 6 slots, one excused, none done.
    expect(row('Clubhouse').slice(2, 6)).toEqual(['6', '0', '1', '5']);
    const spots = section(emu, sheet, 'Blind spots: inspections pass, complaints keep coming');
    expect(spots[1][0]).toBe('Building 2 common areas');
    const open = section(emu, sheet, 'Rectifications not yet put right');
    expect(open.slice(1).map((line) => line[0])).toEqual(['REP-2026-00002']);
    const streaks = section(emu, sheet, 'Failed inspections and repeat findings');
    expect(streaks.slice(1).map((line) => [line[0], line[4], line[6]])).toEqual([
      ['IN-2026-00001', '1', ''],
      ['IN-2026-00005', '0', 'Condition of the property'],
    ]);
  });
});
