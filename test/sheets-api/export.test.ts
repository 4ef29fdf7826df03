/**
 * `export`: Drive files.export when Google allows it, else chunked values.batchGet (the fake Sheets API
 * backed by an emulated desk); the manifest is written and verified; 429 and 5xx are retried honouring
 * Retry-After. The network is forbidden: Drive is answered by nock.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import nock from 'nock';
import { excelSheetName, runExport, verifyManifest } from '../../scripts/sheets-api/export';
import { FakeSheetsApi } from '../../scripts/sheets-api/testing/fake-sheets-api';
import { newDesk } from '../helpers/desk';
import { complaint, submitIntake } from '../helpers/intake';
import { forbidNetwork, quietPolicy, testGoogle } from './helpers';

forbidNetwork();

const DRIVE = 'https://www.googleapis.com';

function desk() {
  const emu = newDesk({ lang: 'en' });
  for (let i = 0; i < 12; i++)
    submitIntake(emu, complaint({ customer: `客户${i}`, description: `楼道灯不亮，第${i}次` }));
  const fake = new FakeSheetsApi(emu);
  fake.install();
  return { emu, fake };
}

function out(): string {
  return mkdtempSync(join(tmpdir(), 'export-'));
}

describe('export', () => {
  it('Drive export to .xlsx when allowed: one file, a manifest per sheet, verified; a changed file is caught', async () => {
    const { emu, fake } = desk();
    const workbook = new ExcelJS.Workbook();
    for (const name of emu.spreadsheet.sheetNames()) {
      const ws = workbook.addWorksheet(excelSheetName(name));
      for (const line of emu.spreadsheet.sheet(name).values())
        ws.addRow(line.map((v) => (v instanceof Date ? v : v)));
    }
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const drive = nock(DRIVE)
      .get(`/drive/v3/files/${fake.spreadsheetId}/export`)
      .query({ mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })
      .reply(200, xlsx, {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      });
    const dir = out();
    const lines: string[] = [];
    const manifest = await runExport(testGoogle(), {
      spreadsheetId: fake.spreadsheetId,
      out: dir,
      format: 'xlsx',
      print: (l) => {
        lines.push(l);
        if (process.env.SHOW) console.log(l);
      },
    });
    expect(drive.isDone()).toBe(true);
    expect(manifest.method).toBe('drive-export');
    expect(manifest.files).toHaveLength(1);
    expect(manifest.sheets.map((s) => s.sheet)).toEqual(emu.spreadsheet.sheetNames().map(excelSheetName));
    const tickets = manifest.sheets.find((s) => s.sheet === 'Tickets');
    expect(tickets?.rows).toBe(13);
    expect(fake.count('GET', 'values:batchGet')).toBe(0);
    expect(lines.at(-1)).toMatch(/manifest verified/);
    expect(await verifyManifest(dir)).toEqual([]);
    writeFileSync(join(dir, manifest.files[0].file), Buffer.concat([xlsx, Buffer.from('x')]));
    expect((await verifyManifest(dir))[0]).toMatch(/SHA-256 differs/);
  });

  it('too large for Drive → every sheet through chunked values.batchGet, retrying 429 (Retry-After) and 503', async () => {
    const { emu, fake } = desk();
    nock(DRIVE)
      .get(`/drive/v3/files/${fake.spreadsheetId}/export`)
      .query(true)
      .reply(403, {
        error: {
          code: 403,
          message: 'This file is too large to be exported.',
          errors: [
            {
              domain: 'global',
              reason: 'exportSizeLimitExceeded',
              message: 'This file is too large to be exported.',
            },
          ],
        },
      });
    fake.faults.push({
      match: 'GET /v4/spreadsheets/sheet-under-test/values:batchGet',
      status: 429,
      retryAfter: '7',
      times: 1,
    });
    fake.faults.push({
      match: 'GET /v4/spreadsheets/sheet-under-test/values:batchGet',
      status: 503,
      times: 1,
    });
    const policy = quietPolicy();
    const dir = out();
    const limits = { cellsPerRange: 300, cellsPerRequest: 1500 };
    const manifest = await runExport(testGoogle(policy), {
      spreadsheetId: fake.spreadsheetId,
      out: dir,
      format: 'xlsx',
      limits,
      print: () => {},
    });
    expect(manifest.method).toBe('values');
    // Retried: 7 s as Google asked, then the exponential backoff (2 s × jitter 0.75).
    expect(policy.waits).toEqual([7000, 1500]);
    // Request shapes: every range at most 300 cells of whole rows, every request at most 1,500 cells.
    const gets = fake.requests.filter((r) => r.path.includes('values:batchGet'));
    expect(gets.length).toBeGreaterThan(3);
    for (const request of gets) {
      const ranges = new URL(`https://x${request.path}`).searchParams.getAll('ranges');
      let cells = 0;
      for (const range of ranges) {
        const m = /!A(\d+):([A-Z]+)(\d+)$/.exec(range);
        expect(m).not.toBeNull();
        const cols = [...(m?.[2] ?? '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
        const size = (Number(m?.[3]) - Number(m?.[1]) + 1) * cols;
        expect(size).toBeLessThanOrEqual(300);
        cells += size;
      }
      expect(cells).toBeLessThanOrEqual(1500);
    }
    // Content: the Tickets sheet as Sheets shows it.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(join(dir, manifest.files[0].file)) as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('Tickets');
    expect(sheet?.getRow(1).getCell(1).value).toBe('ID');
    expect(sheet?.getRow(13).getCell(1).value).toBe('CMP-2026-00012');
    expect(manifest.sheets.find((s) => s.sheet === 'Tickets')?.rows).toBe(
      emu.spreadsheet.sheet('Tickets').values().length,
    );
    expect(await verifyManifest(dir)).toEqual([]);
    // A generous limit: under a loaded 2-core machine this test ran past the default 60 s (it waits out the
    // fake's Retry-After on purpose); on an idle machine it takes a few seconds.
  }, 180_000);

  it('--format csv: one UTF-8 file per sheet (BOM, Chinese intact), hidden sheets included, manifest verified', async () => {
    const { emu, fake } = desk();
    const dir = out();
    const manifest = await runExport(testGoogle(), {
      spreadsheetId: fake.spreadsheetId,
      out: dir,
      format: 'csv',
      print: () => {},
    });
    expect(manifest.files).toHaveLength(emu.spreadsheet.sheetNames().length);
    const text = readFileSync(join(dir, 'Tickets.csv'), 'utf8');
    expect(text.startsWith('\uFEFFID,')).toBe(true);
    expect(text).toContain('楼道灯不亮，第11次');
    expect(await verifyManifest(dir)).toEqual([]);
    writeFileSync(join(dir, 'Tickets.csv'), text.replace('第11次', '第12次'));
    expect(await verifyManifest(dir)).toEqual(expect.arrayContaining([expect.stringMatching(/^Tickets/)]));
  });

  it('a wrong spreadsheet ID says how to find the right one', async () => {
    desk();
    await expect(
      runExport(testGoogle(), { spreadsheetId: 'no-such-sheet', out: out(), format: 'csv', print: () => {} }),
    ).rejects.toThrow(/spreadsheet no-such-sheet was not found\. Check the ID/);
  });
});
