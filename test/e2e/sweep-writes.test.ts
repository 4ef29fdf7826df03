/**
 * Issue 13: the sweep writes only the cells whose value it changed. A hand edit that lands between the
 * sweep's read of Tickets and its write survives, in the default column order and with columns moved
 * (SPEC §3). The sweep's read is made slow (emu.faults.slowCall) so that a concurrent execution types
 * its cell exactly inside that window; the keystroke is the write itself (the edit triggers run after).
 */
import type { Emulator } from '../../scripts/emulator';
import { newDesk, rowsOf } from '../helpers/desk';
import { a1, columnOf, fillTickets, shanghai } from '../jobs/scheduler-fixtures';

const WINDOW_MS = 60_000;

/** Types `value` into the cell of `header` in sheet row `row` of Tickets after `afterMs`, as a person would. */
function typist(emu: Emulator, header: string, row: number, value: string | number, afterMs = 10_000) {
  const cell = a1(columnOf(emu, 'Tickets', header), row);
  const literal = JSON.stringify(value);
  // A concurrent job runs from its source in its own worker, so the cell is baked into the source.
  return new Function(
    `Utilities.sleep(${afterMs}); SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Tickets').getRange('${cell}').setValue(${literal});`,
  ) as () => unknown;
}

/** Runs the hourly job with its read of Tickets held open while the typists type. */
function sweepWhileTyping(emu: Emulator, typists: Array<() => unknown>): void {
  emu.clock.set(shanghai('2026-03-02 11:30'));
  emu.faults.slowCall('Sheet.getSheetValues', WINDOW_MS, {
    handler: 'runScheduler',
    when: (args) => Number(args[2]) > 100 && Number(args[3]) >= 40, // the Tickets rows, not a header or ⚙ sheet
  });
  const [sweep, ...typed] = emu.runConcurrently([{ name: 'runScheduler' }, ...typists]);
  expect(sweep.status).toBe('fulfilled');
  for (const result of typed) expect(result.status).toBe('fulfilled');
  expect(emu.faults.armed).toBe(false); // the read was held: the typing happened inside the window
  expect(rowsOf(emu, 'Run log').at(-1)).toMatchObject({ Job: 'Deadline sweep', Result: 'OK' });
}

/** Swaps two whole columns, header included (validations cleared: the emulator does not move them). */
function swapColumns(emu: Emulator, first: string, second: string): void {
  const sheet = emu.spreadsheet.host().getSheetByName('Tickets');
  if (!sheet) throw new Error('no Tickets');
  const rows = sheet.getMaxRows();
  const [a, b] = [columnOf(emu, 'Tickets', first), columnOf(emu, 'Tickets', second)];
  const left = sheet.getRange(1, a, rows, 1);
  const right = sheet.getRange(1, b, rows, 1);
  left.clearDataValidations();
  right.clearDataValidations();
  const moved = left.getValues();
  left.setValues(right.getValues());
  right.setValues(moved);
  // The sweep's first read then finds the new order itself (a cached map would cost it a second read,
  // after the window).
  emu.cache.evict();
}

// fillTickets: i % 100 < 5 open (rows 2–6 …), < 10 resolved (rows 7–11 …), the rest closed.
const OPEN_ROW = 4;
const RESOLVED_ROW = 8;
const CLOSED_ROW = 60;

