/**
 * Which register column feeds which ticket field. A header matches by the add-on's own table layer first
 * (the Tickets and Import column labels in either language, or the column key: exactly what the add-on
 * accepts in its sheets), then by the words historic Excel registers use (来电时间, 业主姓名, 处理情况…),
 * then `--map` overrides. The header row is found in the first 10 rows; a header merged over a group
 * (客户信息 → 姓名 / 电话) is read with its group's words too (回访 + 时间 = 回访时间).
 */
import type { CellValue } from '../../../src/core/cells';
import { normalizeLabel } from '../../../src/core/text';
import type { HistoricRow } from '../../../src/core/tickets';
import { buildHeaderMap } from '../../../src/workbook/header-map';
import { IMPORT, TICKETS } from '../../../src/workbook/schemas';
import { cellText, type SourceCell } from './cells';
import type { SourceTable } from './read-file';

export type ImportField = keyof HistoricRow;

export const IMPORT_FIELDS: readonly ImportField[] = [
  'receivedAt',
  'channel',
  'type',
  'category',
  'severity',
  'customer',
  'phone',
  'email',
  'address',
  'orderNo',
  'description',
  'personComplained',
  'receivedBy',
  'department',
  'assignee',
  'status',
  'resolution',
  'resolveAt',
  'callbackAt',
  'satisfaction',
];

/** Words of historic registers beyond the add-on's own labels (compared normalized). */
const REGISTER_WORDS: Record<ImportField, readonly string[]> = {
  receivedAt: [
    '来电时间',
    '来访时间',
    '来电来访时间',
    '登记时间',
    '登记日期',
    '投诉时间',
    '投诉日期',
    '报修时间',
    '日期',
    '时间',
    '来电日期',
    '接报时间',
    'date',
    'datereceived',
    'received',
    'receivedon',
    'calltime',
    'logged',
  ],
  channel: ['来电方式', '来访方式', '方式', '渠道', '来源', '投诉方式', 'source', 'via'],
  type: ['来电类型', '事项类型', '类型', '性质', '事件类型', 'tickettype', 'kind'],
  category: ['问题类别', '投诉类别', '分类', '问题分类', '类别', '事项', 'issuecategory', 'topic'],
  severity: ['紧急程度', '级别', '重要程度', '等级', 'priority', 'level'],
  customer: [
    '业主姓名',
    '客户',
    '姓名',
    '投诉人',
    '来电人',
    '来访人',
    '报修人',
    '联系人',
    'name',
    'customername',
    'caller',
  ],
  phone: [
    '电话',
    '手机',
    '手机号',
    '手机号码',
    '来电号码',
    '联系方式',
    '电话号码',
    'tel',
    'telephone',
    'mobile',
    'contactnumber',
  ],
  email: ['邮箱', '电子邮件', 'e-mail', 'mail'],
  address: ['地址', '房号', '住址', '楼栋房号', '业主房号', '房屋编号', '单元', 'unit', 'room', 'flat'],
  orderNo: ['合同号', '订单号', '合同编号', 'orderno', 'contractno', 'order'],
  description: [
    '内容',
    '来电内容',
    '来访内容',
    '投诉内容',
    '报修内容',
    '事由',
    '问题描述',
    '情况描述',
    '详细内容',
    'details',
    'issue',
    'summary',
    'content',
  ],
  personComplained: ['被投诉人员', '被投诉对象', 'complainedabout'],
  receivedBy: ['接听人', '受理人', '登记人', '接待人', '记录人', '接报人', 'takenby', 'loggedby', 'receiver'],
  department: ['处理部门', '责任单位', '部门', 'dept'],
  assignee: ['责任人', '跟进人', '经办人', '维修人', 'handler', 'assignedto', 'owner'],
  status: ['处理状态', '完成情况', '状态', 'state'],
  resolution: [
    '处理情况',
    '处理意见',
    '处理结果',
    '处理措施',
    '解决方案',
    'outcome',
    'action',
    'actiontaken',
  ],
  resolveAt: [
    '完成时间',
    '处理完成时间',
    '解决时间',
    '办结时间',
    '结案时间',
    '完成日期',
    'resolvedon',
    'closedon',
    'completed',
    'resolveddate',
  ],
  callbackAt: ['回访时间', '回访日期', 'callbackdate', 'calledbackon', 'followupdate'],
  satisfaction: ['满意度', '回访满意度', '回访结果', '客户评价', 'rating', 'satisfactionscore'],
};

const WORD_INDEX = new Map<string, ImportField>();
for (const field of IMPORT_FIELDS)
  for (const word of REGISTER_WORDS[field]) WORD_INDEX.set(normalizeLabel(word), field);

const SOURCE_FIELDS: ReadonlySet<string> = new Set(IMPORT_FIELDS);

/** Overrides from `--map`: header text → field, or null to leave a column out. */
export type MapOverrides = Record<string, ImportField | null>;

