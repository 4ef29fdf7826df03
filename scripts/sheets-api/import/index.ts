/**
 * `npm run sheets -- import FILE --spreadsheet ID [--sheet NAME] [--dry-run] [--map map.json]`
 *
 * Reads the register, prints the column mapping, runs every row through the add-on's rules (dry run:
 * prints each row that will not be imported, and each that will be flagged for review, with row,
 * column, value and reason), then appends the new rows to the hidden Import sheet in batched
 * `values.append` calls. The add-on's hourly run turns them into tickets. Rows whose fingerprint the
 * Import sheet already holds are skipped, so running the same file again imports nothing twice.
 *
 * Requests: spreadsheets.get 1, values.batchGet 1 (settings + the Import sheet's header and
 * fingerprints), [batchUpdate + values.batchUpdate once, to create the sheet], values.append 1 per
 * 2,000 rows: 10,000 rows in 8–10 requests.
 */
import type { sheets_v4 } from 'googleapis/build/src/apis/sheets';
import type { CellValue, KeyedRow } from '../../../src/core/cells';
import { parseCategories, parseGeneral } from '../../../src/core/settings';
import { bothLanguages, type Lang, t } from '../../../src/i18n';
import { generalDefaults } from '../../../src/jobs/settings';
import { buildHeaderMap } from '../../../src/workbook/header-map';
import type { SheetSchema } from '../../../src/workbook/schema';
import { CATEGORIES, GENERAL, IMPORT, IMPORT_SOURCE_KEYS } from '../../../src/workbook/schemas';
import { type Google, quoteSheet } from '../google/clients';
import { ToolError } from '../google/errors';
import type { DateOrder } from './cells';
import { detectMapping, type MapOverrides, type Mapping } from './mapping';
import { type ImportPlan, planImport, type StagingRow } from './plan';
import { readSourceFile } from './read-file';

export const APPEND_CHUNK_ROWS = 2000;

export interface ImportOptions {
  file: string;
  spreadsheetId: string;
  sheet?: string;
  dryRun: boolean;
  map?: MapOverrides;
  dateOrder?: DateOrder;
  now?: Date;
  print: (line: string) => void;
}

export interface ImportSummary {
  dataRows: number;
  rejected: number;
  flagged: number;
  alreadyImported: number;
  appended: number;
  requests: number;
  plan: ImportPlan;
  mapping: Mapping;
}

type SheetProps = sheets_v4.Schema$SheetProperties;

function titleIn(sheets: readonly SheetProps[], schema: SheetSchema): string | null {
  const titles = [t('zh-CN', schema.title), t('en', schema.title)];
  return sheets.find((s) => s.title && titles.includes(s.title))?.title ?? null;
}

/** The language the desk was set up in: its ⚙ sheets' titles tell, else the spreadsheet's locale. */
function deskLang(sheets: readonly SheetProps[], locale: string): Lang {
  if (sheets.some((s) => s.title === t('zh-CN', GENERAL.title))) return 'zh-CN';
  if (sheets.some((s) => s.title === t('en', GENERAL.title))) return 'en';
  return locale.startsWith('zh') ? 'zh-CN' : 'en';
}

/** Rows of a values range keyed by the schema's columns, as the add-on's settings parsers take them. */
function keyedRows(schema: SheetSchema, values: readonly unknown[][] | undefined): KeyedRow[] {
  if (!values || values.length === 0) return [];
  const map = buildHeaderMap(schema, values[0] as CellValue[]);
  return values.slice(1).map((line, index) => ({
    row: index + 2,
    values: Object.fromEntries(
      Object.entries(map.columns).map(([key, column]) => [key, (line[column - 1] ?? '') as CellValue]),
    ),
  }));
}

function printMapping(mapping: Mapping, lang: Lang, print: (line: string) => void): void {
  print(`Header row ${mapping.headerRow}. Columns:`);
  for (const column of mapping.columns) {
    const target = column.field
      ? `${t(lang, `col.import.${column.field}` as never)} (${column.field})`
      : column.skipped === 'duplicate'
        ? 'not imported (another column already gives this field)'
        : column.skipped === 'excluded'
          ? 'not imported (--map)'
          : 'not imported (unknown header; name it with --map)';
    print(`  ${column.column.toString().padStart(3)}  ${column.header || '(empty)'}  →  ${target}`);
  }
}