describe('the sweep writes only what it changed', () => {
  it('a Satisfaction typed between the read and the write survives (it sits between the sweep’s columns)', () => {
    const emu = newDesk({ lang: 'en' });
    fillTickets(emu, 200, shanghai('2026-03-02 10:00'));
    sweepWhileTyping(emu, [
      typist(emu, 'Satisfaction', RESOLVED_ROW, 4),
      typist(emu, 'Satisfaction', CLOSED_ROW, 2),
    ]);
    const rows = rowsOf(emu, 'Tickets');
    expect(rows[RESOLVED_ROW - 2].Satisfaction).toBe(4);
    expect(rows[CLOSED_ROW - 2].Satisfaction).toBe(2);
    // The sweep did its work around them.
    expect(rows[OPEN_ROW - 2]['SLA state']).toBe('Breached');
    expect(rows[OPEN_ROW - 2]['Escalation level']).toBeGreaterThan(0);
  });

  it('with Status moved between the sweep’s columns, a Status typed in a row the sweep changes survives', () => {
    const emu = newDesk({ lang: 'en' });
    swapColumns(emu, 'Status', 'Satisfaction'); // Status now sits between Callback state and SLA state
    fillTickets(emu, 200, shanghai('2026-03-02 10:00'));
    sweepWhileTyping(emu, [
      typist(emu, 'Status', OPEN_ROW, 'Resolved'),
      typist(emu, 'Status', CLOSED_ROW, 'Resolved'),
    ]);
    const rows = rowsOf(emu, 'Tickets');
    expect(rows[OPEN_ROW - 2].Status).toBe('Resolved');
    expect(rows[CLOSED_ROW - 2].Status).toBe('Resolved');
    expect(rows[OPEN_ROW - 2]['SLA state']).toBe('Breached');
    expect(rows[OPEN_ROW - 2]['Escalation level']).toBeGreaterThan(0);
    expect(rows[OPEN_ROW + 1 - 2].Status).toBe('In progress');
    expect(rows[3 - 2].Status).toBe('In progress');
  });
});

describe('what the sweep writes, counted', () => {
  /** Every cell that differs between two snapshots of Tickets, as "header=value". */
  function differences(before: unknown[][], after: unknown[][]): string[] {
    const header = after[0].map(String);
    const out: string[] = [];
    after.forEach((line, r) => {
      line.forEach((cell, c) => {
        if (String(cell) !== String(before[r]?.[c] ?? '')) out.push(`${header[c]}=${String(cell)}`);
      });
    });
    return out;
  }

  it('writes exactly the changed cells; more than 4 values in one run: levels first, the rest the next run, no level reached twice', () => {
    const emu = newDesk({ lang: 'en' });
    emu.advanceTo(shanghai('2026-03-02 11:30'));
    fillTickets(emu, 1000, shanghai('2026-03-02 11:00'));
    const before = emu.spreadsheet.sheet('Tickets').values();
    emu.counts.reset();
    emu.advanceTo(shanghai('2026-03-02 12:30'));
    const first = differences(before, emu.spreadsheet.sheet('Tickets').values());
    const written = emu.counts.cells('RangeList', 'setValue').written;
    // Only cells whose value changed were written, and only the sweep's own columns changed.
    expect(written).toBe(first.length);
    expect(emu.counts.cells('Range', 'setValues').written).toBeLessThan(1000); // History rows, not Tickets
    expect(new Set(first.map((cell) => cell.split('=')[0]))).toEqual(
      new Set(['SLA state', 'Escalation level', 'Callback state']),
    );
    const values = (cells: string[]) => new Set(cells);
    // Six values changed this hour; four were written, escalation levels among them.
    expect(values(first).size).toBe(4);
    expect([...values(first)].filter((v) => v.startsWith('Escalation level=')).sort()).toEqual([
      'Escalation level=1',
      'Escalation level=3',
    ]);
    const escalated = rowsOf(emu, 'History').filter((row) => row.Field === 'Escalation level').length;
    expect(escalated).toBe(first.filter((v) => v.startsWith('Escalation level=')).length);

    // The next run writes what was left over, and escalates nobody again.
    const middle = emu.spreadsheet.sheet('Tickets').values();
    emu.advanceTo(shanghai('2026-03-02 13:05'));
    const second = differences(middle, emu.spreadsheet.sheet('Tickets').values());
    expect(second.length).toBeGreaterThan(0);
    // New levels may be reached an hour later, but no ticket reaches a level twice.
    const levels = rowsOf(emu, 'History')
      .filter((row) => row.Field === 'Escalation level')
      .map((row) => `${String(row['Record ID'])}:${String(row['New value'])}`);
    expect(levels.length).toBeGreaterThan(escalated - 1);
    expect(new Set(levels).size).toBe(levels.length);
    const all = new Set([...first, ...second]);
    expect(all.size).toBeGreaterThanOrEqual(6);
  });
});
