/**
 * `npm run sheets -- export --spreadsheet ID --out DIR [--format xlsx|csv]`: a backup of every sheet
 * (registers, settings, reports, the hidden ones too).
 *
 * - xlsx: Drive `files.export` of the whole spreadsheet when Google allows it (its export limit is
 *   10 MB); when Drive answers exportSizeLimitExceeded, each sheet is read with chunked
 *   `values.batchGet` and written into one .xlsx.
 * - csv: one UTF-8 (with BOM, so Excel reads Chinese) file per sheet, from chunked `values.batchGet`.
 *
 * `manifest.json` lists each sheet's rows, columns and the SHA-256 of its values as CSV, and each file's
 * SHA-256; after writing, every file is read back from disk and checked against it.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Google } from '../google/clients';
import { ToolError } from '../google/errors';
import { DEFAULT_LIMITS, type ReadLimits, readSheets, sheetInfos } from '../google/read-sheets';
import { statusOf } from '../google/retry';
import { decodeText } from '../import/read-file';

export type ExportFormat = 'xlsx' | 'csv';

export interface ExportOptions {
  spreadsheetId: string;
  out: string;
  format: ExportFormat;
  limits?: ReadLimits;
  now?: Date;
  print: (line: string) => void;
}

export interface SheetEntry {
  sheet: string;
  rows: number;
  columns: number;
  sha256: string;
  file: string;
}

export interface Manifest {
  spreadsheetId: string;
  title: string;
  exportedAt: string;
  method: 'drive-export' | 'values';
  format: ExportFormat;
  sheets: SheetEntry[];
  files: Array<{ file: string; bytes: number; sha256: string }>;
}

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** A grid as RFC 4180 CSV (the text the manifest hashes, and the .csv files hold after the BOM). */
export function csvOf(grid: readonly (readonly unknown[])[]): string {
  return grid
    .map((line) =>
      line
        .map((cell) => {
          const text =
            cell === null || cell === undefined
              ? ''
              : cell instanceof Date
                ? cell.toISOString()
                : String(cell);
          return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
        })
        .join(','),
    )
    .join('\r\n');
}

function trimGrid(grid: readonly (readonly unknown[])[]): string[][] {
  const rows = grid.map((line) => {
    const out = line.map((cell) =>
      cell === null || cell === undefined ? '' : cell instanceof Date ? cell.toISOString() : String(cell),
    );
    while (out.length > 0 && out[out.length - 1] === '') out.pop();
    return out;
  });
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}

function entryOf(sheet: string, grid: string[][], file: string): SheetEntry {
  return {
    sheet,
    rows: grid.length,
    columns: Math.max(0, ...grid.map((l) => l.length)),
    sha256: sha256(csvOf(grid)),
    file,
  };
}

function xlsxCell(value: ExcelJS.CellValue): unknown {
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    if ('result' in value) return value.result;
    if ('richText' in value) return value.richText.map((p) => p.text).join('');
    if ('text' in value) return value.text;
    return '';
  }
  return value;
}

/** Values of an .xlsx sheet as text (dates ISO, formulas by result): the same view the manifest hashed. */
function xlsxGrid(sheet: ExcelJS.Worksheet): string[][] {
  const grid: unknown[][] = [];
  const rowCount = sheet.rowCount;
  const columnCount = sheet.columnCount;
  for (let r = 1; r <= rowCount; r++) {
    const row = sheet.getRow(r);
    const line: unknown[] = [];
    for (let c = 1; c <= columnCount; c++) line.push(xlsxCell(row.getCell(c).value));
    grid.push(line);
  }
  return trimGrid(grid);
}

/**
 * The name a sheet can have in an .xlsx: at most 31 characters, none of []:*?/\, and not Excel's
 * reserved "History" (written as History_, as `npm start`'s export does).
 */
export function excelSheetName(title: string): string {
  const name = title.replace(/[[\]:*?/\\]/g, '_').slice(0, 31);
  return name.toLowerCase() === 'history' ? `${name}_` : name;
}