export async function runImport(google: Google, options: ImportOptions): Promise<ImportSummary> {
  const { print } = options;
  const table = await readSourceFile(options.file, options.sheet);
  const mapping = detectMapping(table, options.map);
  const target = `spreadsheet ${options.spreadsheetId}`;

  const spreadsheet = await google.call('sheets.spreadsheets.get', target, () =>
    google.sheets.spreadsheets.get({
      spreadsheetId: options.spreadsheetId,
      fields: 'properties(title,locale,timeZone),sheets(properties(sheetId,title,hidden))',
    }),
  );
  const sheets = (spreadsheet.sheets ?? []).map((s) => s.properties ?? {});
  const lang = deskLang(sheets, spreadsheet.properties?.locale ?? '');
  const timeZone = spreadsheet.properties?.timeZone ?? 'Asia/Shanghai';
  const categoriesTitle = titleIn(sheets, CATEGORIES);
  const generalTitle = titleIn(sheets, GENERAL);
  if (!categoriesTitle || !generalTitle)
    throw new ToolError(
      `${target} (“${spreadsheet.properties?.title}”) has no ⚙ Categories / ⚙ General sheet: install the add-on and run Set up / repair first.`,
    );
  const importTitle = titleIn(sheets, IMPORT);
  printMapping(mapping, lang, print);

  const ranges = [quoteSheet(categoriesTitle), quoteSheet(generalTitle)];
  if (importTitle) ranges.push(`${quoteSheet(importTitle)}!1:1`, `${quoteSheet(importTitle)}!A:A`);
  const read = await google.call('sheets.values.batchGet', target, () =>
    google.sheets.spreadsheets.values.batchGet({
      spreadsheetId: options.spreadsheetId,
      ranges,
      valueRenderOption: 'UNFORMATTED_VALUE',
    }),
  );
  const [categoryValues, generalValues, importHeader, firstColumn] = (read.valueRanges ?? []).map(
    (r) => r.values ?? undefined,
  );
  const categories = parseCategories(keyedRows(CATEGORIES, categoryValues), bothLanguages)
    .value.filter((c) => c.active)
    .map((c) => c.label);
  const general = parseGeneral(keyedRows(GENERAL, generalValues), generalDefaults(lang), bothLanguages).value;

  const locale = spreadsheet.properties?.locale ?? '';
  const plan = planImport(table, mapping, {
    lang,
    timeZone,
    now: options.now ?? new Date(),
    dateOrder: options.dateOrder ?? (locale === 'en_US' || locale === 'en' ? 'mdy' : 'dmy'),
    categories,
    descriptionMaxLength: general.descriptionMaxLength,
  });

  // Where the Import sheet's columns are, by header (the add-on's own table layer).
  const header = importHeader?.[0] as CellValue[] | undefined;
  const map = header ? buildHeaderMap(IMPORT, header) : null;
  if (map) {
    const missing = IMPORT_SOURCE_KEYS.filter((key) => map.columns[key] === undefined);
    if (missing.length > 0)
      throw new ToolError(
        `The ${importTitle} sheet lacks the column(s) ${missing.join(', ')}; add them back and retry.`,
      );
  }
  let fingerprints: unknown[][] | undefined = firstColumn;
  if (map && importTitle && map.columns.fingerprint !== 1) {
    const letter = columnRange(map.columns.fingerprint);
    const column = await google.call('sheets.values.get', target, () =>
      google.sheets.spreadsheets.values.get({
        spreadsheetId: options.spreadsheetId,
        range: `${quoteSheet(importTitle)}!${letter}`,
      }),
    );
    fingerprints = column.values ?? [];
  }
  const existing = new Set((fingerprints ?? []).slice(1).map((line) => String(line[0] ?? '')));
  const fresh = plan.rows.filter((row) => !existing.has(row.fingerprint));

  printProblems(plan, print);
  const summary: ImportSummary = {
    dataRows: plan.dataRows,
    rejected: plan.rejected.length,
    flagged: new Set(plan.flagged.map((p) => p.row)).size,
    alreadyImported: plan.rows.length - fresh.length,
    appended: 0,
    requests: 0,
    plan,
    mapping,
  };
  if (!options.dryRun && fresh.length > 0) {
    let title = importTitle;
    let columns = map?.columns;
    if (!title) {
      title = t(lang, IMPORT.title);
      await createImportSheet(google, options.spreadsheetId, title, lang, target);
      columns = Object.fromEntries(IMPORT.columns.map((c, i) => [c.key, i + 1]));
    }
    const width = Math.max(...Object.values(columns ?? {}));
    for (let start = 0; start < fresh.length; start += APPEND_CHUNK_ROWS) {
      const chunk = fresh.slice(start, start + APPEND_CHUNK_ROWS);
      const values = chunk.map((row) => lineOf(row, columns ?? {}, width));
      await google.call('sheets.values.append', target, () =>
        google.sheets.spreadsheets.values.append({
          spreadsheetId: options.spreadsheetId,
          range: `${quoteSheet(title)}!A1`,
          // RAW: a description starting with '=' stays text; dates stay the local text the add-on parses.
          valueInputOption: 'RAW',
          insertDataOption: 'INSERT_ROWS',
          requestBody: { values },
        }),
      );
      summary.appended += chunk.length;
    }
  }
  summary.requests = google.counter.total;
  print(
    `${options.dryRun ? 'Dry run (nothing written): ' : ''}${summary.dataRows} data rows · ${summary.rejected} not imported · ${summary.flagged} with Needs review · ${summary.alreadyImported} already imported · ${options.dryRun ? `${fresh.length} would be appended` : `${summary.appended} appended to the ${importTitle ?? t(lang, IMPORT.title)} sheet`}`,
  );
  print(`Google requests: ${summary.requests} (${google.counter.summary()})`);
  if (!options.dryRun && summary.appended > 0)
    print('The add-on turns these rows into tickets on its next hourly runs (or run “Run scheduler now”).');
  return summary;
}

