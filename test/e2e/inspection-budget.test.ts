/**
 * Issue 17: one inspection submission with 40 items and 5 failed items (5 rectification tickets) costs
 * ≤ 25 Sheets calls and reads ≤ 5,000 cells, at 10,000 inspections and 100,000 tickets — the same as
 * on a nearly empty workbook.
 */
import type { Emulator } from '../../scripts/emulator';
import { newDesk, rowsOf } from '../helpers/desk';
import { fillTickets } from '../helpers/fixtures';
import { submitInspection } from '../helpers/inspections';

const CALLS = 25;
const CELLS_READ = 5_000;
const TEMPLATE = 'Forty-item check';

/** Rows through the uncounted host, in the sheet's own header order. */
function appendHosted(emu: Emulator, sheetName: string, records: Array<Record<string, unknown>>): void {
  const sheet = emu.spreadsheet.host().getSheetByName(sheetName);
  if (!sheet) throw new Error(`no ${sheetName}`);
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  const first = sheet.getLastRow() + 1;
  const need = first + records.length - 1;
  if (sheet.getMaxRows() < need) sheet.insertRowsAfter(sheet.getMaxRows(), need - sheet.getMaxRows());
  const rows = records.map((record) => header.map((h) => (h in record ? record[h] : '')));
  sheet.getRange(first, 1, rows.length, header.length).setValues(rows as never);
}

function desk(inspections: number, tickets: number): Emulator {
  const emu = newDesk({ lang: 'en' });
  appendHosted(emu, '⚙ Checklists', [
    { Template: TEMPLATE, Version: 1, 'Pass mark %': 90, 'Item pass %': 85, '1st fail': 'Minor fault' },
    ...Array.from({ length: 40 }, (_, i) => ({
      Template: TEMPLATE,
      Section: `Zone ${Math.floor(i / 8) + 1}`,
      Item: `Point ${i + 1}`,
      'Answer kind': 'Pass / fail',
      Weight: 1,
      'Rectification (working days)': 2,
    })),
  ]);
  appendHosted(emu, '⚙ Areas', [
    {
      Area: 'Tower A',
      Templates: TEMPLATE,
      Frequency: 'Daily',
      Owner: 'He Fang',
      Department: 'Environment',
      Inspector: 'Zhang Wei',
    },
    {
      Area: 'Tower B',
      Templates: TEMPLATE,
      Frequency: 'Daily',
      Owner: 'Xu Jie',
      Department: 'Environment',
      Inspector: 'Liu Yang',
    },
  ]);
  emu.run('menuSetup', undefined, { interactive: true });
  fillTickets(emu, tickets);
  const at = emu.clock.now().getTime();
  appendHosted(
    emu,
    'Inspections',
    Array.from({ length: inspections }, (_, i) => ({
      'Inspection ID': `IN-2025-${String(i + 1).padStart(5, '0')}`,
      At: new Date(at - (i + 1) * 3_600_000),
      Template: TEMPLATE,
      Version: 1,
      Area: i % 2 === 0 ? 'Tower A' : 'Tower B',
      Inspector: 'Zhang Wei',
      'Score %': 95,
      Result: 'Pass',
      'Form response ID': `old:${i}`,
    })),
  );
  appendHosted(
    emu,
    'Inspection items',
    Array.from({ length: Math.min(inspections * 10, 100_000) }, (_, i) => ({
      'Inspection ID': `IN-2025-${String(Math.floor(i / 10) + 1).padStart(5, '0')}`,
      Section: 'Zone 1',
      Item: `Point ${(i % 40) + 1}`,
      Answer: 'Pass',
    })),
  );
  return emu;
}

function measure(emu: Emulator): { calls: number; cellsRead: number } {
  // A first submission warms the caches (settings, header maps) and, failing two items, grows the sheets
  // the fixture filled to the brim — as on any working day, when registers have free rows (a full sheet
  // grows by 500 rows at once, one call per 500 appended rows).
  submitInspection(emu, TEMPLATE, {
    area: 'Tower B',
    inspector: 'Liu Yang',
    fail: { 'Point 1': 'Dusty', 'Point 2': 'Dusty' },
  });
  emu.counts.reset();
  submitInspection(emu, TEMPLATE, {
    area: 'Tower A',
    inspector: 'Zhang Wei',
    fail: Object.fromEntries([3, 9, 17, 26, 38].map((n) => [`Point ${n}`, `Point ${n} is dirty`])),
  });
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
    expect(rowsOf(large, 'Inspections').at(-1)?.['Failed items']).toBe(5);
    expect(big.calls).toBeLessThanOrEqual(CALLS);
    expect(big.cellsRead).toBeLessThanOrEqual(CELLS_READ);
    expect(big).toEqual(small);
    console.log(`inspection submission: ${big.calls} Sheets calls, ${big.cellsRead} cells read`);
  });
});
