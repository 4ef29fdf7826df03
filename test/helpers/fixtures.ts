/**
 * Large Tickets sheets for budget tests and benchmarks, written through the uncounted host in the
 * sheet's own header order, so the code under test finds them exactly as it would real data.
 */
import type { Emulator } from '../../scripts/emulator';

const TYPES = ['Complaint', 'Inquiry', 'Repair', 'Suggestion', 'Praise'];
const CATEGORIES = ['Repair / Plumbing', 'Repair / Electrical', 'Service attitude', 'Fees and billing'];
const STATUSES = ['New', 'In progress', 'Resolved', 'Closed', 'Waiting on customer'];

/** Appends `count` generated tickets (all received before the emulator's clock) in one setValues. */
export function fillTickets(emu: Emulator, count: number, sheetName = 'Tickets'): void {
  const sheet = emu.spreadsheet.host().getSheetByName(sheetName);
  if (!sheet) throw new Error(`no ${sheetName}`);
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  const now = emu.clock.now().getTime();
  const rows = Array.from({ length: count }, (_, i) => {
    const received = new Date(now - (i + 1) * 7 * 60_000);
    const values: Record<string, unknown> = {
      ID: `OLD-2025-${String(i + 1).padStart(6, '0')}`,
      'Received at': received,
      Channel: 'Phone',
      Type: TYPES[i % TYPES.length],
      Category: CATEGORIES[i % CATEGORIES.length],
      Severity: i % 10 === 0 ? 'Major' : 'General',
      Customer: `Customer ${i}`,
      Phone: `13${String(100000000 + i)}`,
      Email: `c${i}@example.com`,
      Description: 'Generated ticket',
      'Received by': 'Li Na',
      Department: 'Engineering',
      Assignee: 'Zhou Lei',
      Status: STATUSES[i % STATUSES.length],
      'Resolve due': new Date(received.getTime() + 3 * 86_400_000),
      'Created at': received,
      'Updated at': received,
      'Form response ID': `old:${i}`,
    };
    return header.map((h) => (h in values ? values[h] : ''));
  });
  if (sheet.getMaxRows() < count + 1)
    sheet.insertRowsAfter(sheet.getMaxRows(), count + 1 - sheet.getMaxRows());
  sheet.getRange(2, 1, count, header.length).setValues(rows as never);
}

/**
 * Closed inquiries `ids` that `assignee` resolved on Wed 2026-03-04 15:00 (week 2026-W10), written as rows
 * 2… of Tickets through the uncounted host: what the weekly audit sample draws from.
 */
export function resolvedInquiries(emu: Emulator, ids: readonly string[], assignee: string): void {
  const sheet = emu.spreadsheet.host().getSheetByName('Tickets');
  if (!sheet) throw new Error('no Tickets');
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  const resolved = new Date(Date.UTC(2026, 2, 4, 7, 0));
  const rows = ids.map((id) => {
    const values: Record<string, unknown> = {
      ID: id,
      'Received at': new Date(resolved.getTime() - 86_400_000),
      Channel: 'Phone',
      Type: 'Inquiry',
      Category: 'Service attitude',
      Severity: 'General',
      Customer: 'C',
      Assignee: assignee,
      Department: 'Customer Service',
      Status: 'Closed',
      'Resolved at': resolved,
      'First resolved at': resolved,
      'Reopen count': 0,
      'Created at': resolved,
    };
    return header.map((h) => (h in values ? values[h] : ''));
  });
  sheet.getRange(2, 1, rows.length, header.length).setValues(rows as never);
}

/**
 * Appends `count` generated callback attempts after the last row of Callbacks (one per ticket
 * OLD-2025-…, numbered on from the rows already there; all before the emulator's clock, `everyMinutes`
 * apart, reached and satisfied) in one setValues, through the uncounted host.
 */
export function fillCallbacks(emu: Emulator, count: number, sheetName = 'Callbacks', everyMinutes = 1): void {
  const sheet = emu.spreadsheet.host().getSheetByName(sheetName);
  if (!sheet) throw new Error(`no ${sheetName}`);
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  const firstRow = sheet.getLastRow() + 1;
  const offset = firstRow - 2;
  const now = emu.clock.now().getTime();
  const fields: Record<string, (i: number) => unknown> = {
    'Ticket ID': (i) => `OLD-2025-${String(offset + i + 1).padStart(6, '0')}`,
    'Attempt no.': () => 1,
    At: (i) => new Date(now - (count - i) * everyMinutes * 60_000),
    By: () => 'Li Na',
    Method: () => 'Phone',
    Reached: () => 'Yes',
    'Satisfaction (1–5)': () => 4,
    'Issue resolved': () => 'Yes',
    'Customer confirmation': () => 'Verbal',
    Valid: () => true,
    'Form response ID': (i) => `old-callback:${offset + i}`,
  };
  const columns = header.map((h) => fields[h]);
  const rows = Array.from({ length: count }, (_, i) => columns.map((field) => (field ? field(i) : '')));
  const lastRow = firstRow + count - 1;
  if (sheet.getMaxRows() < lastRow) sheet.insertRowsAfter(sheet.getMaxRows(), lastRow - sheet.getMaxRows());
  sheet.getRange(firstRow, 1, count, header.length).setValues(rows as never);
}
