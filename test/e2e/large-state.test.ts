/**
 * State that outgrows one property value (Google: 9 KB per value, 500 KB per store; the emulator
 * enforces both), end to end on dist/Code.js on a zh-CN desk:
 * - an 80-item handover checklist (竣工交付检查) failed on every item: the schedule's state holds 80
 *   open rectifications, about 18 KB; re-inspections close them in two rounds;
 * - an 80-item complaint-callback scorecard (投诉回访质检) in Chinese: one stored version is about
 *   28 KB; set up, audited, edited (version 2), audited again.
 * Before chunking, the first inspection wrote its row, items and 80 tickets, then failed at the last
 * step ("Exception: Argument too large: value" in the Run log): the schedule state was never saved and
 * the journal stayed, so every hourly retry failed the same way and each later inspection of the area
 * was held back as "interrupted". The scorecard stopped Set up / repair itself at its version: its form
 * and every later step of setup were never made.
 * Both are kept in numbered chunks written by one setProperties call (src/jobs/chunked-store.ts).
 */
import type { Emulator } from '../../scripts/emulator';
import { auditFormId, auditForms, submitAudit } from '../helpers/audits';
import { documentProperties, newDesk, rowsOf } from '../helpers/desk';
import { inspectionAnswers, inspectionFormId } from '../helpers/inspections';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const TEMPLATE = '竣工交付检查';
const AREA = '3号楼交付区';
const SCORECARD = '投诉回访质检';

const PLACES = ['大堂', '电梯轿厢', '楼梯间', '地下车库', '外围道路', '设备机房', '消防通道', '空置房'];
const CHECKS = [
  '地面清洁，无垃圾、无污渍、无积水',
  '墙面无破损、无乱张贴、无涂鸦',
  '照明灯具完好，开关面板无松动',
  '门窗五金件齐全，开关顺畅无异响',
  '消防器材在有效期内，标识清晰',
  '排水通畅，地漏无堵塞、无异味',
  '装饰面无空鼓、无开裂、无色差',
  '导向标识齐全，文字清楚无错漏',
  '管线井封堵严密，井门锁闭完好',
  '成品保护到位，无遗留施工杂物',
];
const CHECK_ITEMS = PLACES.flatMap((section) => CHECKS.map((item) => ({ section, item })));

const STEPS = ['开场与核实身份', '回访内容', '问题处理情况', '客户满意度', '结束与记录'];
const CALLBACK_POINTS = [
  '使用标准问候语并报出工号与姓名',
  '核实客户身份及投诉工单编号无误',
  '复述客户原投诉内容，表述准确完整',
  '说明处理结果及整改措施，用语通俗易懂',
  '询问客户对处理结果是否满意并如实记录',
  '客户仍不满意时主动说明后续跟进安排',
  '未打断客户讲话，耐心倾听客户意见',
  '未承诺超出权限的赔偿或处理期限',
  '语速适中、吐字清晰、语气亲切热情',
  '通话中未出现推诿、埋怨或不当言辞',
  '及时在系统中更新回访结果与客户意见',
  '对需再次处理的问题按流程重新派单',
  '结束语规范，感谢客户并礼貌道别',
  '通话时长控制合理，无长时间冷场',
  '涉及客户隐私的信息未向第三方透露',
  '回访记录字段填写完整、内容真实准确',
];
const SCORE_ITEMS = STEPS.flatMap((section) => CALLBACK_POINTS.map((item) => ({ section, item })));

/** Rows through the uncounted host, in the sheet's own header order. */
function appendRows(emu: Emulator, sheetName: string, records: Array<Record<string, unknown>>): void {
  const sheet = emu.spreadsheet.host().getSheetByName(sheetName);
  if (!sheet) throw new Error(`no ${sheetName}`);
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  const rows = records.map((record) => header.map((h) => (h in record ? record[h] : '')));
  const first = sheet.getLastRow() + 1;
  const need = first + rows.length - 1;
  if (sheet.getMaxRows() < need) sheet.insertRowsAfter(sheet.getMaxRows(), need - sheet.getMaxRows());
  sheet.getRange(first, 1, rows.length, header.length).setValues(rows as never);
}

