/**
 * Historic registers as departments keep them in Excel, generated (seeded) for the import tests:
 * - zh: 来电来访登记表 (.xlsx) — a merged title row, a note row, a two-row header with merged groups
 *   (客户信息 over 姓名/联系电话/房号; 处理情况 over 处理部门/处理人/处理结果/完成时间; 回访 over 时间/满意度),
 *   序号 and 来电时间 merged over both header rows, a 备注 column the tool cannot map; dates as Excel date
 *   cells, bare serial numbers and Chinese text; phones stored as numbers.
 * - en: call log (.csv) — a title line above the header, US text dates (m/d/yyyy h:mm AM/PM) and ISO
 *   dates, an "Internal ref" column the tool cannot map.
 * About 5 % of rows are bad in a known way; `expected` says which row (1-based, as Excel numbers it)
 * fails on which column and why, so the dry run is asserted row by row.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { categoryLabel } from '../../../src/core/settings/categories';
import type { Lang, MessageKey } from '../../../src/i18n';
import { defaultCategoryRows } from '../../../src/jobs/default-rows';

export interface ExpectedRejection {
  row: number;
  /** The header the dry run names. */
  column: string;
  reason: MessageKey;
}

export interface RegisterFixture {
  path: string;
  dataRows: number;
  rejected: ExpectedRejection[];
  /** Rows with a phone the intake rules call invalid (imported with Needs review). */
  badPhoneRows: number[];
  /** Rows whose category is not in ⚙ Categories (imported with Needs review). */
  unknownCategoryRows: number[];
  /** Good rows per type code. */
  typeCounts: Record<string, number>;
  /** Good rows with a resolve date. */
  resolved: number;
}

function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const TYPES_ZH = {
  complaint: '投诉',
  inquiry: '咨询',
  suggestion: '建议',
  repair: '维修',
  praise: '表扬',
} as const;
const TYPES_EN = {
  complaint: 'Complaint',
  inquiry: 'Inquiry',
  suggestion: 'Suggestion',
  repair: 'Repair',
  praise: 'Praise',
} as const;
type TypeCode = keyof typeof TYPES_ZH;
const TYPE_CODES = Object.keys(TYPES_ZH) as TypeCode[];

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '艳', '勇', '军'];
const NAMES_EN = [
  'Alice Wong',
  'Ben Li',
  'Carol Chen',
  'David Zhang',
  'Emma Liu',
  'Frank Wu',
  'Grace Zhou',
  'Henry Lin',
];
const ISSUES_ZH = [
  '卫生间漏水',
  '电梯停运',
  '楼道灯不亮',
  '物业费账单有误',
  '夜间噪音扰民',
  '门禁卡失效',
  '保安态度差',
  '车位被占',
];
const ISSUES_EN = [
  'Leak in bathroom',
  'Lift out of service',
  'Stair light broken',
  'Wrong service charge',
  'Noise at night',
  'Access card fails',
  'Rude guard',
  'Parking spot taken',
];

function categories(lang: Lang): string[] {
  return defaultCategoryRows(lang).map((c) => categoryLabel(c.category, c.subcategory));
}

/** Wall time in the register (a Date whose UTC fields are the local time, as exceljs writes it). */
function wallDate(year: number, month: number, day: number, hour: number, minute: number): Date {
  return new Date(Date.UTC(year, month - 1, day, hour, minute));
}

function serialOf(date: Date): number {
  return date.getTime() / 86_400_000 + 25569;
}

