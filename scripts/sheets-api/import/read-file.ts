/**
 * Reads a historic register as Excel keeps it: an .xlsx workbook (exceljs; merged cells are filled with
 * their top-left value, so a header merged over two rows or columns reads on every cell it covers) or a
 * .csv file (csv-parse; UTF-8 with or without BOM, or GB18030/GBK as Excel on a Chinese Windows saves it).
 */
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { SourceCell } from './cells';

export interface SourceTable {
  /** File name, for fingerprints and messages. */
  file: string;
  sheet: string;
  /** Rows as in the file (row 1 = index 0), merged areas filled. */
  grid: SourceCell[][];
  /** Merged areas (1-based, inclusive), so header detection can tell a group header. */
  merges: Array<{ top: number; left: number; bottom: number; right: number }>;
}

export class SourceFileError extends Error {}

/** UTF-8 when the bytes are valid UTF-8, else GB18030 (a superset of GBK and GB2312). */
export function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function csvTable(file: string, bytes: Buffer): SourceTable {
  const text = decodeText(bytes);
  const delimiter = text.split('\n', 1)[0].includes('\t') ? '\t' : ',';
  const records = parse(text, { relax_column_count: true, skip_empty_lines: false, delimiter }) as string[][];
  return { file, sheet: basename(file, extname(file)), grid: records, merges: [] };
}

function excelValue(value: ExcelJS.CellValue): SourceCell {
  if (value === null || value === undefined) return null;
  if (
    value instanceof Date ||
    typeof value === 'number' ||
    typeof value === 'string' ||
    typeof value === 'boolean'
  )
    return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return excelValue((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return null;
  }
  return String(value);
}

async function xlsxTable(file: string, bytes: Buffer, sheetName: string | undefined): Promise<SourceTable> {
  const workbook = new ExcelJS.Workbook();
  // exceljs types its Buffer before Node's generic Buffer; the bytes are the same.
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const sheet = sheetName ? workbook.getWorksheet(sheetName) : workbook.worksheets[0];
  if (!sheet) {
    const names = workbook.worksheets.map((ws) => ws.name).join(', ');
    throw new SourceFileError(`${file}: no sheet named "${sheetName}" (sheets: ${names})`);
  }
  const grid: SourceCell[][] = [];
  // exceljs computes rowCount and columnCount by scanning the sheet: read them once.
  const rowCount = sheet.rowCount;
  const columnCount = sheet.columnCount;
  for (let r = 1; r <= rowCount; r++) {
    const row = sheet.getRow(r);
    const line: SourceCell[] = [];
    for (let c = 1; c <= columnCount; c++) {
      const cell = row.getCell(c);
      line.push(excelValue(cell.isMerged ? cell.master.value : cell.value));
    }
    grid.push(line);
  }
  const merges = (sheet.model.merges ?? []).flatMap((range) => {
    const area = parseArea(range);
    return area ? [area] : [];
  });
  return { file, sheet: sheet.name, grid, merges };
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** 'B2:D3' → its corners. */
function parseArea(range: string): SourceTable['merges'][number] | null {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/i.exec(range);
  if (!m) return null;
  return { top: Number(m[2]), left: columnNumber(m[1]), bottom: Number(m[4]), right: columnNumber(m[3]) };
}

export async function readSourceFile(path: string, sheetName?: string): Promise<SourceTable> {
  const ext = extname(path).toLowerCase();
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new SourceFileError(`${path}: cannot read the file (${(error as Error).message})`);
  }
  const file = basename(path);
  if (ext === '.csv' || ext === '.txt' || ext === '.tsv') return csvTable(file, bytes);
  if (ext === '.xlsx' || ext === '.xlsm') return xlsxTable(file, bytes, sheetName);
  if (ext === '.xls')
    throw new SourceFileError(`${path}: the old .xls format is not read; open it in Excel and save as .xlsx`);
  throw new SourceFileError(`${path}: not a .csv or .xlsx file`);
}
