/** Turns Apps Script trigger events into the plain data jobs take (ports.ts). */
import type { CellEdit, FormSubmission, SheetChange } from '../ports';

export function formSubmissionOf(event: GoogleAppsScript.Events.SheetsOnFormSubmit): FormSubmission {
  return {
    // The grid id is the sheet id: one call instead of getSheet + getSheetId.
    sheetId: event.range.getGridId(),
    row: event.range.getRow(),
    namedValues: event.namedValues,
  };
}

export function sheetChangeOf(event: GoogleAppsScript.Events.SheetsOnChange): SheetChange {
  return { changeType: String(event.changeType), sheetName: event.source.getActiveSheet().getName() };
}

/** Column letters (A, Z, AA…) as a 1-based number. */
function columnNumber(letters: string): number {
  let n = 0;
  for (const letter of letters) n = n * 26 + (letter.charCodeAt(0) - 64);
  return n;
}

const BOUNDED_A1 = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/;

/**
 * The edited range's position. Its A1 notation tells it in one call where four getters take four; an
 * unbounded notation (a whole column or row, "A:A", "3:3") is asked the four getters.
 */
function editedBox(
  range: GoogleAppsScript.Spreadsheet.Range,
): Pick<CellEdit, 'row' | 'column' | 'numRows' | 'numColumns'> {
  const match = BOUNDED_A1.exec(range.getA1Notation());
  if (match) {
    const [, firstCol, firstRow, lastCol = firstCol, lastRow = firstRow] = match;
    const row = Number(firstRow);
    const column = columnNumber(firstCol);
    return {
      row,
      column,
      numRows: Number(lastRow) - row + 1,
      numColumns: columnNumber(lastCol) - column + 1,
    };
  }
  return {
    row: range.getRow(),
    column: range.getColumn(),
    numRows: range.getNumRows(),
    numColumns: range.getNumColumns(),
  };
}

export function cellEditOf(event: GoogleAppsScript.Events.SheetsOnEdit): CellEdit {
  const range = event.range;
  const edit: CellEdit = {
    sheetName: range.getSheet().getName(),
    ...editedBox(range),
    user: event.user ? event.user.getEmail() : '',
  };
  if (event.value !== undefined) edit.value = String(event.value);
  if (event.oldValue !== undefined) edit.oldValue = String(event.oldValue);
  return edit;
}

/**
 * Runs `work` only in the installed onEdit trigger. Google also calls `onEdit` as a simple trigger
 * (AuthMode.LIMITED: no mail, no other files), on the same edit; that run must do nothing, or every edit
 * would be handled twice.
 */
export function whenInstalledTrigger(event: GoogleAppsScript.Events.SheetsOnEdit, work: () => void): void {
  if (event.authMode === ScriptApp.AuthMode.FULL) work();
}
