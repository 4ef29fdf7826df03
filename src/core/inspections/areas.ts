/**
 * ⚙ Areas (SPEC §9): what is inspected, with which templates, how often, who answers for it (the owner:
 * rectification tickets and faults go to them) and who inspects it. A daily check is due on working days
 * unless the area is marked 7-day (seed 003 L367: "每日至少一次"); weekly ≥ 1 a week (L369).
 */

import type { MessageKey } from '../../i18n';
import type { KeyedRow, SettingsIssue } from '../cells';
import type { InspectionFrequency } from '../enums';
import { type Labels, type Message, message } from '../message';
import { cellText, parseBool } from '../settings/fields';
import { isBlankRow } from '../settings/parse';
import { enumCodeFromText, normalizeLabel } from '../text';
import { type ChecklistTemplate, findTemplate, templateKey } from './checklists';

export interface AreaSetting {
  area: string;
  /** Template names as in ⚙ Checklists (the parser keeps only those that exist). */
  templates: string[];
  frequency: InspectionFrequency;
  sevenDay: boolean;
  owner: string;
  department: string;
  inspector: string;
  /** Ticket category whose complaints point at this area (the blind-spot check); '' = none. */
  linkedCategory: string;
  row: number;
}

export function areaKey(area: string): string {
  return normalizeLabel(area);
}

/** The key of one schedule: an area inspected with one template. */
export function scheduleKey(area: string, template: string): string {
  return `${areaKey(area)}|${templateKey(template)}`;
}

export function parseAreas(
  rows: readonly KeyedRow[],
  templates: readonly ChecklistTemplate[],
  labels: Labels,
): { areas: AreaSetting[]; issues: SettingsIssue[] } {
  const sheet = 'sheet.areas';
  const issues: SettingsIssue[] = [];
  const column = (key: string) => message(`col.areas.${key}` as MessageKey);
  const areas: AreaSetting[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    if (isBlankRow(row)) continue;
    const v = row.values;
    const issue = (reason: Message) => issues.push({ sheet, row: row.row, reason });
    const area = cellText(v.area);
    if (area === '') {
      issue(message('settings.issue.missingField', { column: column('area') }));
      continue;
    }
    const active = cellText(v.active) === '' ? true : parseBool(v.active, labels);
    if (active === false) continue;
    const frequencyText = cellText(v.frequency);
    const frequency =
      frequencyText === '' ? 'daily' : enumCodeFromText(labels, 'inspectionFrequency', frequencyText);
    if (frequency === null) {
      issue(
        message('settings.issue.badField', {
          column: column('frequency'),
          value: frequencyText,
          expected: message('inspections.expected.frequency'),
        }),
      );
      continue;
    }
    const names: string[] = [];
    for (const name of cellText(v.templates).split(/[;；,，、\n]+/)) {
      if (name.trim() === '') continue;
      const template = findTemplate(templates, name.trim());
      if (template) names.push(template.name);
      else issue(message('inspections.issue.unknownTemplate', { template: name.trim() }));
    }
    if (names.length === 0) {
      issue(message('settings.issue.missingField', { column: column('templates') }));
      continue;
    }
    const owner = cellText(v.owner);
    if (owner === '') {
      issue(message('settings.issue.missingField', { column: column('owner') }));
      continue;
    }
    const sevenDay = cellText(v.sevenDay) === '' ? false : parseBool(v.sevenDay, labels);
    if (sevenDay === null)
      issue(
        message('settings.issue.badOptional', {
          column: column('sevenDay'),
          value: cellText(v.sevenDay),
          expected: message('settings.expected.bool'),
        }),
      );
    let duplicate = false;
    for (const name of names) {
      const key = scheduleKey(area, name);
      const first = seen.get(key);
      if (first !== undefined) {
        issue(message('settings.issue.duplicateRow', { first }));
        duplicate = true;
      } else seen.set(key, row.row);
    }
    if (duplicate) continue;
    areas.push({
      area,
      templates: names,
      frequency,
      sevenDay: sevenDay ?? false,
      owner,
      department: cellText(v.department),
      inspector: cellText(v.inspector),
      linkedCategory: cellText(v.linkedCategory),
      row: row.row,
    });
  }
  return { areas, issues };
}
