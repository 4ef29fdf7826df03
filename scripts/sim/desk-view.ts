/**
 * What the simulated people see when they look at the spreadsheet: tickets, staff and categories read
 * through the emulator's uncounted views, columns found by header text (as the product does), so
 * looking never shows up in the service-call counts.
 */
import type { CallbackState, Role, TicketStatus, TicketType } from '../../src/core/enums';
import { categoryLabel } from '../../src/core/settings';
import { enumCodeFromText } from '../../src/core/text';
import { bothLanguages, LANGS, type Lang, t } from '../../src/i18n';
import { columnLabel, type SheetSchema } from '../../src/workbook/schema';
import { CATEGORIES, STAFF, TICKETS, type TicketRow } from '../../src/workbook/schemas';
import type { Emulator } from '../emulator';

export interface StaffMember {
  name: string;
  email: string;
  role: Role;
  department: string;
}

export interface Category {
  label: string;
  department: string;
}

/** The ticket fields people act on, with enum cells decoded to codes. */
export interface TicketView {
  /** 1-based sheet row. */
  row: number;
  id: string;
  type: TicketType | null;
  status: TicketStatus | null;
  department: string;
  assignee: string;
  receivedBy: string;
  category: string;
  resolution: string;
  receivedAt: Date | null;
  ackDue: Date | null;
  ackAt: Date | null;
  feedbackDue: Date | null;
  feedbackAt: Date | null;
  resolveDue: Date | null;
  callbackOpen: Date | null;
  callbackDue: Date | null;
  callbackState: CallbackState | null;
}

export interface TicketSheet {
  tickets: TicketView[];
  /** A1 address of a ticket's cell, for editing it the way a person does. */
  cellOf(row: number, key: keyof TicketRow): string;
  /** The cell's value now (after edits made since the snapshot). */
  valueAt(row: number, key: keyof TicketRow): unknown;
}

type Cells = ReadonlyArray<unknown>;

function asDate(value: unknown): Date | null {
  return value instanceof Date ? value : null;
}

/** 0-based index of each schema column in a header row, accepting either language's label. */
function columnIndexes<K extends string>(schema: SheetSchema<K>, header: Cells): Map<K, number> {
  const indexes = new Map<K, number>();
  for (const column of schema.columns) {
    const index = header.findIndex((cell) =>
      LANGS.some((lang) => columnLabel(column, lang) === String(cell)),
    );
    if (index >= 0) indexes.set(column.key, index);
  }
  return indexes;
}

export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export class DeskView {
  readonly ticketsSheet: string;

  constructor(
    private readonly emu: Emulator,
    readonly lang: Lang,
  ) {
    this.ticketsSheet = t(lang, 'sheet.tickets');
  }

  private table<K extends string>(
    schema: SheetSchema<K>,
  ): { rows: Cells[]; at: (row: Cells, key: K) => unknown; indexes: Map<K, number> } {
    const [header = [], ...rows] = this.emu.spreadsheet.sheet(t(this.lang, schema.title)).values();
    const indexes = columnIndexes(schema, header);
    return { rows, indexes, at: (row, key) => row[indexes.get(key) ?? -1] };
  }

  /** Every ticket as the sheet shows it now, and the A1 address of any of its cells for editing. */
  tickets(): TicketSheet {
    const { rows, at, indexes } = this.table(TICKETS);
    const text = (row: Cells, key: keyof TicketRow) => String(at(row, key) ?? '');
    const tickets = rows
      .map((row, i) => ({
        row: i + 2,
        id: text(row, 'id'),
        type: enumCodeFromText(bothLanguages, 'ticketType', text(row, 'type')),
        status: enumCodeFromText(bothLanguages, 'status', text(row, 'status')),
        department: text(row, 'department'),
        assignee: text(row, 'assignee'),
        receivedBy: text(row, 'receivedBy'),
        category: text(row, 'category'),
        resolution: text(row, 'resolution'),
        receivedAt: asDate(at(row, 'receivedAt')),
        ackDue: asDate(at(row, 'ackDue')),
        ackAt: asDate(at(row, 'ackAt')),
        feedbackDue: asDate(at(row, 'feedbackDue')),
        feedbackAt: asDate(at(row, 'feedbackAt')),
        resolveDue: asDate(at(row, 'resolveDue')),
        callbackOpen: asDate(at(row, 'callbackOpen')),
        callbackDue: asDate(at(row, 'callbackDue')),
        callbackState: enumCodeFromText(bothLanguages, 'callbackState', text(row, 'callbackState')),
      }))
      .filter((ticket) => ticket.id !== '');
    const column = (key: keyof TicketRow) => {
      const index = indexes.get(key);
      if (index === undefined) throw new Error(`simulation: the Tickets sheet has no ${key} column`);
      return index + 1;
    };
    const sheet = this.emu.spreadsheet.sheet(this.ticketsSheet);
    return {
      tickets,
      cellOf: (row, key) => `${columnLetter(column(key))}${row}`,
      valueAt: (row, key) => sheet.cell(row, column(key))?.v ?? '',
    };
  }

  /** Rows of any register as objects keyed by column key (missing columns read as undefined). */
  records<K extends string>(schema: SheetSchema<K>): Array<Partial<Record<K, unknown>>> {
    if (!this.emu.spreadsheet.hasSheet(t(this.lang, schema.title))) return [];
    const { rows, indexes } = this.table(schema);
    return rows.map((row) => {
      const record: Partial<Record<K, unknown>> = {};
      for (const [key, index] of indexes) record[key] = row[index];
      return record;
    });
  }

  staff(): StaffMember[] {
    const { rows, at } = this.table(STAFF);
    const members: StaffMember[] = [];
    for (const row of rows) {
      const role = enumCodeFromText(bothLanguages, 'role', String(at(row, 'role') ?? ''));
      const name = String(at(row, 'name') ?? '');
      if (role === null || name === '' || at(row, 'active') === false) continue;
      members.push({
        name,
        email: String(at(row, 'email') ?? ''),
        role,
        department: String(at(row, 'department') ?? ''),
      });
    }
    return members;
  }

  categories(): Category[] {
    const { rows, at } = this.table(CATEGORIES);
    return rows
      .filter((row) => at(row, 'active') !== false && String(at(row, 'category') ?? '') !== '')
      .map((row) => {
        const label = categoryLabel(String(at(row, 'category')), String(at(row, 'subcategory') ?? ''));
        return { label, department: String(at(row, 'department') ?? '') };
      });
  }
}
