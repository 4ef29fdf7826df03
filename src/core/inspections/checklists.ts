/**
 * ⚙ Checklists (SPEC §9): inspection templates → sections → items. One row per item; the template's own
 * row (Section and Item left empty) holds what applies to the whole template: version, pass mark, the
 * item pass line, whether one failed item fails the inspection, grade bands, and the consequence of the
 * 1st, 2nd and 3rd consecutive failed inspection. Parsed rows become a rubric of core/scoring.
 */

import type { MessageKey } from '../../i18n';
import type { CellValue, KeyedRow, SettingsIssue } from '../cells';
import type { InspectionAnswerKind } from '../enums';
import { type Labels, type Message, message } from '../message';
import { cellText, parseBool } from '../settings/fields';
import { isBlankRow } from '../settings/parse';
import { enumCodeFromText, normalizeLabel } from '../text';

export interface ChecklistItem {
  /** Stable within the template (section + item, normalized): answers and repeat findings key on it. */
  key: string;
  section: string;
  item: string;
  kind: InspectionAnswerKind;
  /** Highest score of a `score` item (0–max); 1 for pass/fail and pass-rate items. */
  max: number;
  weight: number;
  critical: boolean;
  /** Working days the area owner has to put a failed item right. */
  rectifyDays: number;
}

/** A grade band typed by the manager: the label shows on the row when the score reaches `min`. */
export interface ChecklistGrade {
  label: string;
  min: number;
}

export interface ChecklistTemplate {
  name: string;
  version: number;
  /** Overall score % an inspection needs to pass. */
  passMark: number;
  /** An item scoring below this % of its maximum is a failed item (it gets a rectification ticket). */
  itemPassPercent: number;
  /** Whether one failed item fails the whole inspection (completion inspection, seed 000 L833). */
  anyItemFails: boolean;
  /** Bands above the pass mark, highest first; empty = the grade is just Pass / Fail. */
  grades: ChecklistGrade[];
  /** Consequence text of the 1st, 2nd and 3rd (and later) consecutive failed inspection. */
  consequences: [string, string, string];
  items: ChecklistItem[];
  /** Sheet row of the template's own row (0 when the template has none and runs on defaults). */
  row: number;
}

export interface ParsedChecklists {
  templates: ChecklistTemplate[];
  issues: SettingsIssue[];
}

export const DEFAULT_PASS_MARK = 90;
export const DEFAULT_ITEM_PASS_PERCENT = 85;
export const DEFAULT_RECTIFY_DAYS = 3;

export function itemKey(section: string, item: string): string {
  return `${normalizeLabel(section)}/${normalizeLabel(item)}`;
}

export function templateKey(name: string): string {
  return normalizeLabel(name);
}

function number(cell: CellValue | undefined, min: number, max: number): number | null {
  const text = cellText(cell).replace(/%$/, '');
  if (text === '') return null;
  const value = typeof cell === 'number' ? cell : Number(text);
  return Number.isFinite(value) && value >= min && value <= max ? value : null;
}

/**
 * "优秀 95; 良好 90; 合格 85" / "Excellent 95, Good 90, Pass 85": label then lower bound, any separator.
 * Returns null when a part cannot be read.
 */
export function parseGrades(text: string): ChecklistGrade[] | null {
  if (text.trim() === '') return [];
  const grades: ChecklistGrade[] = [];
  for (const part of text.split(/[;；,，、\n]+/)) {
    if (part.trim() === '') continue;
    const match = /^(.*?)\s*(?:≥|>=)?\s*(\d+(?:\.\d+)?)\s*%?$/.exec(part.trim());
    if (!match || match[1].trim() === '') return null;
    const min = Number(match[2]);
    if (min < 0 || min > 100) return null;
    grades.push({ label: match[1].trim(), min });
  }
  return grades.sort((a, b) => b.min - a.min);
}

interface Draft {
  template: ChecklistTemplate;
  seen: Map<string, number>;
}

