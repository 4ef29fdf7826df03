/** Turns Apps Script trigger events into the plain data jobs take (ports.ts). */
import type { CellEdit, FormSubmission } from '../ports';

export function formSubmissionOf(event: GoogleAppsScript.Events.SheetsOnFormSubmit): FormSubmission {
  return {
    sheetId: event.range.getSheet().getSheetId(),
    row: event.range.getRow(),
    namedValues: event.namedValues,
  };
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
