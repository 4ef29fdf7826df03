/**
 * `import` end to end: the real googleapis client → nock → the fake Sheets API backed by the emulator's
 * spreadsheet; then the add-on's hourly run (dist/Code.js in the emulator) turns the staged rows into
 * tickets through its intake rules. The network is forbidden throughout.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runImport } from '../../scripts/sheets-api/import';
import { FakeSheetsApi } from '../../scripts/sheets-api/testing/fake-sheets-api';
import { enRegister, zhRegister } from '../../scripts/sheets-api/testing/registers';
import { t } from '../../src/i18n';
import { newDesk, rowsOf } from '../helpers/desk';
import { shanghai } from '../jobs/scheduler-fixtures';
import { forbidNetwork, testGoogle } from './helpers';

forbidNetwork();

const dir = mkdtempSync(join(tmpdir(), 'sheets-import-'));

function setUp(lang: 'zh-CN' | 'en') {
  const emu = newDesk({ lang });
  const fake = new FakeSheetsApi(emu);
  fake.install();
  return { emu, fake };
}

describe('import of a Chinese .xlsx register (merged two-row header, serial dates, phones as numbers)', () => {
  it('dry run: prints the mapping, every rejected row with column, value and reason, writes nothing', async () => {
    const fixture = await zhRegister(dir);
    const { emu, fake } = setUp('zh-CN');
    const lines: string[] = [];
    const summary = await runImport(testGoogle(), {
      file: fixture.path,
      spreadsheetId: fake.spreadsheetId,
      dryRun: true,
      now: emu.clock.now(),
      print: (line) => lines.push(line),
    });
    const mapped = Object.fromEntries(summary.mapping.columns.map((c) => [c.header, c.field]));
    expect(summary.mapping.headerRow).toBe(4);
    expect(mapped).toMatchObject({
      来电时间: 'receivedAt',
      姓名: 'customer',
      联系电话: 'phone',
      房号: 'address',
      类型: 'type',
      类别: 'category',
      问题描述: 'description',
      接听人: 'receivedBy',
      处理部门: 'department',
      处理人: 'assignee',
      处理结果: 'resolution',
      完成时间: 'resolveAt',
      回访时间: 'callbackAt',
      回访满意度: 'satisfaction',
      备注: null,
    });
    expect(lines.some((line) => /备注\s+→\s+not imported \(unknown header/.test(line))).toBe(true);
    expect(fixture.rejected.length).toBe(Math.round(fixture.dataRows * 0.05));
    expect(summary.plan.rejected.map((p) => ({ row: p.row, column: p.column, reason: p.reason }))).toEqual(
      fixture.rejected.map((e) => ({
        row: e.row,
        column: e.column,
        reason: t('zh-CN', e.reason, {
          value: summary.plan.rejected.find((p) => p.row === e.row)?.value ?? '',
        }),
      })),
    );
    for (const p of summary.plan.rejected)
      expect(lines).toContain(`  row ${p.row}  ${p.column}  “${p.value}”  ${p.reason}`);
    const flaggedPhones = summary.plan.flagged.filter((p) => p.reason.includes('12345')).map((p) => p.row);
    expect(flaggedPhones).toEqual(fixture.badPhoneRows);
    const unknownCategory = summary.plan.flagged
      .filter((p) => p.reason.includes('绿化养护'))
      .map((p) => p.row);
    expect(unknownCategory).toEqual(fixture.unknownCategoryRows);
    expect(summary.appended).toBe(0);
    expect(emu.spreadsheet.hasSheet('导入')).toBe(false);
    expect(fake.requests.every((r) => r.method === 'GET')).toBe(true);
  });

  it('imports once, then the hourly run makes the tickets through intake: IDs per type and year, History Import, no mail', async () => {
    const fixture = await zhRegister(dir);
    const { emu, fake } = setUp('zh-CN');
    const options = {
      file: fixture.path,
      spreadsheetId: fake.spreadsheetId,
      dryRun: false,
      now: emu.clock.now(),
      print: () => {},
    };
    const google = testGoogle();
    const first = await runImport(google, options);
    const good = fixture.dataRows - fixture.rejected.length;
    expect(first.appended).toBe(good);
    expect(emu.spreadsheet.sheet('导入').isHidden()).toBe(true);
    expect(fake.count('POST', ':append')).toBe(1);
    expect(first.requests).toBe(5); // get, batchGet, addSheet, header, 1 append

    // Running the same file again imports nothing twice.
    const again = await runImport(testGoogle(), options);
    expect(again.appended).toBe(0);
    expect(again.alreadyImported).toBe(good);
    expect(rowsOf(emu, '导入')).toHaveLength(good);

    const mailsBefore = emu.mail.outbox.length;
    emu.advanceTo(shanghai('2026-03-02 11:05'));
    const tickets = rowsOf(emu, '工单登记').filter((row) => String(row.表单回复编号).startsWith('import:'));
    expect(tickets).toHaveLength(good);
    // The same per-type, per-year series intake uses; numbered in time order.
    const complaints = tickets.filter((row) => row.类型 === '投诉').map((row) => String(row.编号));
    expect(complaints).toHaveLength(fixture.typeCounts.complaint);
    expect(complaints[0]).toBe('CMP-2023-00001');
    expect(complaints[complaints.length - 1]).toBe(`CMP-2023-${String(complaints.length).padStart(5, '0')}`);
    const repairs = tickets.filter((row) => row.类型 === '报修');
    expect(repairs).toHaveLength(fixture.typeCounts.repair);
    // Settled as of their own dates: closed, met or met late, never escalated; nothing mailed.
    const closed = tickets.filter((row) => row.状态 === '已关闭');
    expect(closed).toHaveLength(fixture.resolved);
    expect(new Set(closed.map((row) => row.时效状态))).toEqual(new Set(['按时', '超时完成']));
    const open = tickets.filter((row) => row.状态 !== '已关闭');
    // Escalated as far as ⚙ SLA policy lets each type (weeks late): praise never, inquiries and
    // suggestions to the department head, complaints and repairs to the GM.
    const ceiling: Record<string, number> = { 表扬: 0, 咨询: 2, 建议: 2, 投诉: 3, 报修: 3 };
    expect(open.length).toBeGreaterThan(0);
    for (const row of open) expect(Number(row.升级级别)).toBe(ceiling[String(row.类型)]);
    expect(emu.mail.outbox.length).toBe(mailsBefore);
    emu.advanceTo(shanghai('2026-03-02 13:05'));
    expect(emu.mail.outbox.length).toBe(mailsBefore);
    // Needs review, with intake's own words, on the rows the dry run flagged.
    const review = tickets.filter((row) => row.待核实 === true);
    expect(review.map((row) => row.核实说明).join('\n')).toContain('电话“12345”不是有效的手机或座机号码');
    // History: one row per ticket, source Import, actor naming the file and row.
    const history = rowsOf(emu, '操作日志').filter((row) => row.来源 === '导入');
    expect(history).toHaveLength(good);
    expect(String(history[0].操作人)).toMatch(/^导入（来电来访登记表2023\.xlsx · 2023年登记 · \d+）$/);
    // Each staging row says what became of it.
    const staged = rowsOf(emu, '导入');
    expect(
      staged.every((row) => row.结果 === '已导入' && /^[A-Z]{3}-2023-\d{5}$/.test(String(row.工单编号))),
    ).toBe(true);
    // Deadline notes were written for the batch.
    const sheet = emu.spreadsheet.sheet('工单登记');
    const header = sheet.values()[0];
    const notes = sheet.notes();
    const resolveDue = header.indexOf('解决时限');
    const firstImported = sheet
      .values()
      .findIndex((row) => String(row[header.indexOf('表单回复编号')]).startsWith('import:'));
    expect(notes[firstImported][resolveDue]).not.toBe('');
  });
});

describe('import of an English .csv register', () => {
  it('maps English headers, US dates and scientific-notation phones; rejects 5 % with reasons', async () => {
    const fixture = enRegister(dir);
    const { emu, fake } = setUp('en');
    const lines: string[] = [];
    const summary = await runImport(testGoogle(), {
      file: fixture.path,
      spreadsheetId: fake.spreadsheetId,
      dryRun: true,
      now: emu.clock.now(),
      print: (line) => lines.push(line),
    });
    expect(summary.mapping.headerRow).toBe(2);
    const mapped = Object.fromEntries(summary.mapping.columns.map((c) => [c.header, c.field]));
    expect(mapped).toMatchObject({
      'Date received': 'receivedAt',
      Caller: 'customer',
      Details: 'description',
      'Resolved on': 'resolveAt',
      'Internal ref': null,
    });
    expect(summary.plan.rejected.map((p) => [p.row, p.column])).toEqual(
      fixture.rejected.map((e) => [e.row, e.column]),
    );
    expect(summary.plan.rejected.map((p) => p.reason)).toEqual(
      fixture.rejected.map((e, i) => t('en', e.reason, { value: summary.plan.rejected[i].value })),
    );
    expect(summary.plan.flagged.filter((p) => p.value === '1.39123E+10').map((p) => p.row)).toEqual(
      fixture.badPhoneRows,
    );
    expect(lines.at(-2)).toBe(
      `Dry run (nothing written): 500 data rows · 25 not imported · ${summary.flagged} with Needs review · 0 already imported · 475 would be appended`,
    );
  });
});
