/**
 * Reading a linked form's response sheet: the sheet itself (by name, else by id) and one response row as
 * the submission a form-submit event would have carried.
 */
import type { CellValue } from '../../core/cells';
import type { FormSubmission, SheetPort } from '../../ports';
import type { JobContext } from '../context';

/** Where a linked form's responses land. */
export interface ResponseSheetInfo {
  responseSheetId: number;
  /** '' when only the id is known (the sheet is then found by id). */
  responseSheetName: string;
}

/**
 * The response sheet of a linked form: by its name (registered, or remembered from the last lookup by
 * id), checked against its id; else by id (every sheet's id: a dozen calls), remembering the name.
 */
export function responseSheet(ctx: JobContext, info: ResponseSheetInfo): SheetPort | null {
  const { store, workbook } = ctx.ports;
  const nameKey = `inbox.name.${info.responseSheetId}`;
  const name = info.responseSheetName || store.get(nameKey) || '';
  const byName = name ? workbook.sheet(name) : null;
  if (byName && byName.id() === info.responseSheetId) return byName;
  const byId = info.responseSheetId ? workbook.sheetById(info.responseSheetId) : null;
  if (byId && !info.responseSheetName) store.set(nameKey, byId.name);
  return byId;
}

/** Answers of one response row by header title, every column of a title in order. */
export function submissionOf(
  sheetId: number,
  row: number,
  header: CellValue[],
  line: CellValue[],
): FormSubmission {
  const namedValues: Record<string, string[]> = {};
  const typedValues: Record<string, CellValue[]> = {};
  header.forEach((title, index) => {
    const name = String(title);
    const value = line[index] ?? '';
    namedValues[name] = [
      ...(namedValues[name] ?? []),
      value instanceof Date ? value.toISOString() : String(value),
    ];
    typedValues[name] = [...(typedValues[name] ?? []), value];
  });
  const timestamp = line[0];
  return {
    sheetId,
    row,
    namedValues,
    typedValues,
    ...(timestamp instanceof Date ? { submittedAt: timestamp } : {}),
  };
}

/**
 * One response row of a linked form, as its submission: a calibration re-reads the sealed answers of its
 * participants when it closes. Null when the sheet or the row is gone.
 */
export function readResponse(ctx: JobContext, info: ResponseSheetInfo, row: number): FormSubmission | null {
  const sheet = responseSheet(ctx, info);
  if (!sheet || row < 2 || row > sheet.lastRow()) return null;
  const width = sheet.lastColumn();
  const [header, line] = [sheet.read(1, 1, 1, width)[0] ?? [], sheet.read(row, 1, 1, width)[0] ?? []];
  return submissionOf(info.responseSheetId, row, header, line);
}
