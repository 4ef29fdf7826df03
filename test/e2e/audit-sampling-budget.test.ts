/** Issue 15 performance: drawing the weekly audit sample costs ≤ 30 Sheets calls at 100,000 tickets. */
import type { Emulator } from '../../scripts/emulator';
import { newDesk, rowsOf } from '../helpers/desk';

const BUDGET = 30;
const at = (day: number, hour: number) => new Date(Date.UTC(2026, 2, day, hour - 8, 0));
const STAFF = ['Zhang Wei', 'Liu Yang', 'Zhao Jing', 'Zhou Lei', 'Wu Gang', 'He Fang'];
const TYPES = ['Inquiry', 'Complaint', 'Repair', 'Suggestion'];
const CHANNELS = ['Phone', 'Walk-in', 'Email'];

/** `count` closed tickets, one in 50 resolved in 2026-W10, the rest weeks earlier. */
function fill(emu: Emulator, count: number): void {
  const sheet = emu.spreadsheet.host().getSheetByName('Tickets');
  if (!sheet) throw new Error('no Tickets');
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  const rows = Array.from({ length: count }, (_, i) => {
    const resolved = i % 50 === 0 ? at(3 + (i % 5), 15) : new Date(at(2, 8).getTime() - (i + 1) * 60_000);
    const values: Record<string, unknown> = {
      ID: `OLD-2025-${String(i + 1).padStart(6, '0')}`,
      Type: TYPES[i % TYPES.length],
      Channel: CHANNELS[i % CHANNELS.length],
      Assignee: STAFF[i % STAFF.length],
      Status: 'Closed',
      'Resolved at': resolved,
      'First resolved at': resolved,
      'Reopen count': i % 97 === 0 ? 1 : 0,
      Satisfaction: i % 13 === 0 ? 2 : 5,
    };
    return header.map((h) => (h in values ? values[h] : ''));
  });
  if (sheet.getMaxRows() < count + 1)
    sheet.insertRowsAfter(sheet.getMaxRows(), count + 1 - sheet.getMaxRows());
  sheet.getRange(2, 1, count, header.length).setValues(rows as never);
}

function measure(count: number): { calls: number; sampled: number } {
  const emu = newDesk({ lang: 'en', start: at(9, 7) });
  fill(emu, count);
  emu.counts.reset();
  emu.run('menuAuditSample', undefined, { interactive: true });
  return { calls: emu.counts.sheets(), sampled: rowsOf(emu, 'Audit samples').length };
}

describe('weekly audit sample budget', () => {
  it(`≤ ${BUDGET} Sheets calls with 1,000 tickets and the same with 100,000`, () => {
    const small = measure(1_000);
    const large = measure(100_000);
    expect(small.calls).toBeLessThanOrEqual(BUDGET);
    process.stdout.write(
      `weekly audit sample: ${small.calls} Sheets calls at 1,000 and ${large.calls} at 100,000 tickets\n`,
    );
    expect(large.calls).toBe(small.calls);
    expect(large.sampled).toBeGreaterThan(small.sampled);
  });
});