function safeName(title: string): string {
  return title.replace(/[\\/:*?"<>|]/g, '_').trim() || 'sheet';
}

export async function runExport(google: Google, options: ExportOptions): Promise<Manifest> {
  const { spreadsheetId, print } = options;
  const target = `spreadsheet ${spreadsheetId}`;
  const spreadsheet = await google.call('sheets.spreadsheets.get', target, () =>
    google.sheets.spreadsheets.get({
      spreadsheetId,
      fields:
        'properties(title,timeZone),sheets(properties(title,hidden,gridProperties(rowCount,columnCount)))',
    }),
  );
  const title = spreadsheet.properties?.title ?? spreadsheetId;
  const sheets = sheetInfos(spreadsheet);
  mkdirSync(options.out, { recursive: true });
  const manifest: Manifest = {
    spreadsheetId,
    title,
    exportedAt: (options.now ?? new Date()).toISOString(),
    method: 'values',
    format: options.format,
    sheets: [],
    files: [],
  };
  const addFile = (file: string, bytes: Buffer) => {
    writeFileSync(join(options.out, file), bytes);
    manifest.files.push({ file, bytes: bytes.length, sha256: sha256(bytes) });
  };

  let exported: Buffer | null = null;
  if (options.format === 'xlsx') {
    try {
      const data = await google.call(
        'drive.files.export',
        target,
        () =>
          google.drive.files.export(
            { fileId: spreadsheetId, mimeType: XLSX_MIME },
            { responseType: 'arraybuffer' },
          ) as unknown as Promise<{ data: ArrayBuffer }>,
      );
      exported = Buffer.from(data);
    } catch (error) {
      if (!tooLargeToExport(error)) throw error;
      print(
        'Drive cannot export a file this large (10 MB limit): reading each sheet with values.batchGet instead.',
      );
    }
  }
  if (exported) {
    manifest.method = 'drive-export';
    const file = `${safeName(title)}.xlsx`;
    addFile(file, exported);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported as unknown as ExcelJS.Buffer);
    for (const sheet of workbook.worksheets) manifest.sheets.push(entryOf(sheet.name, xlsxGrid(sheet), file));
  } else {
    const read = await readSheets(
      google,
      spreadsheetId,
      sheets,
      'FORMATTED_VALUE',
      options.limits ?? DEFAULT_LIMITS,
    );
    const grids = read.map(trimGrid);
    if (options.format === 'csv') {
      const used = new Set<string>();
      for (const [i, sheet] of sheets.entries()) {
        let file = `${safeName(sheet.title)}.csv`;
        for (let n = 2; used.has(file); n++) file = `${safeName(sheet.title)} (${n}).csv`;
        used.add(file);
        addFile(file, Buffer.from(`\uFEFF${csvOf(grids[i])}`, 'utf8'));
        manifest.sheets.push(entryOf(sheet.title, grids[i], file));
      }
    } else {
      const workbook = new ExcelJS.Workbook();
      for (const [i, sheet] of sheets.entries()) {
        const ws = workbook.addWorksheet(excelSheetName(sheet.title));
        for (const line of grids[i]) ws.addRow(line);
      }
      const file = `${safeName(title)}.xlsx`;
      addFile(file, Buffer.from(await workbook.xlsx.writeBuffer()));
      for (const [i, sheet] of sheets.entries())
        manifest.sheets.push(entryOf(excelSheetName(sheet.title), grids[i], file));
    }
  }
  // Every sheet the spreadsheet has is in the backup.
  const nameOf = (title: string) => (options.format === 'csv' ? title : excelSheetName(title));
  const missing = sheets
    .map((s) => nameOf(s.title))
    .filter((name) => !manifest.sheets.some((e) => e.sheet === name));
  if (missing.length > 0) throw new ToolError(`The backup lacks the sheet(s) ${missing.join(', ')}`);
  writeFileSync(join(options.out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const problems = await verifyManifest(options.out);
  if (problems.length > 0)
    throw new ToolError(`The backup does not match its manifest:\n  ${problems.join('\n  ')}`);
  for (const entry of manifest.sheets)
    print(
      `  ${entry.sheet}: ${entry.rows} rows × ${entry.columns} columns  sha256 ${entry.sha256.slice(0, 12)}…  (${entry.file})`,
    );
  print(
    `Backed up ${manifest.sheets.length} sheets of “${title}” to ${options.out} (${manifest.method === 'drive-export' ? 'Drive export' : 'values.batchGet'}); manifest verified. Google requests: ${google.counter.total} (${google.counter.summary()})`,
  );
  return manifest;
}

function tooLargeToExport(error: unknown): boolean {
  if (statusOf(error) !== 403) return false;
  const data = (error as { response?: { data?: unknown } }).response?.data;
  const text =
    typeof data === 'string'
      ? data
      : Buffer.isBuffer(data)
        ? data.toString()
        : data instanceof ArrayBuffer
          ? Buffer.from(data).toString()
          : JSON.stringify(data ?? '');
  return text.includes('exportSizeLimitExceeded') || /too large to be exported/i.test(text);
}

/** Reads every file of a backup back from disk and compares it with manifest.json; [] when it matches. */
export async function verifyManifest(dir: string): Promise<string[]> {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const problems: string[] = [];
  for (const file of manifest.files) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(dir, file.file));
    } catch {
      problems.push(`${file.file}: missing`);
      continue;
    }
    if (bytes.length !== file.bytes || sha256(bytes) !== file.sha256)
      problems.push(`${file.file}: SHA-256 differs`);
  }
  const workbooks = new Map<string, ExcelJS.Workbook>();
  for (const entry of manifest.sheets) {
    let grid: string[][];
    try {
      if (entry.file.endsWith('.csv')) {
        const text = decodeText(readFileSync(join(dir, entry.file)));
        grid = trimGrid(parse(text, { relax_column_count: true }) as string[][]);
      } else {
        let workbook = workbooks.get(entry.file);
        if (!workbook) {
          workbook = new ExcelJS.Workbook();
          await workbook.xlsx.load(readFileSync(join(dir, entry.file)) as unknown as ExcelJS.Buffer);
          workbooks.set(entry.file, workbook);
        }
        const sheet = workbook.getWorksheet(entry.sheet);
        if (!sheet) {
          problems.push(`${entry.sheet}: not in ${entry.file}`);
          continue;
        }
        grid = xlsxGrid(sheet);
      }
    } catch (error) {
      problems.push(`${entry.sheet}: ${entry.file} cannot be read (${(error as Error).message})`);
      continue;
    }
    const found = entryOf(entry.sheet, grid, entry.file);
    if (found.rows !== entry.rows || found.columns !== entry.columns || found.sha256 !== entry.sha256)
      problems.push(
        `${entry.sheet}: ${found.rows}×${found.columns} ${found.sha256.slice(0, 12)} ≠ manifest ${entry.rows}×${entry.columns} ${entry.sha256.slice(0, 12)}`,
      );
  }
  return problems;
}
