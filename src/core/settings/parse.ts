/**
 * Generic parsing of ⚙ settings tables (SPEC §13): never throws; a bad key or row becomes a
 * SettingsIssue {sheet, row, reason} and the default is used for it.
 */

import type { MessageKey } from '../../i18n';
import type { CellValue, KeyedRow, SettingsIssue } from '../cells';
import { type Labels, type Message, type MessageParam, message } from '../message';
import { cellText } from './fields';

/** One key of a key/value table: its default, its parser, and the words for "what a valid value is". */
export interface SettingField<T> {
  fallback: T;
  /** `labels` reads values typed as labels in either language (yes/no). */
  parse: (cell: CellValue, labels: Labels) => T | null;
  /** What a valid value is, for the issue a bad one gets. */
  expected: Message;
  label: MessageKey;
  /**
   * Whether the default comes from the department's manuals (the seed line is cited beside it in the
   * code and in the README); the sheet's note says so in plain words.
   */
  fromManuals?: boolean;
  /** What the setting does, in plain words, when its label alone does not say it (the sheet's note). */
  note?: MessageKey;
}

export type FieldSpecs<S> = { [K in keyof S]: SettingField<S[K]> };

export interface Parsed<T> {
  value: T;
  issues: SettingsIssue[];
}

function display(value: unknown): string {
  return value instanceof Date ? value.toISOString() : String(value);
}

/** A default as the reader reads it: yes/no in their language, "empty" for nothing — never true/false. */
function shownDefault(value: unknown): MessageParam {
  if (typeof value === 'boolean') return message(value ? 'enum.yesNo.yes' : 'enum.yesNo.no');
  if (value === '') return message('settings.value.empty');
  return Array.isArray(value) ? value.join(', ') : display(value);
}

/** Parses rows of a key/value sheet (columns key, value) against field specs. */
export function parseKeyValue<S extends object>(
  rows: readonly KeyedRow[],
  specs: FieldSpecs<S>,
  sheet: MessageKey,
  labels: Labels,
): Parsed<S> {
  const value = {} as S;
  for (const key of Object.keys(specs) as (keyof S)[]) value[key] = specs[key].fallback;
  const issues: SettingsIssue[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const key = cellText(row.values.key);
    const cell = row.values.value ?? '';
    if (key === '') continue;
    if (!(key in specs)) {
      issues.push({ sheet, row: row.row, reason: message('settings.issue.unknownKey', { key }) });
      continue;
    }
    if (seen.has(key)) {
      const label = message(specs[key as keyof S].label);
      issues.push({ sheet, row: row.row, reason: message('settings.issue.duplicateKey', { key: label }) });
      continue;
    }
    seen.add(key);
    const spec = specs[key as keyof S];
    const parsed = spec.parse(cell, labels);
    if (parsed === null) {
      issues.push({
        sheet,
        row: row.row,
        reason: message('settings.issue.badValue', {
          // The setting's label in the reader's language, not its key (a code such as digestHour).
          key: message(spec.label),
          value: display(cell),
          expected: spec.expected,
          fallback: shownDefault(spec.fallback),
        }),
      });
    } else {
      value[key as keyof S] = parsed;
    }
  }
  return { value, issues };
}

/** A row parser's answer: the record, or why the row is refused. */
export type RowResult<T> = { ok: true; value: T; issues?: Message[] } | { ok: false; reason: Message };

/** Parses a row table; refused rows are reported and left out (their default is "not there"). */
export function parseRowTable<T>(
  rows: readonly KeyedRow[],
  sheet: MessageKey,
  parseRow: (row: KeyedRow) => RowResult<T> | null,
  identity: (value: T) => string,
): Parsed<T[]> {
  const value: T[] = [];
  const issues: SettingsIssue[] = [];
  const firstRowOf = new Map<string, number>();
  for (const row of rows) {
    const result = parseRow(row);
    if (result === null) continue; // a blank row
    if (!result.ok) {
      issues.push({ sheet, row: row.row, reason: result.reason });
      continue;
    }
    for (const reason of result.issues ?? []) issues.push({ sheet, row: row.row, reason });
    const id = identity(result.value);
    const first = firstRowOf.get(id);
    if (first !== undefined) {
      issues.push({ sheet, row: row.row, reason: message('settings.issue.duplicateRow', { first }) });
      continue;
    }
    firstRowOf.set(id, row.row);
    value.push(result.value);
  }
  return { value, issues };
}

/** True when every cell of the row is empty (people leave blank lines between groups). */
export function isBlankRow(row: KeyedRow): boolean {
  return Object.values(row.values).every((cell) => cellText(cell) === '');
}
