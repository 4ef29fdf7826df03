/**
 * `npm run sheets -- rollup --sites sites.csv --dataset PROJECT.DATASET`: a group's sites (one
 * spreadsheet each) into BigQuery, for analytics beyond one spreadsheet's 10,000,000 cells (SPEC §17).
 *
 * Per site: spreadsheets.get, then its registers (Tickets, Callbacks, Inspections as they exist) read
 * in chunked values.batchGet, decoded by the add-on's own table layer (header in either language, enum
 * labels → codes, Sheets serial dates → instants in the site's time zone). Per register a table
 * `<register>_<site>` partitioned by month (created from the workbook schema when missing); per month
 * present in the sheet one load job into the partition decorator `<table>$YYYYMM` with WRITE_TRUNCATE,
 * so a re-run replaces exactly that site's month and never doubles it. Then the views of sql/ (group
 * KPIs over every site through the wildcard tables `<register>_*`) are created or replaced.
 *
 * sites.csv: `site,spreadsheet[,name]` (site: letters, digits and _; spreadsheet: ID or URL).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { bigquery_v2 } from 'googleapis/build/src/apis/bigquery';
import { zoneOf } from '../../../src/core/calendar';
import type { CellValue } from '../../../src/core/cells';
import { t } from '../../../src/i18n';
import { decodeCell } from '../../../src/workbook/codec';
import { buildHeaderMap } from '../../../src/workbook/header-map';
import type { Google } from '../google/clients';
import { ToolError } from '../google/errors';
import {
  DEFAULT_LIMITS,
  type ReadLimits,
  readSheets,
  type SheetInfo,
  sheetInfos,
} from '../google/read-sheets';
import { statusOf } from '../google/retry';
import { decodeText } from '../import/read-file';
import { REGISTERS, type Register, snakeCase, tableSchema } from './schema';

export interface Site {
  site: string;
  spreadsheetId: string;
  name: string;
}

export interface RollupOptions {
  sites: Site[];
  project: string;
  dataset: string;
  /** Folder of the view definitions (sql/*.sql); null skips views. */
  sqlDir: string | null;
  limits?: ReadLimits;
  now?: Date;
  /** Poll interval for load jobs (tests: 0). */
  pollMs?: number;
  print: (line: string) => void;
}

export interface LoadedPartition {
  site: string;
  table: string;
  month: string;
  rows: number;
}

export function parseSites(path: string): Site[] {
  let records: string[][];
  try {
    records = parse(decodeText(readFileSync(path)), { skip_empty_lines: true, relax_column_count: true });
  } catch (error) {
    throw new ToolError(`--sites ${path}: ${(error as Error).message}`, 2);
  }
  const rows = records.filter((r) => r.some((c) => c.trim() !== ''));
  if (rows.length > 0 && /^site$/i.test(rows[0][0]?.trim() ?? '')) rows.shift();
  const sites = rows.map((r, i) => {
    const site = (r[0] ?? '').trim();
    const spreadsheet = (r[1] ?? '').trim();
    if (!/^[A-Za-z0-9_]{1,64}$/.test(site))
      throw new ToolError(
        `--sites ${path} row ${i + 2}: site “${site}” must be letters, digits or _ (it names tables)`,
        2,
      );
    if (spreadsheet === '') throw new ToolError(`--sites ${path} row ${i + 2}: no spreadsheet ID`, 2);
    return {
      site,
      spreadsheetId: /\/spreadsheets\/d\/([a-zA-Z0-9_-]+)/.exec(spreadsheet)?.[1] ?? spreadsheet,
      name: (r[2] ?? site).trim(),
    };
  });
  const seen = new Set<string>();
  for (const s of sites) {
    if (seen.has(s.site.toLowerCase()))
      throw new ToolError(`--sites ${path}: site “${s.site}” is listed twice`, 2);
    seen.add(s.site.toLowerCase());
  }
  if (sites.length === 0) throw new ToolError(`--sites ${path}: no sites`, 2);
  return sites;
}

/** A Sheets serial number (days since 1899-12-30, local wall time of the zone) as an instant. */
function serialToInstant(serial: number, timeZone: string): Date {
  const days = Math.floor(serial);
  const ms = Math.round((serial - days) * 86_400_000);
  return new Date(zoneOf(timeZone).toInstant(days - 25569, ms));
}

