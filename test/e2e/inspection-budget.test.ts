/**
 * Issue 17: one inspection submission with 40 items and 5 failed items (5 rectification tickets) costs
 * ≤ 25 Sheets calls and reads ≤ 5,000 cells, at 10,000 inspections and 100,000 tickets — the same as
 * on a nearly empty workbook. The fixture is the bench's (scripts/bench/inspections.ts), which prints
 * the same figures in `npm run bench`.
 */
import { addFortyItemCheck, fillInspections, inspectionSubmissions } from '../../scripts/bench/inspections';
import type { Emulator } from '../../scripts/emulator';
import { newDesk, rowsOf } from '../helpers/desk';
import { fillTickets } from '../helpers/fixtures';

const CALLS = 25;
const CELLS_READ = 5_000;

function desk(inspections: number, tickets: number): Emulator {
  const emu = newDesk({ lang: 'en' });
  addFortyItemCheck(emu);
  fillTickets(emu, tickets);
  fillInspections(emu, inspections);
  return emu;
}

function measure(emu: Emulator): { calls: number; cellsRead: number } {
  const { warm, measured } = inspectionSubmissions(emu);
  warm();
  emu.counts.reset();
  measured();
  if (process.env.SHOW_CALLS) console.log(JSON.stringify(emu.counts.snapshot(), null, 1));
  return { calls: emu.counts.sheets(), cellsRead: emu.counts.cells().read };
}

describe('inspection submission budget', () => {
  it(`40 items, 5 failed: ≤ ${CALLS} Sheets calls and ≤ ${CELLS_READ} cells read, the same at 10 and at 10,000 inspections with 100,000 tickets`, () => {
    const small = measure(desk(10, 10));
    const large = desk(10_000, 100_000);
    const big = measure(large);
    const tickets = rowsOf(large, 'Tickets').filter((row) =>
      String(row.Inspection).startsWith('IN-2026-00002'),
    );
    expect(tickets).toHaveLength(5);
    expect(rowsOf(large, 'Inspections')).toHaveLength(10_002);
    expect(rowsOf(large, 'Inspections').at(-1)?.['Failed items']).toBe(5);
    expect(big.calls).toBeLessThanOrEqual(CALLS);
    expect(big.cellsRead).toBeLessThanOrEqual(CELLS_READ);
    expect(big).toEqual(small);
    console.log(`inspection submission: ${big.calls} Sheets calls, ${big.cellsRead} cells read`);
  });
});