export async function zhRegister(dir: string, rows = 520, seed = 7): Promise<RegisterFixture> {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const cats = categories('zh-CN');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('2023年登记');
  sheet.getCell('A1').value = '阳光花园物业服务中心 来电来访登记表（2023年）';
  sheet.mergeCells('A1:P1');
  sheet.getCell('A2').value = '制表：客服部　　单位：件';
  const top = [
    '序号',
    '来电时间',
    '客户信息',
    '',
    '',
    '类型',
    '类别',
    '问题描述',
    '接听人',
    '处理情况',
    '',
    '',
    '',
    '回访',
    '',
    '备注',
  ];
  const sub = [
    '',
    '',
    '姓名',
    '联系电话',
    '房号',
    '',
    '',
    '',
    '',
    '处理部门',
    '处理人',
    '处理结果',
    '完成时间',
    '时间',
    '满意度',
    '',
  ];
  sheet.getRow(3).values = top;
  sheet.getRow(4).values = sub;
  for (const col of ['A', 'B', 'F', 'G', 'H', 'I', 'P']) sheet.mergeCells(`${col}3:${col}4`);
  sheet.mergeCells('C3:E3');
  sheet.mergeCells('J3:M3');
  sheet.mergeCells('N3:O3');

  const fixture: RegisterFixture = {
    path: join(dir, '来电来访登记表2023.xlsx'),
    dataRows: rows,
    rejected: [],
    badPhoneRows: [],
    unknownCategoryRows: [],
    typeCounts: {},
    resolved: 0,
  };
  for (let i = 0; i < rows; i++) {
    const r = 5 + i;
    const type = pick(TYPE_CODES);
    const month = 1 + Math.floor(next() * 12);
    const day = 1 + Math.floor(next() * 28);
    const received = wallDate(2023, month, day, 8 + Math.floor(next() * 10), Math.floor(next() * 60));
    const resolvedHours = 2 + Math.floor(next() * 120);
    const resolved = new Date(received.getTime() + resolvedHours * 3_600_000);
    const phone = 13800000000 + Math.floor(next() * 99_999_999);
    let receivedCell: ExcelJS.CellValue = received;
    let typeCell: string = TYPES_ZH[type];
    let description = `${pick(ISSUES_ZH)}，${pick(['请尽快处理', '已多次反映', '业主很着急', '希望回复'])}`;
    let resolvedCell: ExcelJS.CellValue = next() < 0.9 ? resolved : null;
    let phoneCell: ExcelJS.CellValue = phone;
    let category = pick(cats);
    const kind = i % 20;
    if (i % 3 === 1) receivedCell = serialOf(received); // a column that lost its date format
    if (i % 7 === 2)
      receivedCell = `${received.getUTCFullYear()}年${received.getUTCMonth() + 1}月${received.getUTCDate()}日 ${received.getUTCHours()}:${String(received.getUTCMinutes()).padStart(2, '0')}`;
    if (kind === 5 && i % 100 === 5) {
      receivedCell = '五月初';
      fixture.rejected.push({ row: r, column: '来电时间', reason: 'import.reject.receivedAt' });
    } else if (kind === 5 && i % 100 === 25) {
      receivedCell = wallDate(2099, 1, 1, 9, 0);
      fixture.rejected.push({ row: r, column: '来电时间', reason: 'import.reject.future' });
    } else if (kind === 5 && i % 100 === 45) {
      typeCell = '其它事项';
      fixture.rejected.push({ row: r, column: '类型', reason: 'import.reject.type' });
    } else if (kind === 5 && i % 100 === 65) {
      description = '';
      fixture.rejected.push({ row: r, column: '问题描述', reason: 'import.reject.description' });
    } else if (kind === 5 && i % 100 === 85) {
      resolvedCell = new Date(received.getTime() - 86_400_000);
      fixture.rejected.push({ row: r, column: '完成时间', reason: 'import.reject.resolveAt' });
    } else {
      if (kind === 11) {
        phoneCell = 12345;
        fixture.badPhoneRows.push(r);
      }
      if (kind === 17 && i % 40 === 17) {
        category = '绿化养护';
        fixture.unknownCategoryRows.push(r);
      }
      fixture.typeCounts[type] = (fixture.typeCounts[type] ?? 0) + 1;
      if (resolvedCell) fixture.resolved += 1;
    }
    const callback =
      resolvedCell instanceof Date && next() < 0.6 ? new Date(resolved.getTime() + 86_400_000) : null;
    sheet.getRow(r).values = [
      i + 1,
      receivedCell,
      `${pick(SURNAMES)}${pick(GIVEN)}`,
      phoneCell,
      `${1 + Math.floor(next() * 12)}栋${1 + Math.floor(next() * 3)}单元${100 + Math.floor(next() * 1800)}室`,
      typeCell,
      category,
      description,
      pick(['赵静', '钱敏', '孙磊']),
      '',
      pick(['李工', '王师傅', '']),
      resolvedCell ? pick(['已上门维修', '已电话答复', '已协调相关部门处理']) : '',
      resolvedCell,
      callback,
      callback ? pick(['很满意', '满意', '一般', '5', '4']) : '',
      pick(['', '', '业主要求回电', '已录入系统']),
    ];
    if (receivedCell instanceof Date) sheet.getCell(r, 2).numFmt = 'yyyy-mm-dd hh:mm';
    if (resolvedCell instanceof Date) sheet.getCell(r, 13).numFmt = 'yyyy-mm-dd hh:mm';
  }
  await workbook.xlsx.writeFile(fixture.path);
  return fixture;
}

