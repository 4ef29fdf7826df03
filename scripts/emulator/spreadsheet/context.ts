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
  /** The form whose responses land here, set by Form.setDestination. */
  formId?: string;
  /** Which sheet receives that form's responses. */
  formSheetId?: number;
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
