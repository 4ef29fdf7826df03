/**
 * What a sheet looks like: its title per language and its columns. Jobs name columns by key; the table
 * layer (./table.ts) finds them by header text, so users may reorder, rename or add columns.
 */
import type { EnumName } from '../core/enums';
import { type Lang, type MessageKey, t } from '../i18n';

/**
 * 'duration': milliseconds in code, a Sheets duration in the cell (a fraction of a day, shown as
 * [h]:mm), so people read "2:15" rather than 8100000.
 */
export type ColumnType = 'text' | 'longText' | 'date' | 'number' | 'percent' | 'duration' | 'enum' | 'bool';

/** Collapsible column groups that keep the working view of a register narrow (SPEC §3). */
export type ColumnGroup = 'sla' | 'system';

export type SheetKey =
  | 'tickets'
  | 'history'
  | 'outbox'
  | 'callbacks'
  | 'runLog'
  | 'general'
  | 'calendar'
  | 'holidays'
  | 'slaPolicy'
  | 'categories'
  | 'staff'
  | 'targets'
  | 'reportRecipients'
  | 'inspections'
  | 'inspectionItems'
  | 'missedInspections'
  | 'checklists'
  | 'areas'
  | 'scorecards'
  | 'audits'
  | 'auditItems'
  | 'reportLog'
  | 'reportNotes'
  | 'auditSamples'
  | 'auditAppeals'
  | 'calibration'
  | 'calibrationItems'
  | 'meritCatalog'
  | 'merits'
  | 'assessmentRules'
  | 'assessment'
  | 'assessmentDetails'
  | 'assessmentAppeals'
  | 'import';

export interface ColumnSpec<K extends string = string> {
  key: K;
  label: MessageKey;
  type: ColumnType;
  /** For type 'enum': which enum of src/core/enums.ts the cell holds (as a localized label). */
  enum?: EnumName;
  /** For type 'enum': the cell may also say "any" (code 'any'), e.g. an SLA row for every severity. */
  allowAny?: boolean;
  /** A job cannot work without it: reading or writing a sheet that lacks it is an error, not a guess. */
  required: boolean;
  /** Computed by the system (IDs, timestamps, due dates, flags): protected, edited by nobody. */
  system: boolean;
  /** Column width in pixels at setup. */
  width: number;
  /** A column only the add-on reads (a stable code, not words): hidden from people at setup. */
  hidden?: boolean;
  group?: ColumnGroup;
  /** The system writes explanation notes on this column's cells (deadlines, refusals): a note block
   *  written for other columns must never run over it, or it would blank them. */
  noted?: boolean;
}

export interface SheetSchema<K extends string = string> {
  key: SheetKey;
  title: MessageKey;
  columns: readonly ColumnSpec<K>[];
  /** A system log people need not see (setup hides it). */
  hidden?: boolean;
}

/** The code an `allowAny` enum cell holds when it applies to every value. */
export const ANY = 'any';

export interface ColumnOptions {
  enum?: EnumName;
  allowAny?: boolean;
  required?: boolean;
  system?: boolean;
  hidden?: boolean;
  width?: number;
  group?: ColumnGroup;
  noted?: boolean;
}

const DEFAULT_WIDTH: Record<ColumnType, number> = {
  text: 120,
  longText: 280,
  date: 140,
  number: 80,
  percent: 80,
  duration: 90,
  enum: 100,
  bool: 70,
};

/**
 * A column factory for one sheet: its label key is `<prefix>.<key>`, and the compiler refuses a key
 * that has no label in the catalog.
 */
export function columnsFor<P extends string>(prefix: P) {
  return <K extends string>(
    key: `${P}.${K}` extends MessageKey ? K : never,
    type: ColumnType,
    options: ColumnOptions = {},
  ): ColumnSpec<K> => ({
    key,
    label: `${prefix}.${key}` as MessageKey,
    type,
    enum: options.enum,
    allowAny: options.allowAny,
    required: options.required ?? false,
    system: options.system ?? false,
    width: options.width ?? DEFAULT_WIDTH[type],
    hidden: options.hidden,
    group: options.group,
    noted: options.noted,
  });
}

export function sheetTitle(schema: SheetSchema, lang: Lang): string {
  return t(lang, schema.title);
}

export function columnLabel(column: ColumnSpec, lang: Lang): string {
  return t(lang, column.label);
}

/** The spec of a column by key; a key the schema lacks is a programming error (the types prevent it). */
export function columnOf<K extends string>(schema: SheetSchema<K>, key: K): ColumnSpec<K> {
  const column = schema.columns.find((c) => c.key === key);
  if (!column) throw new Error(`no column "${key}" in schema ${schema.key}`);
  return column;
}

/** The header text of a schema's column, by key, in the sheet's language. */
export function columnLabelOf<K extends string>(schema: SheetSchema<K>, key: K, lang: Lang): string {
  return columnLabel(columnOf(schema, key), lang);
}

export function headerRow(schema: SheetSchema, lang: Lang): string[] {
  return schema.columns.map((column) => columnLabel(column, lang));
}
