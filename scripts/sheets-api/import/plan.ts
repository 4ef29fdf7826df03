/**
 * From a register's rows to staging rows: each data row's cells become the Import sheet's text (dates as
 * local wall time, enums as labels of the spreadsheet's language), then the add-on's own rules
 * (core/tickets/historic: planHistoricTicket, which runs intake's normalizeIntake) say whether it will
 * be imported, and with which review reasons — the same verdict the hourly import job reaches.
 */
import { createHash } from 'node:crypto';
import { parseLocalDateTime, zoneOf } from '../../../src/core/calendar';
import { enumCodeFromText, normalizeLabel } from '../../../src/core/text';
import {
  type HistoricRow,
  historicSatisfaction,
  historicType,
  planHistoricTicket,
} from '../../../src/core/tickets';
import { bothLanguages, enumLabel, type Lang, type MessageKey, t } from '../../../src/i18n';
import type { ImportRow } from '../../../src/workbook/schemas';
import { cellText, cellToWall, type DateOrder, endOfDayIfDateOnly, type SourceCell } from './cells';
import { IMPORT_FIELDS, type ImportField, type Mapping } from './mapping';
import type { SourceTable } from './read-file';

export type StagingRow = Omit<ImportRow, 'ticketId' | 'processedAt' | 'result'>;

export interface RowProblem {
  /** 1-based row in the file. */
  row: number;
  column: string;
  value: string;
  reason: string;
}

export interface ImportPlan {
  /** Rows to append, oldest first (so IDs follow time within a year). */
  rows: StagingRow[];
  rejected: RowProblem[];
  /** Rows that will be imported with Needs review (one entry per reason). */
  flagged: RowProblem[];
  /** Data rows read (not counting empty rows). */
  dataRows: number;
}

export interface PlanOptions {
  lang: Lang;
  timeZone: string;
  now: Date;
  dateOrder: DateOrder;
  categories: readonly string[];
  descriptionMaxLength: number;
}

const DATE_FIELDS: ReadonlySet<ImportField> = new Set(['receivedAt', 'resolveAt', 'callbackAt']);

const CHANNEL_WORDS: Record<string, 'phone' | 'walkIn' | 'email' | 'online' | 'letter'> = {
  来电: 'phone',
  电话投诉: 'phone',
  热线: 'phone',
  '400热线': 'phone',
  上门: 'walkIn',
  前台: 'walkIn',
  现场: 'walkIn',
  微信: 'online',
  app: 'online',
  网站: 'online',
  web: 'online',
  wechat: 'online',
  call: 'phone',
  visit: 'walkIn',
  信件: 'letter',
};

function labelOrRaw(lang: Lang, field: ImportField, raw: string): string {
  if (raw === '') return '';
  switch (field) {
    case 'type': {
      const code = historicType(bothLanguages, raw);
      return code ? enumLabel(lang, 'ticketType', code) : raw;
    }
    case 'channel': {
      const code =
        enumCodeFromText(bothLanguages, 'channel', raw) ?? CHANNEL_WORDS[normalizeLabel(raw)] ?? null;
      return code ? enumLabel(lang, 'channel', code) : raw;
    }
    case 'severity': {
      const code = enumCodeFromText(bothLanguages, 'severity', raw);
      return code ? enumLabel(lang, 'severity', code) : raw;
    }
    case 'satisfaction': {
      const score = historicSatisfaction(raw);
      return score === null ? raw : String(score);
    }
    default:
      return raw;
  }
}

function fieldText(cell: SourceCell, field: ImportField, order: DateOrder, lang: Lang): string {
  if (DATE_FIELDS.has(field)) {
    const wall = cellToWall(cell, order);
    if (wall === null) return cellText(cell);
    return field === 'receivedAt' ? wall : endOfDayIfDateOnly(cell, wall);
  }
  return labelOrRaw(lang, field, cellText(cell));
}

/** file + sheet + the row's cells, and which copy of identical rows it is: stable when rows are added. */
function fingerprintOf(table: SourceTable, cells: readonly string[], seen: Map<string, number>): string {
  const hash = createHash('sha256')
    .update(`${table.file}\u0000${table.sheet}\u0000${JSON.stringify(cells)}`)
    .digest('hex')
    .slice(0, 32);
  const copy = (seen.get(hash) ?? 0) + 1;
  seen.set(hash, copy);
  return `${hash}-${copy}`;
}

function render(lang: Lang, key: MessageKey, params: Record<string, string | number>): string {
  const shown: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params))
    shown[name] =
      typeof value === 'string' && value.startsWith('col.') ? t(lang, value as MessageKey) : value;
  return t(lang, key, shown);
}

const REVIEW_COLUMN: Partial<Record<MessageKey, ImportField>> = {
  'tickets.review.invalidPhone': 'phone',
  'tickets.review.invalidEmail': 'email',
  'tickets.review.noContact': 'phone',
  'tickets.review.unknownCategory': 'category',
  'import.review.status': 'status',
};

export function planImport(table: SourceTable, mapping: Mapping, options: PlanOptions): ImportPlan {
  const zone = zoneOf(options.timeZone);
  const context = {
    labels: bothLanguages,
    now: options.now,
    descriptionMaxLength: options.descriptionMaxLength,
    categories: options.categories,
    parseDateTime: (text: string) => {
      const instant = parseLocalDateTime(text, zone);
      return instant === null ? null : new Date(instant);
    },
  };
  const headerOf = (field: ImportField) =>
    mapping.columns.find((c) => c.field === field)?.header ??
    t(options.lang, `col.import.${field}` as MessageKey);
  const seen = new Map<string, number>();
  const planned: Array<{ row: StagingRow; at: number; index: number }> = [];
  const plan: ImportPlan = { rows: [], rejected: [], flagged: [], dataRows: 0 };
  for (let r = mapping.headerRow + 1; r <= table.grid.length; r++) {
    const line = table.grid[r - 1] ?? [];
    const texts = line.map(cellText);
    if (texts.every((text) => text === '')) continue;
    plan.dataRows += 1;
    const historic = {} as HistoricRow;
    for (const field of IMPORT_FIELDS) {
      const column = mapping.byField[field];
      historic[field] =
        column === undefined
          ? ''
          : fieldText(line[column - 1] ?? null, field, options.dateOrder, options.lang);
    }
    const verdict = planHistoricTicket(historic, context);
    if (verdict.kind === 'rejected') {
      plan.rejected.push({
        row: r,
        column: headerOf(verdict.column),
        value: verdict.value,
        reason: render(options.lang, verdict.reason.key, verdict.reason.params),
      });
      continue;
    }
    for (const reason of verdict.reviews) {
      const field = REVIEW_COLUMN[reason.key] ?? null;
      plan.flagged.push({
        row: r,
        column: field ? headerOf(field) : '',
        value: field ? historic[field] : '',
        reason: render(options.lang, reason.key, reason.params),
      });
    }
    planned.push({
      row: {
        fingerprint: fingerprintOf(table, texts, seen),
        source: `${table.file} · ${table.sheet} · ${r}`,
        ...historic,
      },
      at: verdict.fields.receivedAt.getTime(),
      index: planned.length,
    });
  }
  planned.sort((a, b) => a.at - b.at || a.index - b.index);
  plan.rows = planned.map((p) => p.row);
  return plan;
}
