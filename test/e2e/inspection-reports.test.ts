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

describe('inspections in the monthly report', () => {
  it('names the best area of the month (≥ 95 %, no complaint in its linked category, top 10 %: 1 of 6) and bands a daily check done on 16 of 21 working days "At risk"', () => {
    const emu = newDesk({ lang: 'en' });
    // What happens in March, in time order; the clock is moved without the hourly runs (the report
    // reads the registers).
    const events: Array<[string, () => void]> = [];
    const on = (local: string, template: string, visit: Parameters<typeof inspectionAnswers>[2]) =>
      events.push([
        local,
        () => emu.submitForm(inspectionFormId(emu, template), inspectionAnswers(emu, template, visit)),
      ]);
    // Building 2 common areas: the daily check on 16 of March's 21 working days from Tue 3 March
    // (76 %: at risk, 70–89 %), every item passed — but a hygiene complaint came in, its linked category.
    const workingDays = Array.from({ length: 29 }, (_, i) => new Date(Date.UTC(2026, 2, 3 + i)))
      .filter((day) => day.getUTCDay() !== 0 && day.getUTCDay() !== 6)
      .map((day) => day.toISOString().slice(0, 10));
    expect(workingDays).toHaveLength(21);
    for (const day of workingDays.slice(0, 16))
      on(`${day}T09:00`, 'Daily area check', { area: 'Building 2 common areas', inspector: 'Liu Yang' });
    events.push([
      '2026-03-10T11:00',
      () =>
        submitIntake(
          emu,
          complaint({ category: 'Environment and hygiene', phone: '13900000009', description: 'Bins full' }),
        ),
    ]);
    // Building 1 (weekly building check) and the CS front desk pass everything: 100 % each, no complaint
    // in a linked category; the Clubhouse and Building 2 have one failed item each (the weekly check's
    // few items make that one a fail).
    on('2026-03-11T10:00', 'Weekly building check', { area: 'Building 1', inspector: 'Zhang Wei' });
    on('2026-03-12T10:00', 'Front-desk check', { area: 'CS front desk', inspector: 'Li Na' });
    on('2026-03-12T11:00', 'Daily area check', {
      area: 'Clubhouse',
      inspector: 'Zhao Jing',
      fail: { 'Lobby — Hygiene': 'Cups left on the tables' },
    });
    on('2026-03-13T10:00', 'Weekly building check', {
      area: 'Building 2',
      inspector: 'Liu Yang',
      fail: { 'No illegal posting or graffiti': 'Graffiti by the lift' },
    });
    on('2026-03-16T10:00', 'Daily area check', { area: 'Building 1 common areas', inspector: 'Zhang Wei' });
    for (const [local, run] of events.sort((a, b) => a[0].localeCompare(b[0]))) {
      emu.clock.set(new Date(`${local}:00+08:00`));
      run();
    }

    emu.clock.set(new Date('2026-04-01T10:00:00+08:00'));
    emu.run('menuReportLastMonth', undefined, { interactive: true });
    const sheet = 'Monthly 2026-03';
    // Six areas inspected: 10 % of 6 rounds to 1. Building 1 and the CS front desk tie at 100 %; the two
    // common areas score 100 % too but had a complaint in their linked category.
    const figures = Object.fromEntries(
      section(emu, sheet, 'Inspections').map((row) => [row[0], row.slice(1)]),
    );
    expect(figures.Inspections[0]).toBe('21');
    const failed = rowsOf(emu, 'Inspections').filter((row) => row.Result === 'Fail');
    expect(failed.map((row) => row.Area)).toEqual(['Building 2']);
    expect(figures['Failed inspections'][0]).toBe('1');
    // The two failed items' rectification tickets, open at the end of the month.
    expect(figures['Open rectification tickets'][0]).toBe('2');
    const best = section(emu, sheet, 'Best areas of the month');
    expect(best.slice(1).map((line) => line.slice(0, 3))).toEqual([['Building 1', '1', '1']]);
    const schedule = section(emu, sheet, 'Inspection schedule by area');
    const building2 = schedule.find((line) => line[0] === 'Building 2 common areas') ?? [];
    expect(building2.slice(2, 8)).toEqual(['21', '16', '0', '5', String(16 / 21), 'At risk']);
  });
});
