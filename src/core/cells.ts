import type { MessageKey } from '../i18n';
import type { Message } from './message';

/** A value as Sheets returns it from getValues: '' for an empty cell, Dates as real Dates. */
export type CellValue = string | number | boolean | Date;
export type Grid = CellValue[][];

/** A problem in a ⚙ settings table, reported to the manager with where it is and why. */
export interface SettingsIssue {
  /** The sheet's title key (the job shows it in the sheet's language). */
  sheet: MessageKey;
  /** 1-based row in the sheet (the header is row 1). */
  row: number;
  reason: Message;
}

/** One data row of a table, keyed by column key, with its 1-based sheet row for error reports. */
export interface KeyedRow {
  row: number;
  values: Record<string, CellValue>;
  /** The text of cells the column type could not read (an unknown choice), so a parser can name it. */
  unrecognized?: Partial<Record<string, string>>;
}
