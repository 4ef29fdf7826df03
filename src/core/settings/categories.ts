/**
 * ⚙ Categories (SPEC §4 step 4): a two-level list, each entry routed to a department and optionally a
 * default assignee. Defaults fit a property / after-sales service desk.
 */

import type { KeyedRow } from '../cells';
import { type Labels, type Message, message } from '../message';
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

export function categoryLabel(category: string, subcategory: string): string {
  return subcategory === '' ? category : `${category} / ${subcategory}`;
}

/** The key under which category labels compare equal, however people spaced or cased them. */
export function categoryKey(label: string): string {
  return normalizeLabel(label);
}

export type CategoryId =
  | 'repair'
  | 'plumbing'
  | 'electrical'
  | 'doorsWindows'
  | 'lift'
  | 'facilities'
  | 'renovation'
  | 'serviceAttitude'
  | 'billing'
  | 'hygiene'
  | 'greenery'
  | 'fireSafety'
  | 'security'
  | 'parking'
  | 'noise'
  | 'other';

/**
 * The categories setup proposes (category, subcategory, department), worded by the job: a property
 * management desk's (issue 14: lifts, common facilities, renovation, greenery, fire safety, property
 * fees…), routed to engineering, environment, security, finance and the CS desk.
 */
export const DEFAULT_CATEGORIES: ReadonlyArray<[CategoryId, CategoryId | null, DepartmentId]> = [
  ['repair', 'plumbing', 'engineering'],
  ['repair', 'electrical', 'engineering'],
  ['repair', 'doorsWindows', 'engineering'],
  ['repair', 'lift', 'engineering'],
  ['repair', 'facilities', 'engineering'],
  ['renovation', null, 'engineering'],
  ['serviceAttitude', null, 'cs'],
  ['billing', null, 'finance'],
  ['hygiene', null, 'environment'],
  ['greenery', null, 'environment'],
  ['security', null, 'security'],
  ['fireSafety', null, 'security'],
  ['parking', null, 'security'],
  ['noise', null, 'security'],
  ['other', null, 'cs'],
];

export function parseCategories(rows: readonly KeyedRow[], labels: Labels): Parsed<CategorySetting[]> {
  const parseRow = (row: KeyedRow): RowResult<CategorySetting> | null => {
    if (isBlankRow(row)) return null;
    const category = cellText(row.values.category);
    const subcategory = cellText(row.values.subcategory);
    const department = cellText(row.values.department);
    if (category === '')
      return {
        ok: false,
        reason: message('settings.issue.missingField', { column: message('col.categories.category') }),
      };
    if (department === '')
      return {
        ok: false,
        reason: message('settings.issue.missingField', { column: message('col.categories.department') }),
      };
    // An empty Active cell means active: a new row someone adds should work without ticking a box.
    const active = cellText(row.values.active) === '' ? true : parseBool(row.values.active, labels);
    const issues: Message[] = [];
    if (active === null) {
      issues.push(
        message('settings.issue.badOptional', {
          column: message('col.categories.active'),
          value: cellText(row.values.active),
          expected: message('settings.expected.bool'),
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
  return parseRowTable(rows, 'sheet.categories', parseRow, (c) => categoryKey(c.label));
}
