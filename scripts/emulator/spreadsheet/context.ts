import type { Runtime } from '../runtime';
import type { SheetModel } from './model';

/** One spreadsheet file: its sheets and file-level settings. */
export interface SpreadsheetModel {
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  sheets: SheetModel[];
  activeSheetId: number;
  nextSheetId: number;
  /** The last form linked here (Spreadsheet.getFormUrl: Google calls the choice indeterminate). */
  formId?: string;
  /** Each linked form's response sheet: sheet id → form id (several forms may share a spreadsheet). */
  formSheets: Map<number, string>;
  /** What the user has selected (emu.select, Range.activate): a box and its current cell. */
  selection?: { sheetId: number; box: [number, number, number, number]; current: [number, number] };
}

/** What ranges and sheets need from their surroundings; breaks the Range <-> Sheet import cycle. */
export interface SheetsContext {
  runtime: Runtime;
  ss: SpreadsheetModel;
  spreadsheet(): unknown;
  sheet(model: SheetModel): unknown;
  range(model: SheetModel, row: number, col: number, numRows: number, numCols: number): unknown;
  formUrl(formId: string): string;
}