function columnRange(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}:${letters}`;
}

function lineOf(row: StagingRow, columns: Record<string, number>, width: number): string[] {
  const line: string[] = new Array(width).fill('');
  for (const key of IMPORT_SOURCE_KEYS) {
    const column = columns[key];
    if (column !== undefined) line[column - 1] = String(row[key as keyof StagingRow] ?? '');
  }
  return line;
}

async function createImportSheet(
  google: Google,
  spreadsheetId: string,
  title: string,
  lang: Lang,
  target: string,
) {
  await google.call('sheets.spreadsheets.batchUpdate', target, () =>
    google.sheets.spreadsheets.batchUpdate({
      spreadsheetId,
      requestBody: {
        requests: [
          {
            addSheet: {
              properties: {
                title,
                hidden: true,
                gridProperties: { rowCount: 1, columnCount: IMPORT.columns.length, frozenRowCount: 1 },
              },
            },
          },
        ],
      },
    }),
  );
  await google.call('sheets.values.batchUpdate', target, () =>
    google.sheets.spreadsheets.values.batchUpdate({
      spreadsheetId,
      requestBody: {
        valueInputOption: 'RAW',
        data: [{ range: `${quoteSheet(title)}!A1`, values: [IMPORT.columns.map((c) => t(lang, c.label))] }],
      },
    }),
  );
}

function printProblems(plan: ImportPlan, print: (line: string) => void): void {
  if (plan.rejected.length > 0) {
    print(`Rows that will not be imported (${plan.rejected.length}): fix them in the file and run again.`);
    for (const p of plan.rejected) print(`  row ${p.row}  ${p.column}  “${p.value}”  ${p.reason}`);
  }
  if (plan.flagged.length > 0) {
    print(`Rows imported with Needs review (${new Set(plan.flagged.map((p) => p.row)).size}):`);
    for (const p of plan.flagged)
      print(`  row ${p.row}  ${p.column || '-'}  ${p.value ? `“${p.value}”  ` : ''}${p.reason}`);
  }
}
