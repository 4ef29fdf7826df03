/**
 * A desk whose state outgrows one property value (9 KB): an 80-item handover checklist with Chinese
 * item names for one area, and a 120-item complaint-callback scorecard in Chinese (6 steps × 20
 * points) — realistic sizes for a property-management company's 竣工交付 check and 投诉回访 audit. Used by the large-state e2e
 * test and by the crash test of the inspection submission.
 */
import type { Emulator } from '../../scripts/emulator';
import { documentProperties, newDesk, rowsOf } from './desk';
import { inspectionAnswers, inspectionFormId } from './inspections';
import { chunksOf } from './properties-store';

export const LARGE_TEMPLATE = '竣工交付检查';
export const LARGE_AREA = '3号楼交付区';
export const LARGE_SCORECARD = '投诉回访质检';

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
export const CHECK_ITEMS = PLACES.flatMap((section) => CHECKS.map((item) => ({ section, item })));

export const STEPS = [
  '开场与核实身份',
  '回访内容',
  '问题处理情况',
  '客户满意度',
  '投诉升级与跟进',
  '结束与记录',
];
export const CALLBACK_POINTS = [
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
  '客户提出新诉求时当场登记并告知处理时限',
  '对客户的不便表示歉意，态度诚恳不敷衍',
  '引用的规定与收费标准准确，无随意解释',
  '需其他部门配合时说明对接人及联系方式',
];
export const SCORE_ITEMS = STEPS.flatMap((section) => CALLBACK_POINTS.map((item) => ({ section, item })));

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

const HEADERS = {
  en: {
    checklists: '⚙ Checklists',
    areas: '⚙ Areas',
    template: 'Template',
    version: 'Version',
    section: 'Section',
    item: 'Item',
    answerKind: 'Answer kind',
    passFail: 'Pass / fail',
    weight: 'Weight',
    rectify: 'Rectification (working days)',
    passMark: 'Pass mark %',
    itemPass: 'Item pass %',
    fault1: '1st fail',
    minorFault: 'Minor fault',
    active: 'Active',
    area: 'Area',
    templates: 'Templates',
    frequency: 'Frequency',
    weekly: 'Weekly',
    owner: 'Owner',
    ownerName: 'He Fang',
    department: 'Department',
    environment: 'Environment',
    inspector: 'Inspector',
    inspectorName: 'Zhang Wei',
  },
  'zh-CN': {
    checklists: '⚙ 检查表',
    areas: '⚙ 检查区域',
    template: '检查表',
    version: '版本',
    section: '分部',
    item: '检查项',
    answerKind: '评定方式',
    passFail: '合格 / 不合格',
    weight: '权重',
    rectify: '整改期限（工作日）',
    passMark: '合格线 %',
    itemPass: '分项合格线 %',
    fault1: '第一次不合格',
    minorFault: '一般过失',
    active: '启用',
    area: '区域',
    templates: '检查表',
    frequency: '频次',
    weekly: '每周',
    owner: '责任人',
    ownerName: '何芳',
    department: '部门',
    environment: '环境部',
    inspector: '检查人',
    inspectorName: '张伟',
  },
};

/**
 * A desk in `lang` with the 80-item checklist for one area (weekly, He Fang's, inspected by Zhang Wei)
 * and, on a zh-CN desk, the 80-item scorecard too; Set up / repair run again to make their forms.
 */
export function largeDesk(lang: 'en' | 'zh-CN'): Emulator {
  const emu = newDesk({ lang });
  const h = HEADERS[lang];
  appendRows(emu, h.checklists, [
    {
      [h.template]: LARGE_TEMPLATE,
      [h.version]: 1,
      [h.passMark]: 90,
      [h.itemPass]: 85,
      [h.fault1]: h.minorFault,
    },
    ...CHECK_ITEMS.map(({ section, item }) => ({
      [h.template]: LARGE_TEMPLATE,
      [h.section]: section,
      [h.item]: item,
      [h.answerKind]: h.passFail,
      [h.weight]: 1,
      [h.rectify]: 3,
      [h.active]: true,
    })),
  ]);
  appendRows(emu, h.areas, [
    {
      [h.area]: LARGE_AREA,
      [h.templates]: LARGE_TEMPLATE,
      [h.frequency]: h.weekly,
      [h.owner]: h.ownerName,
      [h.department]: h.environment,
      [h.inspector]: h.inspectorName,
      [h.active]: true,
    },
  ]);
  if (lang === 'zh-CN')
    appendRows(
      emu,
      '⚙ 质检评分表',
      SCORE_ITEMS.map(({ section, item }, i) => ({
        评分表: LARGE_SCORECARD,
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
  // A menu tells the user and logs the error in the Run log rather than failing the execution.
  const [runLog, error] = lang === 'zh-CN' ? ['运行日志', '错误'] : ['Run log', 'Error'];
  const failed = rowsOf(emu, runLog).filter((row) => String(row[error] ?? '') !== '');
  if (failed.length > 0)
    throw new Error(`Set up / repair failed: ${failed.map((row) => row[error]).join('; ')}`);
  return emu;
}

/** The inspector's answers: every item rated, those in `failing` failed with a note. */
export function largeInspectionAnswers(
  emu: Emulator,
  lang: 'en' | 'zh-CN',
  failing: ReadonlyArray<{ section: string; item: string }>,
  recheckOf = '',
): Record<string, string> {
  const fail = Object.fromEntries(
    failing.map(({ section, item }) => [`${section} — ${item}`, `${section}：${item}，未达标`]),
  );
  return inspectionAnswers(emu, LARGE_TEMPLATE, {
    area: LARGE_AREA,
    inspector: HEADERS[lang].inspectorName,
    fail,
    lang,
    ...(recheckOf ? { recheckOf } : {}),
  });
}

export function submitLargeInspection(
  emu: Emulator,
  lang: 'en' | 'zh-CN',
  failing: ReadonlyArray<{ section: string; item: string }>,
  recheckOf = '',
) {
  return emu.submitForm(
    inspectionFormId(emu, LARGE_TEMPLATE),
    largeInspectionAnswers(emu, lang, failing, recheckOf),
  );
}

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/** Bytes of a property and of its chunks, as the store counts them (key + value). */
export function storedBytes(emu: Emulator, key: string): number {
  return [...documentProperties(emu)]
    .filter(([name]) => name === key || chunksOf([name], key).length > 0)
    .reduce((sum, [name, value]) => sum + bytes(name) + bytes(value), 0);
}

/** Bytes of the whole document store (keys and values), as Google counts them against its 500 KB. */
export function storeBytes(emu: Emulator): number {
  return [...documentProperties(emu)].reduce((sum, [name, value]) => sum + bytes(name) + bytes(value), 0);
}
