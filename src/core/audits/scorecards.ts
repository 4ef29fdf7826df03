/**
 * ⚙ Scorecards (SPEC §8.1): one row per item, grouped by scorecard and section, parsed into rubrics for
 * core/scoring. Versions: a scorecard's fingerprint (its items as scored) is compared with the one its
 * current version was made from; a change makes the next version (jobs/audits keeps the register).
 */
import type { CellValue, KeyedRow } from '../cells';
import type { EnumCode } from '../enums';
import type { Labels } from '../message';
import type { Rubric, RubricItem } from '../scoring';
import { cellText, parseBool } from '../settings/fields';
import { isBlankRow } from '../settings/parse';
import { enumCodeFromText } from '../text';

export interface ScorecardItem extends RubricItem {
  section: string;
  /** The item's text as the manager wrote it (the form question and the Audit items row show it). */
  text: string;
}

export interface Scorecard {
  name: string;
  /** The version in ⚙ Scorecards (0 when the system has not numbered it yet). */
  version: number;
  criticalScope: EnumCode<'criticalScope'>;
  rootCauses: string[];
  items: ScorecardItem[];
  rubric: Rubric;
  /** Changes when anything that affects scoring or the form changes. */
  fingerprint: string;
  /** 1-based sheet rows of the scorecard's items (where setup writes the version). */
  rows: number[];
}

/** A refused or doubtful row, as a message key the job renders with the sheet name. */
export interface ScorecardIssue {
  row: number;
  key:
    | 'settings.issue.missingField'
    | 'scorecards.issue.badNumber'
    | 'scorecards.issue.noItems'
    | 'scorecards.issue.duplicateItem';
  params: Record<string, string | number>;
  /** For missingField / badNumber: the column key whose label the job puts in `column`. */
  column?: string;
}

/** The rubric of a scorecard's items, sections in the order they first appear. */
export function rubricOf(items: readonly ScorecardItem[], criticalScope: EnumCode<'criticalScope'>): Rubric {
  const sections: Array<{ key: string; items: RubricItem[] }> = [];
  const bySection = new Map<string, RubricItem[]>();
  for (const item of items) {
    const list = bySection.get(item.section);
    if (list) list.push(item);
    else {
      const fresh = [item];
      bySection.set(item.section, fresh);
      sections.push({ key: item.section, items: fresh });
    }
  }
  return { criticalScope: criticalScope === 'section' ? 'section' : 'rubric', sections };
}

function number(cell: CellValue | undefined): number | null {
  if (typeof cell === 'number') return cell;
  const text = cellText(cell);
  if (text === '') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/** The item key: unique within a scorecard, stable while section and text stay. */
export function itemKey(section: string, text: string): string {
  return `${section}\u0000${text}`;
}

/** Root causes typed as "a, b; c" or one per line, in either comma. */
export function splitList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,，;；、\n]/)
        .map((part) => part.trim())
        .filter((part) => part !== ''),
    ),
  ];
}

/** What a version is made of, as text: two scorecards with the same fingerprint ask and score alike. */
export function scorecardFingerprint(
  card: Omit<Scorecard, 'fingerprint' | 'rubric' | 'version' | 'rows'>,
): string {
  return JSON.stringify([
    card.criticalScope,
    card.rootCauses,
    card.items.map((i) => [i.section, i.text, i.kind, i.answerKind, i.max, i.weight, i.allowNa]),
  ]);
}

/** `labels` reads the choices (kind, answer, scope, yes/no) typed in either language. */
export function parseScorecards(
  rows: readonly KeyedRow[],
  labels: Labels,
): {
  scorecards: Scorecard[];
  issues: ScorecardIssue[];
} {
  const issues: ScorecardIssue[] = [];
  const byName = new Map<
    string,
    {
      version: number;
      scope: EnumCode<'criticalScope'> | null;
      causes: string[] | null;
      items: ScorecardItem[];
      rows: number[];
      firstRow: number;
    }
  >();
  const missing = (row: number, column: string) =>
    issues.push({ row, key: 'settings.issue.missingField', params: {}, column });
  const bad = (row: number, column: string, value: string, expected: string) =>
    issues.push({ row, key: 'scorecards.issue.badNumber', params: { value, expected }, column });

  for (const row of rows) {
    if (isBlankRow(row)) continue;
    const v = row.values;
    const name = cellText(v.scorecard);
    const section = cellText(v.section);
    const text = cellText(v.item);
    if (name === '') {
      missing(row.row, 'scorecard');
      continue;
    }
    const card = byName.get(name) ?? {
      version: 0,
      scope: null,
      causes: null,
      items: [],
      rows: [],
      firstRow: row.row,
    };
    byName.set(name, card);
    const version = number(v.version);
    if (version !== null && Number.isInteger(version) && version > card.version) card.version = version;
    const scope = enumCodeFromText(labels, 'criticalScope', cellText(v.criticalScope));
    if (card.scope === null && scope !== null) card.scope = scope;
    if (card.causes === null && cellText(v.rootCauses) !== '')
      card.causes = splitList(cellText(v.rootCauses));
    if (v.active !== undefined && cellText(v.active) !== '' && parseBool(v.active, labels) === false)
      continue;
    if (section === '') {
      missing(row.row, 'section');
      continue;
    }
    if (text === '') {
      missing(row.row, 'item');
      continue;
    }
    const kind = enumCodeFromText(labels, 'itemKind', cellText(v.kind));
    if (kind === null) {
      missing(row.row, 'kind');
      continue;
    }
    const answerKind = enumCodeFromText(labels, 'answerKind', cellText(v.answer));
    if (answerKind === null) {
      missing(row.row, 'answer');
      continue;
    }
    const max = number(v.max);
    if (max === null || max <= 0 || max > 1000) {
      bad(row.row, 'max', cellText(v.max), '> 0');
      continue;
    }
    const weightCell = cellText(v.weight);
    const weight = weightCell === '' ? 1 : number(v.weight);
    if (weight === null || weight < 0 || weight > 100) {
      bad(row.row, 'weight', weightCell, '0–100');
      continue;
    }
    const key = itemKey(section, text);
    if (card.items.some((existing) => existing.key === key)) {
      issues.push({ row: row.row, key: 'scorecards.issue.duplicateItem', params: { item: text, section } });
      continue;
    }
    card.items.push({
      key,
      section,
      text,
      kind,
      answerKind,
      max,
      weight,
      // A critical item is never N/A: a red line always applies.
      allowNa: kind !== 'critical' && parseBool(v.allowNa ?? '', labels) === true,
    });
    card.rows.push(row.row);
  }

  const scorecards: Scorecard[] = [];
  for (const [name, card] of byName) {
    if (card.items.length === 0) {
      issues.push({ row: card.firstRow, key: 'scorecards.issue.noItems', params: { scorecard: name } });
      continue;
    }
    const criticalScope = card.scope ?? 'audit';
    const base = { name, criticalScope, rootCauses: card.causes ?? [], items: card.items };
    scorecards.push({
      ...base,
      version: card.version,
      rows: card.rows,
      fingerprint: scorecardFingerprint(base),
      rubric: rubricOf(card.items, criticalScope),
    });
  }
  return { scorecards, issues };
}
