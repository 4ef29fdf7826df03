/**
 * ⚙ Categories (SPEC §4 step 4): a two-level list, each entry routed to a department and optionally a
 * default assignee. Defaults fit a property / after-sales service desk.
 */

import { type Lang, type MessageKey, t } from '../../i18n';
import type { KeyedRow } from '../cells';
import { normalizeLabel } from '../text';
import { cellText, parseBool } from './fields';
import { isBlankRow, type Parsed, parseRowTable, type RowResult } from './parse';

export interface CategorySetting {
  category: string;
  subcategory: string;
  /** What tickets and forms show: "Repair / Plumbing", or the category alone. */
  label: string;
  department: string;
  defaultAssignee: string;
  active: boolean;
}

export type DepartmentId =
  | 'cs'
  | 'engineering'
  | 'environment'
  | 'security'
  | 'finance'
  | 'sales'
  | 'management';

export function departmentName(lang: Lang, id: DepartmentId): string {
  return t(lang, `settings.dept.${id}` as MessageKey);
}

export function categoryLabel(category: string, subcategory: string): string {
  return subcategory === '' ? category : `${category} / ${subcategory}`;
}

/** The key under which category labels compare equal, however people spaced or cased them. */
export function categoryKey(label: string): string {
  return normalizeLabel(label);
}

type CategoryId =
  | 'repair'
  | 'plumbing'
  | 'electrical'
  | 'doorsWindows'
  | 'serviceAttitude'
  | 'billing'
  | 'productQuality'
  | 'delivery'
  | 'hygiene'
  | 'security'
  | 'parking'
  | 'noise'
  | 'other';

const DEFAULTS: Array<[CategoryId, CategoryId | null, DepartmentId]> = [
  ['repair', 'plumbing', 'engineering'],
  ['repair', 'electrical', 'engineering'],
  ['repair', 'doorsWindows', 'engineering'],
  ['serviceAttitude', null, 'cs'],
  ['billing', null, 'finance'],
  ['productQuality', null, 'engineering'],
  ['delivery', null, 'sales'],
  ['hygiene', null, 'environment'],
  ['security', null, 'security'],
  ['parking', null, 'security'],
  ['noise', null, 'security'],
  ['other', null, 'cs'],
];

export interface CategoryRecord {
  category: string;
  subcategory: string;
  department: string;
  defaultAssignee: string;
  active: boolean;
}

export function defaultCategoryRows(lang: Lang): CategoryRecord[] {
  const name = (id: CategoryId) => t(lang, `settings.category.${id}` as MessageKey);
  return DEFAULTS.map(([category, subcategory, department]) => ({
    category: name(category),
    subcategory: subcategory ? name(subcategory) : '',
    department: departmentName(lang, department),
    defaultAssignee: '',
    active: true,
  }));
}

export function parseCategories(rows: readonly KeyedRow[], lang: Lang): Parsed<CategorySetting[]> {
  const sheet = t(lang, 'sheet.categories');
  const parseRow = (row: KeyedRow): RowResult<CategorySetting> | null => {
    if (isBlankRow(row)) return null;
    const category = cellText(row.values.category);
    const subcategory = cellText(row.values.subcategory);
    const department = cellText(row.values.department);
    if (category === '')
      return {
        ok: false,
        reason: t(lang, 'settings.issue.missingField', { column: t(lang, 'col.categories.category') }),
      };
    if (department === '')
      return {
        ok: false,
        reason: t(lang, 'settings.issue.missingField', { column: t(lang, 'col.categories.department') }),
      };
    // An empty Active cell means active: a new row someone adds should work without ticking a box.
    const active = cellText(row.values.active) === '' ? true : parseBool(row.values.active);
    const issues: string[] = [];
    if (active === null) {
      issues.push(
        t(lang, 'settings.issue.badOptional', {
          column: t(lang, 'col.categories.active'),
          value: cellText(row.values.active),
          expected: t(lang, 'settings.expected.bool'),
        }),
      );
    }
    return {
      ok: true,
      value: {
        category,
        subcategory,
        label: categoryLabel(category, subcategory),
        department,
        defaultAssignee: cellText(row.values.defaultAssignee),
        active: active ?? true,
      },
      issues,
    };
  };
  return parseRowTable(rows, sheet, parseRow, (c) => categoryKey(c.label), lang);
}