function usText(date: Date): string {
  const h = date.getUTCHours();
  const ampm = h < 12 ? 'AM' : 'PM';
  const hour12 = h % 12 === 0 ? 12 : h % 12;
  return `${date.getUTCMonth() + 1}/${date.getUTCDate()}/${date.getUTCFullYear()} ${hour12}:${String(date.getUTCMinutes()).padStart(2, '0')} ${ampm}`;
}

function csvField(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function enRegister(dir: string, rows = 500, seed = 11): RegisterFixture {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const cats = categories('en');
  const header = [
    'Date received',
    'Caller',
    'Phone',
    'Unit',
    'Type',
    'Category',
    'Details',
    'Taken by',
    'Outcome',
    'Resolved on',
    'Satisfaction',
    'Internal ref',
  ];
  const lines = ['Sunshine Gardens call log 2024,,,,,,,,,,,', header.join(',')];
  const fixture: RegisterFixture = {
    path: join(dir, 'call-log-2024.csv'),
    dataRows: rows,
    rejected: [],
    badPhoneRows: [],
    unknownCategoryRows: [],
    typeCounts: {},
    resolved: 0,
  };
  for (let i = 0; i < rows; i++) {
    const r = 3 + i;
    const type = pick(TYPE_CODES);
    const received = wallDate(
      2024,
      1 + Math.floor(next() * 12),
      1 + Math.floor(next() * 28),
      8 + Math.floor(next() * 10),
      Math.floor(next() * 60),
    );
    const resolved = new Date(received.getTime() + (2 + Math.floor(next() * 100)) * 3_600_000);
    let receivedText = i % 4 === 0 ? received.toISOString().slice(0, 16).replace('T', ' ') : usText(received);
    let typeText: string = TYPES_EN[type];
    let details = `${pick(ISSUES_EN)}, ${pick(['please call back', 'second time reported', 'urgent', 'see photo'])}`;
    const resolvedText = next() < 0.85 ? usText(resolved) : '';
    let phone = String(13900000000 + Math.floor(next() * 99_999_999));
    const kind = i % 20;
    if (kind === 7 && i % 100 === 7) {
      receivedText = 'last spring';
      fixture.rejected.push({ row: r, column: 'Date received', reason: 'import.reject.receivedAt' });
    } else if (kind === 7 && i % 100 === 27) {
      receivedText = '13/45/2024 10:00';
      fixture.rejected.push({ row: r, column: 'Date received', reason: 'import.reject.receivedAt' });
    } else if (kind === 7 && i % 100 === 47) {
      typeText = 'Misc';
      fixture.rejected.push({ row: r, column: 'Type', reason: 'import.reject.type' });
    } else if (kind === 7 && i % 100 === 67) {
      details = '';
      fixture.rejected.push({ row: r, column: 'Details', reason: 'import.reject.description' });
    } else if (kind === 7 && i % 100 === 87) {
      receivedText = usText(wallDate(2099, 3, 3, 10, 0));
      fixture.rejected.push({ row: r, column: 'Date received', reason: 'import.reject.future' });
    } else {
      if (kind === 13) {
        phone = '1.39123E+10'; // Excel showed the number in scientific notation and saved that
        fixture.badPhoneRows.push(r);
      }
      fixture.typeCounts[type] = (fixture.typeCounts[type] ?? 0) + 1;
      if (resolvedText) fixture.resolved += 1;
    }
    lines.push(
      [
        receivedText,
        pick(NAMES_EN),
        phone,
        `Block ${1 + Math.floor(next() * 9)}, Flat ${100 + Math.floor(next() * 900)}`,
        typeText,
        pick(cats),
        details,
        pick(['Jane Zhao', 'Tom Qian']),
        resolvedText ? pick(['Fixed on site', 'Explained by phone', 'Refund issued']) : '',
        resolvedText,
        resolvedText && next() < 0.5 ? pick(['Very satisfied', 'Satisfied', 'Neutral', '2']) : '',
        `REF-${10000 + i}`,
      ]
        .map(csvField)
        .join(','),
    );
  }
  writeFileSync(fixture.path, `\uFEFF${lines.join('\r\n')}\r\n`);
  return fixture;
}
