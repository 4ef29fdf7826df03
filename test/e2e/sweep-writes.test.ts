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