/** A zh-CN desk with the 80-item checklist for one area and the 80-item scorecard, set up again. */
function largeDesk(): Emulator {
  const emu = newDesk({ lang: 'zh-CN' });
  appendRows(emu, '⚙ 检查表', [
    { 检查表: TEMPLATE, 版本: 1, '合格线 %': 90, '分项合格线 %': 85, 第一次不合格: '一般过失' },
    ...CHECK_ITEMS.map(({ section, item }) => ({
      检查表: TEMPLATE,
      分部: section,
      检查项: item,
      评定方式: '合格 / 不合格',
      权重: 1,
      '整改期限（工作日）': 3,
      启用: true,
    })),
  ]);
  appendRows(emu, '⚙ 检查区域', [
    {
      区域: AREA,
      检查表: TEMPLATE,
      频次: '每周',
      责任人: '何芳',
      部门: '环境部',
      检查人: '张伟',
      启用: true,
    },
  ]);
  appendRows(
    emu,
    '⚙ 质检评分表',
    SCORE_ITEMS.map(({ section, item }, i) => ({
      评分表: SCORECARD,
      版本: 1,
      部分: section,
      项目: item,
      类别: '计分',
      评分方式: '是 / 否',
      满分: 5,
      权重: 1,
      可选不适用: false,
      红线项不合格时: i === 0 ? '整次质检' : '',
      原因分类: i === 0 ? '业务知识, 流程, 服务态度, 其他' : '',
      启用: true,
    })),
  );
  emu.run('menuSetup', undefined, { interactive: true });
  return emu;
}

let base: Emulator | undefined;
function desk(): Emulator {
  base ??= largeDesk();
  return base.clone();
}

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/** Bytes of a property and of its chunks (`key#0`, `key#1`, …), as the store counts them (key + value). */
function storedBytes(emu: Emulator, key: string): number {
  return [...documentProperties(emu)]
    .filter(([name]) => name === key || name.startsWith(`${key}#`))
    .reduce((sum, [name, value]) => sum + bytes(name) + bytes(value), 0);
}

function storeBytes(emu: Emulator): number {
  return [...documentProperties(emu)].reduce((sum, [name, value]) => sum + bytes(name) + bytes(value), 0);
}

function failedExecutions(emu: Emulator): string[] {
  return emu.executions.filter((run) => run.error !== undefined).map((run) => `${run.name}: ${run.error}`);
}

/** The inspector's visit: every item rated, those in `failing` failed with a note. */
function inspect(emu: Emulator, failing: ReadonlyArray<{ section: string; item: string }>, recheckOf = '') {
  const fail = Object.fromEntries(
    failing.map(({ section, item }) => [`${section} — ${item}`, `${section}：${item}，未达标`]),
  );
  const answers = inspectionAnswers(emu, TEMPLATE, {
    area: AREA,
    inspector: '张伟',
    fail,
    lang: 'zh-CN',
    ...(recheckOf ? { recheckOf } : {}),
  });
  return emu.submitForm(inspectionFormId(emu, TEMPLATE), answers);
}

const SCHEDULE_KEY = `inspection.schedule.${AREA}`;

