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

export function cellEditOf(event: GoogleAppsScript.Events.SheetsOnEdit): CellEdit {
  const range = event.range;
  const edit: CellEdit = {
    sheetName: range.getSheet().getName(),
    row: range.getRow(),
    column: range.getColumn(),
    numRows: range.getNumRows(),
    numColumns: range.getNumColumns(),
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
