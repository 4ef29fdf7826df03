/**
 * A desk with N tickets already in the Tickets sheet: rows generated in the sheet's header order and
 * written through the emulator's uncounted host, so filling costs nothing in the counts being measured.
 * A tenth of the tickets are still open, some past their deadlines, like a real register.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TicketType } from '../../src/core/enums';
import { categoryLabel } from '../../src/core/settings';
import { counterKey } from '../../src/core/tickets';
import { LANGS, type MessageKey, t } from '../../src/i18n';
import { defaultCategoryRows, defaultStaffRows } from '../../src/jobs/default-rows';
import { columnLabel } from '../../src/workbook/schema';
import { TICKETS, type TicketRow } from '../../src/workbook/schemas';
import { Emulator } from '../emulator';
import { Random } from '../sim/random';

export const BENCH_LANG = 'en';
/** Tue 2026-03-03 14:10 in Shanghai: a working afternoon, no digest or report slot due. */
export const BENCH_START = new Date('2026-03-03T06:10:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** SPEC §4 default ID prefixes. */
const PREFIXES: Record<TicketType, string> = {
  complaint: 'CMP',
  inquiry: 'INQ',
  suggestion: 'SUG',
  repair: 'REP',
  praise: 'PRA',
};
const TYPES: readonly TicketType[] = ['complaint', 'inquiry', 'suggestion', 'repair', 'praise'];

export function bundleWith(extra: string): string {
  return `${readFileSync(join(__dirname, '..', '..', 'dist', 'Code.js'), 'utf8')}\n${extra}`;
}

/** A set-up English desk on the emulator, with the given script loaded. */
export function benchDesk(code: string): Emulator {
  const emu = new Emulator({
    start: BENCH_START,
    timeZone: 'Asia/Shanghai',
    locale: 'en_US',
    user: 'owner@example.com',
    mailQuota: 1500,
    addOn: true,
  });
  emu.load(code);
  emu.run('menuSetup', undefined, { interactive: true });
  return emu;
}

function label(name: string, code: string): string {
  return t(BENCH_LANG, `enum.${name}.${code}` as MessageKey);
}

/** Who handles the fixture tickets: people and categories of the default settings. */
const STAFF = defaultStaffRows(BENCH_LANG).filter((person) => person.role === 'staff');
const CATEGORIES = defaultCategoryRows(BENCH_LANG);

/** A row as the sheet shows it: enum cells hold labels, not codes. */
type SheetRow = Partial<Record<keyof TicketRow, string | number | boolean | Date>>;

function ticket(n: number, random: Random, now: number): SheetRow {
  const type = TYPES[n % TYPES.length];
  const person = STAFF[n % STAFF.length];
  const category = CATEGORIES[n % CATEGORIES.length];
  const received = new Date(now - random.between(0.1, 90) * DAY);
  const open = random.chance(0.1);
  const resolveDue = new Date(received.getTime() + 3 * DAY);
  const late = resolveDue.getTime() < now;
  return {
    id: `${PREFIXES[type]}-2026-${String(n).padStart(6, '0')}`,
    receivedAt: received,
    channel: label('channel', 'phone'),
    type: label('ticketType', type),
    category: categoryLabel(category.category, category.subcategory),
    severity: label('severity', 'general'),
    customer: `Customer ${n}`,
    phone: `138${String(n).padStart(8, '0')}`,
    email: '',
    address: `Building ${n % 20}, Unit ${n % 997}`,
    description: 'Benchmark ticket',
    receivedBy: person.name,
    department: person.department,
    assignee: person.name,
    status: label('status', open ? 'inProgress' : 'closed'),
    resolution: open ? '' : 'Done',
    needsReview: false,
    ackDue: new Date(received.getTime() + DAY),
    ackAt: new Date(received.getTime() + HOUR),
    resolveDue,
    resolveAt: open ? '' : new Date(received.getTime() + 2 * DAY),
    callbackState: label('callbackState', open ? 'notRequired' : 'done'),
    slaState: label('slaState', open ? (late ? 'breached' : 'pending') : 'met'),
    escalationLevel: open && late ? 2 : 0,
    reopenCount: 0,
    pausedMs: 0,
    formResponseId: `bench:${n}`,
    createdAt: received,
    updatedAt: received,
  };
}

/** Writes `count` tickets below the header and moves the ID counters past them. */
export function fillTickets(emu: Emulator, count: number, seed = 7): void {
  const sheet = emu.spreadsheet.host().getSheetByName(t(BENCH_LANG, 'sheet.tickets'));
  if (!sheet) throw new Error('bench: no Tickets sheet after setup');
  const width = sheet.getLastColumn();
  const header = sheet.getRange(1, 1, 1, width).getValues()[0].map(String);
  const keys = header.map(
    (text) => TICKETS.columns.find((column) => LANGS.some((lang) => columnLabel(column, lang) === text))?.key,
  );
  const random = new Random(seed);
  const now = emu.clock.ms();
  const rows = Array.from({ length: count }, (_, i) => {
    const values = ticket(i + 1, random, now);
    return keys.map((key) => (key === undefined ? '' : (values[key] ?? '')));
  });
  if (sheet.getMaxRows() < count + 1)
    sheet.insertRowsAfter(sheet.getMaxRows(), count + 1 - sheet.getMaxRows());
  if (count > 0) sheet.getRange(2, 1, count, width).setValues(rows);
  const store = emu.properties.document.get(emu.spreadsheet.id);
  for (const type of TYPES) store?.set(counterKey(PREFIXES[type], 2026), String(count));
}