describe('state larger than one property value', () => {
  it('an 80-item checklist failed on every item: 80 rectification tickets, an 18 KB schedule state kept in chunks, closed by two re-inspections', () => {
    const emu = desk();
    inspect(emu, CHECK_ITEMS);
    expect(failedExecutions(emu)).toEqual([]);
    const [first] = rowsOf(emu, '检查登记');
    expect(first).toMatchObject({ 检查编号: 'IN-2026-00001', 结论: '不合格', 不合格项数: 80 });
    expect(rowsOf(emu, '检查明细')).toHaveLength(80);
    const tickets = rowsOf(emu, '工单登记');
    expect(tickets).toHaveLength(80);
    const stateKey = [...documentProperties(emu).keys()].find(
      (key) => key.startsWith(SCHEDULE_KEY) && !key.includes('#'),
    );
    expect(stateKey).toBeDefined();
    const stateBytes = storedBytes(emu, String(stateKey));
    console.log(`80 open items: schedule state ${stateBytes} bytes; whole store ${storeBytes(emu)} bytes`);
    expect(stateBytes).toBeGreaterThan(9 * 1024);
    // No journal left behind, nothing waiting in the inbox.
    expect(
      [...documentProperties(emu).keys()].filter((key) =>
        /^(inspection\.inflight\.|inbox\.(arrived|fail)\.)/.test(key),
      ),
    ).toEqual([]);

    // The hourly runs go on; the inspector's digest names the re-inspection with its 80 items.
    emu.advance(3 * DAY);
    expect(failedExecutions(emu)).toEqual([]);
    const digest = emu.mail.outbox.filter(
      (mail) => mail.to.includes('zhang.wei@example.com') && /待复查/.test(mail.body),
    );
    expect(digest.length).toBeGreaterThan(0);

    // The re-inspection puts the first 40 right: their tickets close, the other 40 stay open.
    inspect(emu, CHECK_ITEMS.slice(40), 'IN-2026-00001');
    expect(failedExecutions(emu)).toEqual([]);
    const statuses = rowsOf(emu, '工单登记').map((row) => row.状态);
    expect(statuses.slice(0, 40).every((status) => status === '已关闭')).toBe(true);
    expect(statuses.slice(40).every((status) => status === '新建')).toBe(true);
    expect(rowsOf(emu, '检查登记')[1]).toMatchObject({
      检查编号: 'IN-2026-00002',
      复查原检查: 'IN-2026-00001',
    });

    // The last 40 put right: every ticket closed, the original re-inspected, the state small again.
    emu.advance(DAY);
    inspect(emu, [], 'IN-2026-00001');
    expect(failedExecutions(emu)).toEqual([]);
    expect(rowsOf(emu, '工单登记').every((row) => row.状态 === '已关闭')).toBe(true);
    expect(rowsOf(emu, '工单登记')).toHaveLength(80);
    expect(storedBytes(emu, String(stateKey))).toBeLessThan(9 * 1024);
    expect([...documentProperties(emu).keys()].filter((key) => key.startsWith(`${stateKey}#`))).toEqual([]);
  });

  it('an 80-item scorecard in Chinese: its 28 KB version is stored, its form made, audits scored on it before and after an edit', () => {
    const emu = desk();
    expect(failedExecutions(emu)).toEqual([]);
    expect(auditForms(emu).find((form) => form.scorecard === SCORECARD)).toMatchObject({ version: 1 });
    const v1 = storedBytes(emu, `scorecard.${SCORECARD}.v1`);
    console.log(`80-item scorecard: version 1 stored in ${v1} bytes`);
    expect(v1).toBeGreaterThan(9 * 1024);

    const items = Object.fromEntries(
      SCORE_ITEMS.map(({ section, item }, i) => [`${section} — ${item}`, i < 4 ? '否' : '是']),
    );
    submitAudit(emu, SCORECARD, { staff: '张伟', auditor: '李娜', rootCause: ['流程'], items }, 'zh-CN');
    expect(failedExecutions(emu)).toEqual([]);
    const [audit] = rowsOf(emu, '质检评分');
    // The first item is critical-scoped only; 4 of 80 five-point items missed: 380 of 400 = 95 %.
    expect(audit).toMatchObject({ 质检编号: 'QA-2026-00001', 评分表: SCORECARD, 版本: 1, '最终得分 %': 95 });
    expect(rowsOf(emu, '质检明细')).toHaveLength(80);

    // The manager raises one item to 10 points: version 2, the form updated in place, v1 kept.
    const formBefore = auditFormId(emu, SCORECARD);
    const sheet = emu.spreadsheet.host().getSheetByName('⚙ 质检评分表');
    if (!sheet) throw new Error('no ⚙ 质检评分表');
    const values = sheet.getDataRange().getValues();
    const header = values[0];
    const row =
      values.findIndex(
        (r) => r[header.indexOf('项目')] === CALLBACK_POINTS[15] && r[header.indexOf('部分')] === STEPS[4],
      ) + 1;
    emu.editCells('⚙ 质检评分表', sheet.getRange(row, header.indexOf('满分') + 1).getA1Notation(), [[10]]);
    expect(failedExecutions(emu)).toEqual([]);
    expect(auditForms(emu).find((form) => form.scorecard === SCORECARD)).toMatchObject({
      version: 2,
      formId: formBefore,
    });
    expect(storedBytes(emu, `scorecard.${SCORECARD}.v1`)).toBe(v1);
    expect(storedBytes(emu, `scorecard.${SCORECARD}.v2`)).toBeGreaterThan(9 * 1024);

    submitAudit(emu, SCORECARD, { staff: '张伟', auditor: '李娜', rootCause: ['流程'], items }, 'zh-CN');
    expect(failedExecutions(emu)).toEqual([]);
    // 4 missed of 405 points: 385 / 405 = 95.1 %.
    expect(rowsOf(emu, '质检评分')[1]).toMatchObject({
      质检编号: 'QA-2026-00002',
      版本: 2,
      '最终得分 %': 95.1,
    });
    console.log(`whole store after both versions: ${storeBytes(emu)} bytes`);
    expect(storeBytes(emu)).toBeLessThan(500 * 1024);
  });
});
