import { Exception } from '../errors';
import type { SpreadsheetModel } from './context';

/**
 * Google's size limits for one spreadsheet: 10,000,000 cells across all its sheets, hidden and
 * form-response sheets included (Google Workspace Updates, 2022-03-14, "Google Sheets doubles cell
 * limit"), and 50,000 characters in one cell. Both errors are Google's texts.
 */
export const MAX_CELLS = 10_000_000;
export const MAX_CELL_CHARS = 50_000;

export const CELL_LIMIT_MESSAGE = `This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS} cells.`;
export const CELL_CHARS_MESSAGE = `Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`;

/** Cells of the spreadsheet: every sheet's rows × columns, used or not (as Google counts them). */
export function cellCount(ss: SpreadsheetModel): number {
  let n = 0;
  for (const s of ss.sheets) n += s.maxRows * s.maxCols;
  return n;
}

/** Throws Google's error if adding `extra` cells would take the spreadsheet past 10,000,000. */
export function assertRoom(ss: SpreadsheetModel, extra: number): void {
  if (extra > 0 && cellCount(ss) + extra > MAX_CELLS) throw new Exception(CELL_LIMIT_MESSAGE);
}

/** Throws Google's error if any string of the input is longer than a cell may hold (nothing is written). */
export function assertCellText(values: unknown): void {
  if (typeof values === 'string') {
    if (values.length > MAX_CELL_CHARS) throw new Exception(CELL_CHARS_MESSAGE);
    return;
  }
  if (!Array.isArray(values)) return;
  // Indexed loops: a fixture or a report writes millions of cells through here.
  for (let i = 0; i < values.length; i++) {
    const v: unknown = values[i];
    if (Array.isArray(v)) assertCellText(v);
    else if (typeof v === 'string' && v.length > MAX_CELL_CHARS) throw new Exception(CELL_CHARS_MESSAGE);
  }
}
