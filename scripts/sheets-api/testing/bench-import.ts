/**
 * The import's performance (issue 18), measured in-process and offline: a generated register of N rows
 * goes through the real googleapis client to the fake Sheets API (requests counted on the tool's side),
 * then the bundle's hourly scheduler runs on the emulator with Google-like per-call latency until the
 * Import sheet is empty — how many runs, each run's simulated time against the 4.5-minute budget, its
 * Sheets calls and cells. Used by `npm run bench` and by the budget test.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { Emulator } from '../../emulator';
import { Google } from '../google/clients';
import { runImport } from '../import';
import { FakeSheetsApi } from './fake-sheets-api';
import { zhRegister } from './registers';

export interface ImportRunMeasure {
  /** Simulated run time of the scheduler execution (latency of its calls). */
  elapsedMs: number;
  imported: number;
  sheetsCalls: number;
  cellsRead: number;
  cellsWritten: number;
  cpuMs: number;
}

export interface ImportBench {
  rows: number;
  staged: number;
  requests: number;
  requestsByLabel: Record<string, number>;
  runs: ImportRunMeasure[];
  remaining: number;
}

const HOUR = 3_600_000;

export async function benchImport(
  rows: number,
  bundlePath = join(__dirname, '../../../dist/Code.js'),
): Promise<ImportBench> {
  const emu = new Emulator({
    start: new Date('2026-03-02T02:00:00Z'),
    timeZone: 'Asia/Shanghai',
    locale: 'zh_CN',
    user: 'owner@example.com',
    mailQuota: 1500,
    addOn: true,
    latency: 'google',
  });
  emu.load(readFileSync(bundlePath, 'utf8'));
  emu.run('menuSetup', undefined, { interactive: true });
  const dir = mkdtempSync(join(tmpdir(), 'bench-import-'));
  const register = await zhRegister(dir, rows, 3);
  nock.disableNetConnect();
  const fake = new FakeSheetsApi(emu);
  fake.install();
  const google = new Google(undefined);
  let summary: Awaited<ReturnType<typeof runImport>>;
  try {
    summary = await runImport(google, {
      file: register.path,
      spreadsheetId: fake.spreadsheetId,
      dryRun: false,
      now: emu.clock.now(),
      print: () => {},
    });
  } finally {
    nock.cleanAll();
    nock.enableNetConnect();
  }
  const ticketsOf = () =>
    emu.spreadsheet
      .sheet('工单登记')
      .values()
      .filter(
        (row) =>
          String(row[row.length - 1] ?? '') !== '' && row.some((cell) => String(cell).startsWith('import:')),
      ).length;
  const runs: ImportRunMeasure[] = [];
  let remaining = summary.appended;
  for (let hour = 0; hour < 6 && remaining > 0; hour++) {
    const before = ticketsOf();
    emu.counts.reset();
    const cpu = process.cpuUsage();
    emu.run('runScheduler');
    const used = process.cpuUsage(cpu);
    const execution = emu.executions[emu.executions.length - 1];
    if (execution.error) throw execution.error;
    const imported = ticketsOf() - before;
    const cells = emu.counts.cells();
    runs.push({
      elapsedMs: execution.elapsedMs ?? 0,
      imported,
      sheetsCalls: emu.counts.sheets(),
      cellsRead: cells.read,
      cellsWritten: cells.written,
      cpuMs: Math.round((used.user + used.system) / 1000),
    });
    remaining -= imported;
    emu.clock.set(new Date(emu.clock.ms() + HOUR));
  }
  return {
    rows,
    staged: summary.appended,
    requests: summary.requests,
    requestsByLabel: Object.fromEntries(google.counter.byLabel),
    runs,
    remaining,
  };
}

export function formatImportBench(bench: ImportBench): string {
  const lines = [
    `Import of ${bench.rows.toLocaleString('en-US')} historic rows (${bench.staged.toLocaleString('en-US')} valid): ${bench.requests} Sheets API requests on the tool's side (budget 20): ${Object.entries(
      bench.requestsByLabel,
    )
      .map(([label, n]) => `${label} ${n}`)
      .join(' · ')}`,
    `The add-on's hourly runs (emulator latency 'google', run budget 4.5 min):`,
    '  run  imported  simulated time  Sheets calls  cells read  cells written  CPU',
  ];
  for (const [i, run] of bench.runs.entries())
    lines.push(
      `  ${String(i + 1).padStart(3)}  ${String(run.imported).padStart(8)}  ${`${(run.elapsedMs / 1000).toFixed(1)} s`.padStart(14)}  ${String(run.sheetsCalls).padStart(12)}  ${run.cellsRead.toLocaleString('en-US').padStart(10)}  ${run.cellsWritten.toLocaleString('en-US').padStart(13)}  ${(run.cpuMs / 1000).toFixed(1)} s`,
    );
  lines.push(
    `  → ${bench.runs.length} run(s) for ${bench.staged.toLocaleString('en-US')} rows (budget 3)${bench.remaining > 0 ? `, ${bench.remaining} still waiting` : ''}`,
  );
  return lines.join('\n');
}

if (require.main === module) {
  const rows = Number(process.argv[2] ?? 10_000);
  benchImport(rows).then((bench) => console.log(formatImportBench(bench)));
}
