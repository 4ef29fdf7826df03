/** Helpers for the scheduler's end-to-end tests: Shanghai wall times, cells by header, bulk tickets. */
import type { Emulator } from '../../scripts/emulator';
import { headerOf, rowsOf } from '../helpers/desk';

/** A Shanghai wall time ('2026-05-07 12:00') as an instant. */
export function shanghai(local: string): Date {
  return new Date(`${local.replace(' ', 'T')}:00+08:00`);
}

export function columnOf(emu: Emulator, sheet: string, header: string): number {
  const index = headerOf(emu, sheet).indexOf(header);
  if (index < 0) throw new Error(`no column "${header}" in ${sheet}`);
  return index + 1;
}

export function a1(column: number, row: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row}`;
}

/** Edits one cell of the Tickets row of `id` as a user does (fires onEdit). */
export function editTicket(
  emu: Emulator,
  id: string,
  header: string,
  value: unknown,
  sheet = 'Tickets',
): void {
  const ids = emu.spreadsheet
    .sheet(sheet)
    .values()
    .map((row) => row[0]);
  const row = ids.indexOf(id) + 1;
  if (row < 2) throw new Error(`no ticket ${id}`);
  emu.editCells(sheet, a1(columnOf(emu, sheet, header), row), [[value]]);
}

/**
 * ⚙ SLA policy sends every escalation at once (the default sends only Major complaints' at once and the
 * rest in the day's summary): for tests of the hourly alerts and of the Outbox under their load.
 */
export function escalateAtOnce(emu: Emulator): void {
  const sheet = '⚙ SLA policy';
  const rows = emu.spreadsheet.sheet(sheet).values().length - 1;
  const column = columnOf(emu, sheet, 'Escalation mail');
  emu.editCells(
    sheet,
    `${a1(column, 2)}:${a1(column, rows + 1)}`,
    Array.from({ length: rows }, () => ['At once']),
  );
}

export function ticket(emu: Emulator, id: string, sheet = 'Tickets'): Record<string, unknown> {
  const found = rowsOf(emu, sheet).find((row) => row.ID === id);
  if (!found) throw new Error(`no ticket ${id}`);
  return found;
}

export function mailsTo(emu: Emulator, address: string, subject: RegExp): number {
  return emu.mail.outbox.filter((mail) => String(mail.to).includes(address) && subject.test(mail.subject))
    .length;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Fills the Tickets sheet with `count` realistic tickets through the uncounted host, in the header's
 * column order: mostly Closed (SLA met, callback done), some Resolved with callbacks in their window,
 * and `openShare` open tickets with the front stages done and the resolve stage running.
 */
export function fillTickets(emu: Emulator, count: number, now: Date, openShare = 0.05): void {
  const sheet = emu.spreadsheet.host().getSheetByName('Tickets');
  if (!sheet) throw new Error('no Tickets sheet');
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  const people = [
    ['Zhou Lei', 'Engineering', 'Repair / Plumbing'],
    ['Wu Gang', 'Engineering', 'Repair / Electrical'],
    ['He Fang', 'Environment', 'Hygiene'],
    ['Ma Chao', 'Security', 'Security'],
  ];
  const rows = Array.from({ length: count }, (_, i) => {
    const [assignee, department, category] = people[i % people.length];
    const kind = i % 100 < openShare * 100 ? 'open' : i % 100 < openShare * 100 + 5 ? 'resolved' : 'closed';
    const received = new Date(now.getTime() - ((i * 7919) % (60 * 24)) * HOUR - 2 * HOUR);
    const at = (hours: number) => new Date(received.getTime() + hours * HOUR);
    const resolved = kind === 'open' ? '' : at(30);
    const values: Record<string, unknown> = {
      ID: `CMP-2026-${String(i + 1).padStart(6, '0')}`,
      'Received at': received,
      Channel: 'Phone',
      Type: 'Complaint',
      Category: category,
      Severity: 'General',
      Customer: `Customer ${i}`,
      Phone: `138${String(10_000_000 + i).slice(-8)}`,
      Email: `c${i}@example.com`,
      Description: 'Water leaking from the ceiling.',
      'Received by': 'Li Na',
      Department: department,
      Assignee: assignee,
      Status: kind === 'open' ? 'In progress' : kind === 'resolved' ? 'Resolved' : 'Closed',
      Resolution: kind === 'open' ? '' : 'Fixed the pipe.',
      'Needs review': false,
      'Ack at': at(1),
      'Transfer at': at(1),
      'Feedback at': at(20),
      'Resolve at': resolved,
      'Callback open': resolved,
      'Callback due': kind === 'open' ? '' : new Date(at(30).getTime() + 14 * DAY),
      'Callback state': kind === 'open' ? '' : kind === 'resolved' ? 'Waiting' : 'Done',
      'SLA state': kind === 'open' ? 'On track' : 'Met',
      'Escalation level': 0,
      'Reopen count': 0,
      Supervised: false,
      'Paused (h:mm)': 0,
      'Created at': received,
      'Updated at': received,
    };
    return header.map((name) => (values[name] ?? '') as string | number | boolean | Date);
  });
  const needed = count + 1 - sheet.getMaxRows();
  if (needed > 0) sheet.insertRowsAfter(sheet.getMaxRows(), needed);
  sheet.getRange(2, 1, count, header.length).setValues(rows);
}