/** Drops what registers add around a header: '*', '（必填）', ':' and spaces. */
function bare(text: string): string {
  return normalizeLabel(text)
    .replace(/[（(][^）)]*[)）]/g, '')
    .replace(/[*:：#]/g, '');
}

/** The field a header names, or null. */
export function fieldOfHeader(text: string, overrides: MapOverrides = {}): ImportField | null | undefined {
  const normalized = normalizeLabel(text);
  for (const [header, field] of Object.entries(overrides))
    if (normalizeLabel(header) === normalized) return field;
  if (normalized === '') return undefined;
  for (const schema of [IMPORT, TICKETS]) {
    for (const candidate of [text, bare(text)]) {
      const key = Object.keys(buildHeaderMap(schema, [candidate as CellValue]).columns)[0];
      if (key !== undefined && SOURCE_FIELDS.has(key)) return key as ImportField;
    }
  }
  return WORD_INDEX.get(bare(text)) ?? undefined;
}

export interface ColumnMapping {
  /** 1-based column in the file. */
  column: number;
  header: string;
  field: ImportField | null;
  /** Why a column is left out: 'unknown' header, 'duplicate' of an earlier column, or 'excluded' by --map. */
  skipped?: 'unknown' | 'duplicate' | 'excluded';
}

export interface Mapping {
  /** 1-based row of the header (the lower row of a two-row header). */
  headerRow: number;
  columns: ColumnMapping[];
  byField: Partial<Record<ImportField, number>>;
}

export class MappingError extends Error {}

const HEADER_SEARCH_ROWS = 10;
const MIN_HEADER_MATCHES = 3;

function text(cell: SourceCell | undefined): string {
  return cell === undefined ? '' : cellText(cell);
}

/** The header of each column: its own cell, read with the group header above when that is merged over it. */
function headerCandidates(table: SourceTable, row: number, column: number): string[] {
  const own = text(table.grid[row - 1]?.[column - 1]);
  const above = row > 1 ? text(table.grid[row - 2]?.[column - 1]) : '';
  const groupAbove = table.merges.some(
    (m) =>
      m.top === row - 1 && m.bottom === row - 1 && m.left <= column && m.right >= column && m.right > m.left,
  );
  const out: string[] = [];
  if (groupAbove && above !== '' && above !== own) out.push(above + own);
  out.push(own);
  if (own === '' && above !== '') out.push(above);
  return out;
}

function mapRow(table: SourceTable, row: number, overrides: MapOverrides): Mapping {
  const width = Math.max(0, ...table.grid.slice(Math.max(0, row - 2), row).map((line) => line.length));
  const columns: ColumnMapping[] = [];
  const byField: Partial<Record<ImportField, number>> = {};
  for (let column = 1; column <= width; column++) {
    const candidates = headerCandidates(table, row, column);
    const header =
      candidates[candidates.length - 1] === '' ? candidates[0] : (candidates.find((c) => c !== '') ?? '');
    let field: ImportField | null | undefined;
    let shown = header;
    for (const candidate of candidates) {
      field = fieldOfHeader(candidate, overrides);
      if (field !== undefined) {
        shown = candidate;
        break;
      }
    }
    if (shown === '' && field === undefined) continue;
    if (field === null) columns.push({ column, header: shown, field: null, skipped: 'excluded' });
    else if (field === undefined) columns.push({ column, header: shown, field: null, skipped: 'unknown' });
    else if (byField[field] !== undefined)
      columns.push({ column, header: shown, field: null, skipped: 'duplicate' });
    else {
      byField[field] = column;
      columns.push({ column, header: shown, field });
    }
  }
  return { headerRow: row, columns, byField };
}

/** The row of the first 10 whose cells name the most fields (ties: the earlier row). */
export function detectMapping(table: SourceTable, overrides: MapOverrides = {}): Mapping {
  let best: Mapping | null = null;
  const rows = Math.min(HEADER_SEARCH_ROWS, table.grid.length);
  for (let row = 1; row <= rows; row++) {
    const mapping = mapRow(table, row, overrides);
    const matched = Object.keys(mapping.byField).length;
    if (matched >= MIN_HEADER_MATCHES && (!best || matched > Object.keys(best.byField).length))
      best = mapping;
  }
  if (!best)
    throw new MappingError(
      `${table.file}: no header row in the first ${HEADER_SEARCH_ROWS} rows names at least ${MIN_HEADER_MATCHES} known columns (e.g. 受理时间 / Received at, 类型 / Type, 问题描述 / Description); name the columns with --map`,
    );
  const missing = (['receivedAt', 'type', 'description'] as const).filter(
    (f) => best.byField[f] === undefined,
  );
  if (missing.length > 0)
    throw new MappingError(
      `${table.file}: no column for ${missing.join(', ')} (found: ${Object.keys(best.byField).join(', ')}); name it with --map`,
    );
  return best;
}