/** Parses ⚙ Checklists. Bad rows are reported (sheet, row, reason) and left out; never throws. */
export function parseChecklists(rows: readonly KeyedRow[], labels: Labels): ParsedChecklists {
  const sheet = 'sheet.checklists';
  const issues: SettingsIssue[] = [];
  const issue = (row: number, reason: Message) => issues.push({ sheet, row, reason });
  const column = (key: string) => message(`col.checklists.${key}` as MessageKey);
  const bad = (row: number, key: string, value: string, expected: Message) =>
    issue(row, message('settings.issue.badField', { column: column(key), value, expected }));
  const drafts = new Map<string, Draft>();
  const order: string[] = [];
  const draftOf = (name: string): Draft => {
    const key = templateKey(name);
    let draft = drafts.get(key);
    if (!draft) {
      draft = {
        template: {
          name,
          version: 1,
          passMark: DEFAULT_PASS_MARK,
          itemPassPercent: DEFAULT_ITEM_PASS_PERCENT,
          anyItemFails: false,
          grades: [],
          consequences: ['', '', ''],
          items: [],
          row: 0,
        },
        seen: new Map(),
      };
      drafts.set(key, draft);
      order.push(key);
    }
    return draft;
  };

  for (const row of rows) {
    if (isBlankRow(row)) continue;
    const v = row.values;
    const name = cellText(v.template);
    if (name === '') {
      issue(row.row, message('settings.issue.missingField', { column: column('template') }));
      continue;
    }
    const active = cellText(v.active) === '' ? true : parseBool(v.active, labels);
    if (active === false) continue;
    const draft = draftOf(name);
    const section = cellText(v.section);
    const item = cellText(v.item);
    if (section === '' && item === '') {
      const template = draft.template;
      if (template.row !== 0) {
        issue(row.row, message('settings.issue.duplicateRow', { first: template.row }));
        continue;
      }
      template.row = row.row;
      const version = number(v.version, 1, 10_000);
      if (cellText(v.version) !== '' && (version === null || !Number.isInteger(version)))
        bad(
          row.row,
          'version',
          cellText(v.version),
          message('settings.expected.integer', { min: 1, max: 10000 }),
        );
      else if (version !== null) template.version = version;
      const passMark = number(v.passMark, 0, 100);
      if (cellText(v.passMark) !== '' && passMark === null)
        bad(row.row, 'passMark', cellText(v.passMark), message('inspections.expected.percent'));
      else if (passMark !== null) template.passMark = passMark;
      const itemPass = number(v.itemPassPercent, 0, 100);
      if (cellText(v.itemPassPercent) !== '' && itemPass === null)
        bad(row.row, 'itemPassPercent', cellText(v.itemPassPercent), message('inspections.expected.percent'));
      else if (itemPass !== null) template.itemPassPercent = itemPass;
      const anyItemFails = cellText(v.anyItemFails) === '' ? false : parseBool(v.anyItemFails, labels);
      if (anyItemFails === null)
        bad(row.row, 'anyItemFails', cellText(v.anyItemFails), message('settings.expected.bool'));
      else template.anyItemFails = anyItemFails;
      const grades = parseGrades(cellText(v.grades));
      if (grades === null) bad(row.row, 'grades', cellText(v.grades), message('inspections.expected.grades'));
      else template.grades = grades;
      template.consequences = [cellText(v.fault1), cellText(v.fault2), cellText(v.fault3)];
      continue;
    }
    if (section === '' || item === '') {
      issue(
        row.row,
        message('settings.issue.missingField', { column: column(section === '' ? 'section' : 'item') }),
      );
      continue;
    }
    const kindText = cellText(v.answerKind);
    const kind = kindText === '' ? 'passFail' : enumCodeFromText(labels, 'inspectionAnswerKind', kindText);
    if (kind === null) {
      bad(row.row, 'answerKind', kindText, message('inspections.expected.answerKind'));
      continue;
    }
    const max = kind === 'score' ? number(v.max, 1, 1000) : 1;
    if (max === null) {
      bad(row.row, 'max', cellText(v.max), message('settings.expected.integer', { min: 1, max: 1000 }));
      continue;
    }
    const weight = cellText(v.weight) === '' ? 1 : number(v.weight, 0, 1000);
    if (weight === null) {
      bad(row.row, 'weight', cellText(v.weight), message('settings.expected.integer', { min: 0, max: 1000 }));
      continue;
    }
    const critical = cellText(v.critical) === '' ? false : parseBool(v.critical, labels);
    if (critical === null) {
      bad(row.row, 'critical', cellText(v.critical), message('settings.expected.bool'));
      continue;
    }
    const days = cellText(v.rectifyDays) === '' ? DEFAULT_RECTIFY_DAYS : number(v.rectifyDays, 1, 365);
    if (days === null || !Number.isInteger(days)) {
      bad(
        row.row,
        'rectifyDays',
        cellText(v.rectifyDays),
        message('settings.expected.integer', { min: 1, max: 365 }),
      );
      continue;
    }
    const key = itemKey(section, item);
    const first = draft.seen.get(key);
    if (first !== undefined) {
      issue(row.row, message('settings.issue.duplicateRow', { first }));
      continue;
    }
    draft.seen.set(key, row.row);
    draft.template.items.push({ key, section, item, kind, max, weight, critical, rectifyDays: days });
  }

  const templates: ChecklistTemplate[] = [];
  for (const key of order) {
    const { template } = drafts.get(key) as Draft;
    if (template.items.length === 0) {
      issue(template.row, message('inspections.issue.noItems', { template: template.name }));
      continue;
    }
    if (template.grades.some((grade) => grade.min < template.passMark))
      issue(template.row, message('inspections.issue.gradeBelowPass', { template: template.name }));
    templates.push(template);
  }
  return { templates, issues };
}

/** The sections of a template in the order their first item appears. */
export function sectionsOf(template: ChecklistTemplate): Array<{ name: string; items: ChecklistItem[] }> {
  const sections: Array<{ name: string; items: ChecklistItem[] }> = [];
  for (const item of template.items) {
    let section = sections.find((s) => s.name === item.section);
    if (!section) {
      section = { name: item.section, items: [] };
      sections.push(section);
    }
    section.items.push(item);
  }
  return sections;
}

export function findTemplate(
  templates: readonly ChecklistTemplate[],
  name: string,
): ChecklistTemplate | null {
  return templates.find((template) => templateKey(template.name) === templateKey(name)) ?? null;
}