/** Register rows as BigQuery JSON rows, by header through the add-on's table layer; null = no date. */
export function registerRows(
  register: Register,
  grid: readonly (readonly unknown[])[],
  site: string,
  timeZone: string,
  loadedAt: Date,
): Array<{ month: string | null; row: Record<string, unknown> }> {
  if (grid.length === 0) return [];
  const map = buildHeaderMap(register.schema, grid[0] as CellValue[]);
  const out: Array<{ month: string | null; row: Record<string, unknown> }> = [];
  for (const line of grid.slice(1)) {
    if (line.every((cell) => cell === '' || cell === null || cell === undefined)) continue;
    const row: Record<string, unknown> = { site, loaded_at: loadedAt.toISOString() };
    for (const column of register.schema.columns) {
      const index = map.columns[column.key];
      let cell = (index === undefined ? '' : (line[index - 1] ?? '')) as CellValue;
      if (column.type === 'date' && typeof cell === 'number') cell = serialToInstant(cell, timeZone);
      const { value } = decodeCell(column, cell);
      const name = snakeCase(column.key);
      if (value === '') row[name] = null;
      else if (value instanceof Date) row[name] = value.toISOString();
      else if (column.type === 'number' || column.type === 'percent')
        row[name] = typeof value === 'number' ? value : null;
      else if (column.type === 'bool') row[name] = typeof value === 'boolean' ? value : null;
      else row[name] = String(value);
    }
    // BigQuery partitions a TIMESTAMP by its UTC month: each row goes to the partition BigQuery expects.
    const at = row[snakeCase(register.partitionBy)];
    out.push({ month: typeof at === 'string' ? at.slice(0, 7).replace('-', '') : null, row });
  }
  return out;
}

async function ensureTable(google: Google, options: RollupOptions, register: Register, tableId: string) {
  const target = `BigQuery table ${options.project}.${options.dataset}.${tableId}`;
  try {
    await google.call('bigquery.tables.get', target, () =>
      google.bigquery.tables.get({ projectId: options.project, datasetId: options.dataset, tableId }),
    );
    return;
  } catch (error) {
    if (statusOf(error) !== 404 && !(error instanceof ToolError && /not found/.test(error.message)))
      throw error;
  }
  await google.call('bigquery.tables.insert', target, () =>
    google.bigquery.tables.insert({
      projectId: options.project,
      datasetId: options.dataset,
      requestBody: {
        tableReference: { projectId: options.project, datasetId: options.dataset, tableId },
        schema: tableSchema(register),
        timePartitioning: { type: 'MONTH', field: snakeCase(register.partitionBy) },
        clustering: { fields: ['site'] },
        description: `${register.table} of site ${tableId.slice(register.table.length + 1)}, loaded by npm run sheets -- rollup`,
      },
    }),
  );
}

async function load(
  google: Google,
  options: RollupOptions,
  register: Register,
  tableId: string,
  month: string,
  rows: Array<Record<string, unknown>>,
): Promise<void> {
  const target = `BigQuery table ${options.project}.${options.dataset}.${tableId}`;
  const body = rows.map((row) => JSON.stringify(row)).join('\n');
  const job = await google.call('bigquery.jobs.insert', target, () =>
    google.bigquery.jobs.insert({
      projectId: options.project,
      requestBody: {
        configuration: {
          load: {
            destinationTable: {
              projectId: options.project,
              datasetId: options.dataset,
              tableId: `${tableId}$${month}`,
            },
            sourceFormat: 'NEWLINE_DELIMITED_JSON',
            writeDisposition: 'WRITE_TRUNCATE',
            createDisposition: 'CREATE_NEVER',
            schema: tableSchema(register),
            timePartitioning: { type: 'MONTH', field: snakeCase(register.partitionBy) },
          },
        },
      },
      media: { mimeType: 'application/octet-stream', body },
    }),
  );
  let status = job.status;
  const jobId = job.jobReference?.jobId ?? '';
  while (status?.state !== 'DONE') {
    if (options.pollMs) await new Promise((resolve) => setTimeout(resolve, options.pollMs));
    const polled: bigquery_v2.Schema$Job = await google.call('bigquery.jobs.get', target, () =>
      google.bigquery.jobs.get({
        projectId: options.project,
        jobId,
        location: job.jobReference?.location ?? undefined,
      }),
    );
    status = polled.status;
  }
  if (status.errorResult)
    throw new ToolError(
      `Loading ${tableId}$${month} failed: ${status.errorResult.message}${(status.errors ?? [])
        .slice(0, 3)
        .map((e) => `\n  ${e.message}`)
        .join('')}`,
    );
}

