/**
 * ⚙ Targets (SPEC §10, §13): the KPI targets of the weekly and monthly reports, and how reports bucket
 * and cut their lists. A key/value table like ⚙ General; a bad value is reported and its default used.
 * The five targets are the Customer Service Center's quality targets, seed 003 L359–360 (2.1.1–2.1.5).
 */
import type { MessageKey } from '../../i18n';
import type { CellValue, KeyedRow } from '../cells';
import { type Labels, message } from '../message';
import { cellText, parseInteger } from './fields';
import { type FieldSpecs, type Parsed, parseKeyValue, type SettingField } from './parse';

export interface ReportTargets {
  /** Minimum share (in %) of complaints resolved by their deadline. */
  complaintTimeliness: number;
  repairTimeliness: number;
  /** Minimum share (in %) of due callbacks that were done. */
  callbackRate: number;
  /** Maximum share (in %) of resolved tickets that had to be reopened. */
  reworkRate: number;
  /** Minimum share (in %) of rated callbacks scoring 4 or 5. */
  satisfactionRate: number;
  /** Upper bounds, in calendar days, of the backlog age buckets (ascending). */
  backlogAgeDays: number[];
  /** The report email shows this many rows of each long list (overdue, Major complaints…); the sheet lists all. */
  listLimit: number;
}

/** 85, '85', '85%' or a percent-formatted 0.85 → 85; null outside 0 … 100. */
export function parsePercentTarget(cell: CellValue): number | null {
  let value: number;
  if (typeof cell === 'number') value = cell > 0 && cell < 1 ? cell * 100 : cell;
  else {
    const text = cellText(cell).replace(/\s*[%％]$/, '');
    if (text === '') return null;
    value = Number(text);
  }
  return Number.isFinite(value) && value >= 0 && value <= 100 ? value : null;
}

/** '1, 3, 7, 14' → [1, 3, 7, 14]: ascending whole days, 1 to 5 bounds. */
export function parseDayBounds(cell: CellValue): number[] | null {
  const parts = cellText(cell)
    .split(/[,，;；\s]+/)
    .filter((part) => part !== '');
  const days = parts.map(Number);
  if (days.length === 0 || days.length > 5) return null;
  const ascending = days.every(
    (day, i) => Number.isInteger(day) && day > 0 && (i === 0 || day > days[i - 1]),
  );
  return ascending ? days : null;
}

function percent(fallback: number, label: MessageKey, fromManuals: boolean): SettingField<number> {
  return {
    fallback,
    parse: parsePercentTarget,
    expected: message('reports.expected.percent'),
    label,
    fromManuals,
  };
}

export function targetFields(): FieldSpecs<ReportTargets> {
  return {
    complaintTimeliness: percent(100, 'reports.targets.complaintTimeliness', true), // seed 003 L359 2.1.1
    repairTimeliness: percent(100, 'reports.targets.repairTimeliness', true), // seed 003 L359 2.1.2
    callbackRate: percent(85, 'reports.targets.callbackRate', true), // seed 003 L359 2.1.3
    reworkRate: percent(1, 'reports.targets.reworkRate', true), // seed 003 L359–360 2.1.4
    satisfactionRate: percent(90, 'reports.targets.satisfactionRate', true), // seed 003 L359–360 2.1.5
    backlogAgeDays: {
      fallback: [1, 3, 7, 14],
      parse: parseDayBounds,
      expected: message('reports.expected.dayBounds'),
      label: 'reports.targets.backlogAgeDays',
    },
    listLimit: {
      fallback: 10,
      parse: (cell) => parseInteger(cell, 5, 100),
      expected: message('settings.expected.integer', { min: 5, max: 100 }),
      label: 'reports.targets.listLimit',
    },
  };
}

export function parseTargets(rows: readonly KeyedRow[], labels: Labels): Parsed<ReportTargets> {
  return parseKeyValue(rows, targetFields(), 'sheet.targets', labels);
}

export function defaultTargets(): ReportTargets {
  return parseKeyValue<ReportTargets>([], targetFields(), 'sheet.targets', () => []).value;
}
