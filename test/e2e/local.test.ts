/**
 * `npm start` end to end: a few simulated days on the real bundle, then the xlsx is read back with
 * exceljs and checked against what the simulation submitted; the same seed gives the same workbook;
 * bad options exit with code 2.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { DEFAULT_OPTIONS, type LocalRun, runLocal, type SimOptions } from '../../scripts/sim';
import { bundleCode } from '../helpers/desk';

const ROOT = join(__dirname, '..', '..');

function options(overrides: Partial<SimOptions>): SimOptions {
  return { ...DEFAULT_OPTIONS, days: 2, perDay: 6, out: mkdtempSync(join(tmpdir(), 'sim-')), ...overrides };
}

async function readBack(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

/** Every cell value of every sheet, for comparing two workbooks. */
function contents(workbook: ExcelJS.Workbook): string {
  return JSON.stringify(
    workbook.worksheets.map((sheet) => ({
      name: sheet.name,
      state: sheet.state,
      rows: sheet
        .getSheetValues()
        .map((row) => (Array.isArray(row) ? row.map((v) => (v instanceof Date ? v.toISOString() : v)) : row)),
    })),
  );
}

describe('npm start (zh-CN, two days with Labour Day eve)', () => {
  let run: LocalRun;
  let workbook: ExcelJS.Workbook;

  beforeAll(async () => {
    run = await runLocal(bundleCode(), options({ start: '2026-04-30' }));
    workbook = await readBack(run.xlsxPath);
  });

  it('writes an xlsx with every sheet of the spreadsheet, response sheets hidden', () => {
    const names = run.simulation.emu.spreadsheet.sheetNames();
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(names);
    const responses = workbook.worksheets.filter((sheet) => sheet.name.startsWith('表单回复'));
    expect(responses.length).toBeGreaterThanOrEqual(1);
    for (const sheet of responses) expect(sheet.state).toBe('hidden');
    expect(names).toEqual(expect.arrayContaining(['工单登记', '操作日志', '⚙ 节假日']));
  });

  it('holds one ticket per submitted contact, with dates as dates, a frozen header and column widths', () => {
    const tickets = workbook.getWorksheet('工单登记');
    if (!tickets) throw new Error('no 工单登记 sheet');
    expect(run.simulation.world.activity.contacts).toBeGreaterThan(0);
    const header = (tickets.getRow(1).values as unknown[]).map(String);
    // Rectification tickets of failed inspection items come from inspections, not contacts.
    const link = header.indexOf('来源检查');
    let rectification = 0;
    tickets.eachRow((row, n) => {
      if (n > 1 && String(row.getCell(link).value ?? '') !== '') rectification += 1;
    });
    expect(tickets.actualRowCount - 1 - rectification).toBe(run.simulation.world.activity.contacts);
    expect(run.summary.tickets - rectification).toBe(run.simulation.world.activity.contacts);
    const received = tickets.getRow(2).getCell(header.indexOf('受理时间'));
    expect(received.value).toBeInstanceOf(Date);
    expect(received.numFmt).toMatch(/yyyy/);
    expect(tickets.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(tickets.getColumn(1).width).toBeGreaterThan(5);
  });

  it('writes every email as html with an index, and a summary of what happened', () => {
    const mail = join(run.xlsxPath, '..', 'mail');
    expect(existsSync(join(mail, 'index.html'))).toBe(true);
    expect(readdirSync(mail).filter((file) => file !== 'index.html')).toHaveLength(
      run.simulation.emu.mail.outbox.length,
    );
    expect(run.text).toMatch(/Tickets\s+\d+/);
    expect(run.text).toMatch(/Service calls \d+/);
    expect(run.summary.errors).toEqual([]);
  });
});

describe('npm start determinism and language', () => {
  it('gives the same workbook for the same seed (English desk)', async () => {
    const first = await runLocal(bundleCode(), options({ lang: 'en', days: 1, perDay: 4 }));
    const second = await runLocal(bundleCode(), options({ lang: 'en', days: 1, perDay: 4 }));
    expect(contents(await readBack(second.xlsxPath))).toBe(contents(await readBack(first.xlsxPath)));
    expect(first.simulation.emu.spreadsheet.sheetNames()).toContain('Tickets');
    // Excel reserves the name History: the English log sheet is exported as History_.
    expect((await readBack(first.xlsxPath)).getWorksheet('History_')).toBeDefined();
  });
});

describe('npm start options', () => {
  it.each([
    ['--days', '0'],
    ['--lang', 'fr'],
    ['--start', '2026-02-30'],
    ['--bogus', '1'],
  ])('%s %s exits with code 2 and says why', (name, value) => {
    const result = spawnSync(
      join(ROOT, 'node_modules', '.bin', 'tsx'),
      [join(ROOT, 'scripts', 'local.ts'), name, value],
      { encoding: 'utf8' },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(name);
    expect(result.stderr).toContain('Usage');
  });
});