async function upsertViews(google: Google, options: RollupOptions): Promise<number> {
  if (!options.sqlDir) return 0;
  const files = readdirSync(options.sqlDir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  for (const file of files) {
    const tableId = file.replace(/\.sql$/, '');
    const query = readFileSync(join(options.sqlDir, file), 'utf8').replaceAll(
      '{{dataset}}',
      `${options.project}.${options.dataset}`,
    );
    const requestBody = {
      tableReference: { projectId: options.project, datasetId: options.dataset, tableId },
      view: { query, useLegacySql: false },
    };
    const target = `BigQuery view ${options.project}.${options.dataset}.${tableId}`;
    try {
      await google.call('bigquery.tables.update', target, () =>
        google.bigquery.tables.update({
          projectId: options.project,
          datasetId: options.dataset,
          tableId,
          requestBody,
        }),
      );
    } catch (error) {
      if (statusOf(error) !== 404 && !(error instanceof ToolError && /not found/.test(error.message)))
        throw error;
      await google.call('bigquery.tables.insert', target, () =>
        google.bigquery.tables.insert({
          projectId: options.project,
          datasetId: options.dataset,
          requestBody,
        }),
      );
    }
  }
  return files.length;
}

export async function runRollup(google: Google, options: RollupOptions): Promise<LoadedPartition[]> {
  const loaded: LoadedPartition[] = [];
  const loadedAt = options.now ?? new Date();
  for (const site of options.sites) {
    const target = `spreadsheet ${site.spreadsheetId} (site ${site.site})`;
    const spreadsheet = await google.call('sheets.spreadsheets.get', target, () =>
      google.sheets.spreadsheets.get({
        spreadsheetId: site.spreadsheetId,
        fields: 'properties(title,timeZone),sheets(properties(title,gridProperties(rowCount,columnCount)))',
      }),
    );
    const timeZone = spreadsheet.properties?.timeZone ?? 'Asia/Shanghai';
    const infos = sheetInfos(spreadsheet);
    const present: Array<{ register: Register; info: SheetInfo }> = [];
    for (const register of REGISTERS) {
      const titles = [t('zh-CN', register.schema.title), t('en', register.schema.title)];
      const info = infos.find((s) => titles.includes(s.title));
      if (info) present.push({ register, info });
    }
    const grids = await readSheets(
      google,
      site.spreadsheetId,
      present.map((p) => p.info),
      'UNFORMATTED_VALUE',
      options.limits ?? DEFAULT_LIMITS,
    );
    for (const [i, { register }] of present.entries()) {
      const tableId = `${register.table}_${site.site.toLowerCase()}`;
      const rows = registerRows(register, grids[i], site.site, timeZone, loadedAt);
      const byMonth = new Map<string, Array<Record<string, unknown>>>();
      let undated = 0;
      for (const { month, row } of rows) {
        if (month === null) {
          undated += 1;
          continue;
        }
        const list = byMonth.get(month) ?? [];
        list.push(row);
        byMonth.set(month, list);
      }
      if (byMonth.size === 0) continue;
      await ensureTable(google, options, register, tableId);
      for (const month of [...byMonth.keys()].sort()) {
        const monthRows = byMonth.get(month) ?? [];
        await load(google, options, register, tableId, month, monthRows);
        loaded.push({ site: site.site, table: tableId, month, rows: monthRows.length });
      }
      options.print(
        `  ${site.site} · ${tableId}: ${rows.length - undated} rows in ${byMonth.size} month partition(s)${undated > 0 ? `; ${undated} without a date not loaded` : ''}`,
      );
    }
  }
  const views = await upsertViews(google, options);
  for (const p of loaded) options.print(`  loaded ${p.table}$${p.month}: ${p.rows} rows`);
  options.print(
    `Rolled up ${options.sites.length} site(s): ${loaded.reduce((n, p) => n + p.rows, 0)} rows in ${loaded.length} partitions, ${views} view(s). Google requests: ${google.counter.total} (${google.counter.summary()})`,
  );
  return loaded;
}
