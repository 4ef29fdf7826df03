/**
 * `rollup`: two sites' spreadsheets (emulated desks that imported a historic register and ran the hourly
 * job) read through the fake Sheets API, loaded into BigQuery answered by nock: tables created once from
 * the workbook schemas, one load per site and month into the partition decorator with WRITE_TRUNCATE,
 * retries on 429/5xx, the KPI views of sql/ created with the dataset filled in.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { runImport } from '../../scripts/sheets-api/import';
import { parseSites, runRollup } from '../../scripts/sheets-api/rollup';
import { REGISTERS, tableSchema } from '../../scripts/sheets-api/rollup/schema';
import { FakeSheetsApi } from '../../scripts/sheets-api/testing/fake-sheets-api';
import { zhRegister } from '../../scripts/sheets-api/testing/registers';
import { TICKETS } from '../../src/workbook/schemas';
import { newDesk, rowsOf } from '../helpers/desk';
import { shanghai } from '../jobs/scheduler-fixtures';
import { forbidNetwork, quietPolicy, testGoogle } from './helpers';

forbidNetwork();

const BQ = 'https://bigquery.googleapis.com';
const dir = mkdtempSync(join(tmpdir(), 'rollup-'));

interface Load {
  table: string;
  writeDisposition: string;
  rows: Array<Record<string, unknown>>;
}

/** BigQuery as far as the rollup uses it: tables.get/insert/update and multipart load jobs. */
function fakeBigQuery() {
  const tables = new Map<string, unknown>();
  const loads: Load[] = [];
  const requests: string[] = [];
  let failNextLoad = 1;
  const scope = nock(BQ).persist();
  scope.get(/\/bigquery\/v2\/projects\/grp\/datasets\/desk\/tables\/([^/?]+)/).reply((uri) => {
    requests.push(`GET ${uri}`);
    const id = decodeURIComponent(/tables\/([^/?]+)/.exec(uri)?.[1] ?? '');
    return tables.has(id)
      ? [200, tables.get(id)]
      : [404, { error: { code: 404, message: `Not found: Table grp:desk.${id}`, status: 'NOT_FOUND' } }];
  });
  scope.post('/bigquery/v2/projects/grp/datasets/desk/tables').reply((uri, body) => {
    requests.push(`POST ${uri}`);
    const table = body as { tableReference: { tableId: string } };
    tables.set(table.tableReference.tableId, table);
    return [200, table];
  });
  scope.put(/\/bigquery\/v2\/projects\/grp\/datasets\/desk\/tables\/([^/?]+)/).reply((uri, body) => {
    requests.push(`PUT ${uri}`);
    const id = decodeURIComponent(/tables\/([^/?]+)/.exec(uri)?.[1] ?? '');
    if (!tables.has(id))
      return [404, { error: { code: 404, message: `Not found: Table grp:desk.${id}`, status: 'NOT_FOUND' } }];
    tables.set(id, body);
    return [200, body];
  });
  scope
    .post('/upload/bigquery/v2/projects/grp/jobs')
    .query(true)
    .reply((uri, body) => {
      requests.push(`POST ${uri}`);
      if (failNextLoad > 0) {
        failNextLoad -= 1;
        return [
          429,
          { error: { code: 429, message: 'Exceeded rate limits', status: 'RESOURCE_EXHAUSTED' } },
          { 'Retry-After': '3' },
        ];
      }
      const text = String(body);
      const parts = text.split(/--[^\r\n]+\r?\n/).filter((p) => p.trim() !== '' && !p.startsWith('-'));
      const json = parts.map((p) =>
        p
          .split(/\r?\n\r?\n/)
          .slice(1)
          .join('\n\n')
          .trim(),
      );
      const config = JSON.parse(json[0]) as {
        configuration: { load: { destinationTable: { tableId: string }; writeDisposition: string } };
      };
      const ndjson = json[1].replace(/\r?\n--.*$/s, '');
      loads.push({
        table: config.configuration.load.destinationTable.tableId,
        writeDisposition: config.configuration.load.writeDisposition,
        rows: ndjson
          .split('\n')
          .filter((l) => l.trim() !== '')
          .map((l) => JSON.parse(l)),
      });
      return [
        200,
        {
          jobReference: { projectId: 'grp', jobId: `job${loads.length}`, location: 'asia-east2' },
          status: { state: 'RUNNING' },
        },
      ];
    });
  scope
    .get(/\/bigquery\/v2\/projects\/grp\/jobs\/job\d+/)
    .query({ location: 'asia-east2' })
    .reply((uri) => {
      requests.push(`GET ${uri}`);
      return [200, { status: { state: 'DONE' } }];
    });
  return { tables, loads, requests };
}

