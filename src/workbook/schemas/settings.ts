/**
 * ⚙ settings sheets (SPEC §13). General and Calendar are key/value tables (key, label, value, note): the
 * key column holds the stable code, the label is for people. The others are row tables.
 */
import type { DayKind, EnumCode, Role, Severity, TicketType } from '../../core/enums';
import { columnsFor, type SheetSchema } from '../schema';
import type { BoolCell, DateCell, NumberCell } from './tickets';

/** A row of a key/value settings sheet. `value` stays a raw cell: each key has its own parser. */
export interface KeyValueRow {
  key: string;
  label: string;
  value: string | number | boolean | Date;
  note: string;
}

const keyValue = columnsFor('col.settings');
const keyValueColumns = [
  // The stable code jobs find a setting by; people read the label (setup hides the code).
  keyValue('key', 'text', { required: true, system: true, hidden: true, width: 170 }),
  keyValue('label', 'text', { width: 220 }),
  // 'text' keeps what the manager typed; numbers and dates come back as numbers and Dates anyway.
  keyValue('value', 'text', { required: true, width: 160 }),
  keyValue('note', 'longText', { width: 320 }),
] as const;

export const GENERAL: SheetSchema<keyof KeyValueRow> = {
  key: 'general',
  title: 'sheet.general',
  columns: keyValueColumns,
};

/** Keys: workingDays, dayStart, dayEnd, lunchStart, lunchEnd, atRiskPercent (parsed by core/calendar). */
export const CALENDAR: SheetSchema<keyof KeyValueRow> = {
  key: 'calendar',
  title: 'sheet.calendar',
  columns: keyValueColumns,
};

export interface HolidayRow {
  date: DateCell;
  kind: DayKind | '';
  name: string;
}

const holiday = columnsFor('col.holidays');

export const HOLIDAYS: SheetSchema<keyof HolidayRow> = {
  key: 'holidays',
  title: 'sheet.holidays',
  columns: [
    holiday('date', 'date', { required: true }),
    holiday('kind', 'enum', { enum: 'dayKind', required: true }),
    holiday('name', 'text', { width: 180 }),
  ],
};

export interface SlaPolicyRow {
  type: TicketType | '';
  /** A severity code, or 'any' for every severity. */
  severity: Severity | 'any' | '';
  /** Durations with a unit, e.g. "24 h", "3 bh", "1 wd", "7 d"; '' = no target (parsed by core/sla). */
  ack: string;
  transfer: string;
  feedback: string;
  resolve: string;
  callbackOpen: string;
  callbackDue: string;
  /** Share of tickets sampled for a callback when the row has no window (0–1). */
  sampleRate: NumberCell;
  /** How far the ticket escalates, and whether its escalation mails go at once or in the day's summary. */
  escalateTo: EnumCode<'escalationReach'> | '';
  escalationMail: EnumCode<'escalationNotice'> | '';
}

const sla = columnsFor('col.slaPolicy');

export const SLA_POLICY: SheetSchema<keyof SlaPolicyRow> = {
  key: 'slaPolicy',
  title: 'sheet.slaPolicy',
  columns: [
    sla('type', 'enum', { enum: 'ticketType', required: true }),
    sla('severity', 'enum', { enum: 'severity', allowAny: true, required: true }),
    sla('ack', 'text', { required: true }),
    sla('transfer', 'text', { required: true }),
    sla('feedback', 'text', { required: true }),
    sla('resolve', 'text', { required: true }),
    sla('callbackOpen', 'text', { required: true }),
    sla('callbackDue', 'text', { required: true }),
    sla('sampleRate', 'percent'),
    sla('escalateTo', 'enum', { enum: 'escalationReach', width: 220 }),
    sla('escalationMail', 'enum', { enum: 'escalationNotice', width: 130 }),
  ],
};

export interface CategoryRow {
  category: string;
  subcategory: string;
  department: string;
  defaultAssignee: string;
  active: BoolCell;
}

const category = columnsFor('col.categories');

export const CATEGORIES: SheetSchema<keyof CategoryRow> = {
  key: 'categories',
  title: 'sheet.categories',
  columns: [
    category('category', 'text', { required: true, width: 150 }),
    category('subcategory', 'text', { width: 150 }),
    category('department', 'text', { required: true }),
    category('defaultAssignee', 'text'),
    category('active', 'bool'),
  ],
};

export interface StaffRow {
  name: string;
  email: string;
  role: Role | '';
  department: string;
  onLeave: BoolCell;
  /** Optional per-person caps on new assignments (seed 001 L49: 2 a day, 6 a week); '' = no cap. */
  dailyCap: NumberCell;
  weeklyCap: NumberCell;
  active: BoolCell;
}

const staff = columnsFor('col.staff');

export const STAFF: SheetSchema<keyof StaffRow> = {
  key: 'staff',
  title: 'sheet.staff',
  columns: [
    staff('name', 'text', { required: true }),
    staff('email', 'text', { required: true, width: 200 }),
    staff('role', 'enum', { enum: 'role', required: true }),
    staff('department', 'text', { required: true }),
    staff('onLeave', 'bool'),
    staff('dailyCap', 'number'),
    staff('weeklyCap', 'number'),
    staff('active', 'bool'),
  ],
};
