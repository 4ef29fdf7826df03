/** Helpers for the scheduler's end-to-end tests: Shanghai wall times, cells by header, bulk tickets. */
import type { Emulator } from '../../scripts/emulator';
import { rowsOf } from '../helpers/desk';

/** A Shanghai wall time ('2026-05-07 12:00') as an instant. */
export function shanghai(local: string): Date {
  return new Date(`${local.replace(' ', 'T')}:00+08:00`);
}

export function columnOf(emu: Emulator, sheet: string, header: string): number {
  const index = emu.spreadsheet.sheet(sheet).values()[0].indexOf(header);
  if (index < 0) throw new Error(`no column "${header}" in ${sheet}`);
  return index + 1;
}

export function a1(column: number, row: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row}`;
}

/** Edits one cell of the Tickets row of `id` as a user does (fires onEdit). */
export function editTicket(emu: Emulator, id: string, header: string, value: unknown, sheet = 'Tickets'): void {
  const ids = emu.spreadsheet.sheet(sheet).values().map((row) => row[0]);
  const row = ids.indexOf(id) + 1;
  if (row < 2) throw new Error(`no ticket ${id}`);
  emu.editCells(sheet, a1(columnOf(emu, sheet, header), row), [[value]]);
}

export function ticket(emu: Emulator, id: string, sheet = 'Tickets'): Record<string, unknown> {
  const found = rowsOf(emu, sheet).find((row) => row.ID === id);
  if (!found) throw new Error(`no ticket ${id}`);
  return found;
}

export function mailsTo(emu: Emulator, address: string, subject: RegExp): number {
  return emu.mail.outbox.filter((mail) => String(mail.to).includes(address) && subject.test(mail.subject)).length;
}