async function site(rows: number, seed: number, id: string) {
  const emu = newDesk({ lang: 'zh-CN' });
  const fake = new FakeSheetsApi(emu, id);
  fake.install();
  const register = await zhRegister(dir, rows, seed);
  await runImport(testGoogle(), {
    file: register.path,
    spreadsheetId: id,
    dryRun: false,
    now: emu.clock.now(),
    print: () => {},
  });
  emu.advanceTo(shanghai('2026-03-02 11:05'));
  nock.cleanAll();
  return { emu, fake, tickets: rowsOf(emu, '工单登记').length };
}

describe('rollup', () => {
  it('loads each site and month into its partition with WRITE_TRUNCATE; a re-run replaces, never doubles', async () => {
    const north = await site(120, 5, 'north-sheet');
    const south = await site(80, 9, 'south-sheet');
    north.fake.install([south.fake]);
    const bq = fakeBigQuery();
    const sitesFile = join(dir, 'sites.csv');
    writeFileSync(
      sitesFile,
      'site,spreadsheet,name\nnorth,https://docs.google.com/spreadsheets/d/north-sheet/edit,北区\nsouth,south-sheet,南区\n',
    );
    const sites = parseSites(sitesFile);
    expect(sites.map((s) => s.spreadsheetId)).toEqual(['north-sheet', 'south-sheet']);
    const policy = quietPolicy();
    const lines: string[] = [];
    const options = {
      sites,
      project: 'grp',
      dataset: 'desk',
      sqlDir: join(__dirname, '../../sql'),
      now: new Date('2026-03-02T04:00:00Z'),
      print: (l: string) => {
        lines.push(l);
        if (process.env.SHOW) console.log(l);
      },
    };
    const loaded = await runRollup(testGoogle(policy), options);
    // Tables from the workbook schema, partitioned by month on the register's date, one per site.
    const tickets = bq.tables.get('tickets_north') as { schema: unknown; timePartitioning: unknown };
    expect(tickets.schema).toEqual(tableSchema(REGISTERS[0]));
    expect(tickets.timePartitioning).toEqual({ type: 'MONTH', field: 'received_at' });
    expect((tickets.schema as { fields: unknown[] }).fields).toHaveLength(TICKETS.columns.length + 2);
    // One load per site × month, into the decorator, replacing the partition.
    expect(bq.loads.every((l) => /^tickets_(north|south)\$\d{6}$/.test(l.table))).toBe(true);
    expect(bq.loads.every((l) => l.writeDisposition === 'WRITE_TRUNCATE')).toBe(true);
    const rowsOf2 = (prefix: string) =>
      bq.loads.filter((l) => l.table.startsWith(prefix)).reduce((n, l) => n + l.rows.length, 0);
    expect(rowsOf2('tickets_north$')).toBe(north.tickets);
    expect(rowsOf2('tickets_south$')).toBe(south.tickets);
    // Rows carry the site, codes (not labels), and timestamps in the right month partition.
    const sample = bq.loads[0].rows[0];
    expect(sample.site).toBe('north');
    expect(['complaint', 'inquiry', 'suggestion', 'repair', 'praise']).toContain(sample.type);
    for (const load of bq.loads)
      for (const row of load.rows)
        expect(String(row.received_at).slice(0, 7).replace('-', '')).toBe(load.table.slice(-6));
    // The 429 on the first load was retried after Google's Retry-After.
    expect(policy.waits[0]).toBeGreaterThanOrEqual(3000);
    // Views with the dataset filled in.
    const view = bq.tables.get('kpi_timeliness') as { view: { query: string; useLegacySql: boolean } };
    expect(view.view.useLegacySql).toBe(false);
    expect(view.view.query).toContain('`grp.desk.tickets_*`');
    expect(view.view.query).not.toContain('{{dataset}}');
    expect(lines.some((l) => /^ {2}loaded tickets_north\$\d{6}: \d+ rows$/.test(l))).toBe(true);

    // Again: the same partitions replaced, tables not created twice, views updated in place.
    const inserts = bq.requests.filter((r) => r.startsWith('POST') && r.endsWith('/tables')).length;
    const again = await runRollup(testGoogle(), options);
    expect(again).toEqual(loaded);
    expect(bq.requests.filter((r) => r.startsWith('POST') && r.endsWith('/tables')).length).toBe(inserts);
    expect(bq.requests.filter((r) => r.startsWith('PUT')).length).toBeGreaterThanOrEqual(4);
  }, 60_000);

  it('sites.csv errors name the row', () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'site,spreadsheet\nnorth area,abc\n');
    expect(() => parseSites(file)).toThrow(/row 2: site “north area” must be letters, digits or _/);
  });
});
