/**
 * Issue 15 performance: one audit submission costs ≤ 15 Sheets calls and ≤ 5,000 cells read, the same
 * with 10 and with 10,000 audits (and 100,000 tickets to find the ticket ID among). An ID of this desk's
 * own format is checked against its counter (10 calls); an imported one is searched for (15 calls).
 */
import type { Emulator } from '../../scripts/emulator';
import { phoneExample, submitAudit } from '../helpers/audits';
import { newDesk, rowsOf } from '../helpers/desk';
import { fillTickets } from '../helpers/fixtures';

const CALLS = 15;
const CELLS = 5_000;

/** Appends `count` audits with their 10 items each, through the uncounted host. */
function fillAudits(emu: Emulator, count: number): void {
  const write = (name: string, rows: (h: string, i: number) => unknown, n: number) => {
    const sheet = emu.spreadsheet.host().getSheetByName(name);
    if (!sheet) throw new Error(`no ${name}`);
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
    const grid = Array.from({ length: n }, (_, i) => header.map((h) => rows(h, i)));
    if (sheet.getMaxRows() < n + 1) sheet.insertRowsAfter(sheet.getMaxRows(), n + 1 - sheet.getMaxRows());
    sheet.getRange(2, 1, n, header.length).setValues(grid as never);
  };
  const id = (i: number) => `QA-2025-${String(i + 1).padStart(5, '0')}`;
  const audit: Record<string, (i: number) => unknown> = {
    'Audit ID': id,
    At: () => new Date('2025-06-01T02:00:00Z'),
    Period: () => '2025-06',
    Staff: (i) => (i % 2 ? 'Zhang Wei' : 'Liu Yang'),
    Auditor: () => 'Li Na',
    Scorecard: () => 'Phone service',
    Version: () => 1,
    'Final %': (i) => 60 + (i % 40),
    Kind: () => 'Normal',
    State: () => 'Scored',
    'Form response ID': (i) => `old:${i}`,
  };
  write('Audits', (h, i) => (audit[h] ? audit[h](i) : ''), count);
  write(
    'Audit items',
    (h, i) => (h === 'Audit ID' ? id(Math.floor(i / 10)) : h === 'Points' ? 5 : ''),
    count * 10,
  );
}

function measure(emu: Emulator, ticketId: string): { calls: number; cells: number } {
  const submit = () =>
    submitAudit(emu, 'Phone service', {
      staff: 'Zhang Wei',
      auditor: 'Li Na',
      ticketId,
      rootCause: ['Process'],
      items: phoneExample(),
    });
  submit(); // warms the caches (settings, header maps), as on any working day
  emu.counts.reset();
  submit();
  return { calls: emu.counts.sheets(), cells: emu.counts.cells().read };
}

describe('audit submission budget', () => {
  it(`≤ ${CALLS} Sheets calls and ≤ ${CELLS} cells read with 10 audits, the same with 10,000`, () => {
    const small = newDesk({ lang: 'en' });
    fillAudits(small, 10);
    fillTickets(small, 10);
    const atTen = measure(small, 'OLD-2025-000005');

    const large = newDesk({ lang: 'en' });
    fillAudits(large, 10_000);
    fillTickets(large, 100_000);
    const atTenThousand = measure(large, 'OLD-2025-099999');
    const ownId = measure(large, '');

    expect(atTen.calls).toBeLessThanOrEqual(CALLS);
    expect(atTenThousand.calls).toBe(atTen.calls);
    expect(atTenThousand.cells).toBeLessThanOrEqual(CELLS);
    expect(ownId.calls).toBeLessThan(atTenThousand.calls);
    const audits = rowsOf(large, 'Audits');
    expect(audits).toHaveLength(10_004);
    expect(audits[10_001]).toMatchObject({
      'Audit ID': 'QA-2026-00002',
      'Needs review': false,
      'Ticket ID': 'OLD-2025-099999',
    });
  });
});
