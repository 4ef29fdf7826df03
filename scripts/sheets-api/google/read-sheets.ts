/**
 * Reading whole sheets through the Sheets API in bounded requests: each sheet is cut into ranges of at
 * most `cellsPerRange` cells (whole rows), and ranges are grouped into values.batchGet requests of at most
 * `cellsPerRequest` cells, so a 100,000-row register is a handful of requests, none too large for
 * Google's response limits. Trailing empty rows and cells, which the API omits, are trimmed.
 */
import type { sheets_v4 } from 'googleapis/build/src/apis/sheets';
import { columnLetter, type Google, quoteSheet } from './clients';

export interface SheetInfo {
  title: string;
  rows: number;
  columns: number;
}

export interface ReadLimits {
  cellsPerRange: number;
  cellsPerRequest: number;
}

export const DEFAULT_LIMITS: ReadLimits = { cellsPerRange: 50_000, cellsPerRequest: 250_000 };

export type Render = 'FORMATTED_VALUE' | 'UNFORMATTED_VALUE';

interface Piece {
  sheet: number;
  firstRow: number;
  rows: number;
  range: string;
}

export function sheetInfos(spreadsheet: sheets_v4.Schema$Spreadsheet): SheetInfo[] {
  return (spreadsheet.sheets ?? []).map((s) => ({
    title: s.properties?.title ?? '',
    rows: s.properties?.gridProperties?.rowCount ?? 0,
    columns: s.properties?.gridProperties?.columnCount ?? 0,
  }));
}

/** The grids of `sheets` (row 1 first), in as few bounded requests as the limits allow. */
export async function readSheets(
  google: Google,
  spreadsheetId: string,
  sheets: readonly SheetInfo[],
  render: Render,
  limits: ReadLimits = DEFAULT_LIMITS,
): Promise<unknown[][][]> {
  const pieces: Piece[] = [];
  sheets.forEach((sheet, index) => {
    const columns = Math.max(1, sheet.columns);
    const rowsPerRange = Math.max(1, Math.floor(limits.cellsPerRange / columns));
    for (let first = 1; first <= Math.max(1, sheet.rows); first += rowsPerRange) {
      const rows = Math.min(rowsPerRange, Math.max(1, sheet.rows) - first + 1);
      pieces.push({
        sheet: index,
        firstRow: first,
        rows,
        range: `${quoteSheet(sheet.title)}!A${first}:${columnLetter(columns)}${first + rows - 1}`,
      });
    }
  });
  const grids: unknown[][][] = sheets.map(() => []);
  let batch: Piece[] = [];
  let cells = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const current = batch;
    batch = [];
    cells = 0;
    const response = await google.call('sheets.values.batchGet', `spreadsheet ${spreadsheetId}`, () =>
      google.sheets.spreadsheets.values.batchGet({
        spreadsheetId,
        ranges: current.map((piece) => piece.range),
        valueRenderOption: render,
        dateTimeRenderOption: 'SERIAL_NUMBER',
      }),
    );
    (response.valueRanges ?? []).forEach((valueRange, i) => {
      const piece = current[i];
      const grid = grids[piece.sheet];
      (valueRange.values ?? []).forEach((line, j) => {
        grid[piece.firstRow - 1 + j] = line;
      });
    });
  };
  for (const piece of pieces) {
    const size = piece.rows * Math.max(1, sheets[piece.sheet].columns);
    if (cells + size > limits.cellsPerRequest) await flush();
    batch.push(piece);
    cells += size;
  }
  await flush();
  return grids.map((grid) => {
    const filled = Array.from(grid, (line) => line ?? []);
    while (filled.length > 0 && filled[filled.length - 1].length === 0) filled.pop();
    return filled;
  });
}
