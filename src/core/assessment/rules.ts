/**
 * ⚙ Assessment rules (考核规则, SPEC §8.3): each row is a rule of a generic kind with its numbers in the
 * row, scoped to departments or roles. Validated when read: a bad row is reported and left out.
 */
import type { MessageKey } from '../../i18n';
import type { CellValue, KeyedRow } from '../cells';
import type { EnumCode, Role } from '../enums';
import { type Labels, type Message, message } from '../message';
import { cellText, parseBool } from '../settings/fields';
import { isBlankRow, type Parsed, parseRowTable, type RowResult } from '../settings/parse';
import { enumCodeFromText, normalizeLabel } from '../text';

export type AssessmentKind = EnumCode<'assessmentKind'>;
export type AssessmentMetric = EnumCode<'assessmentMetric'>;

export interface AssessmentRule {
  rule: string;
  kind: AssessmentKind;
  metric: AssessmentMetric;
  /** Per occurrence / per step / when below / per merit point. */
  points: number;
  threshold: number | null;
  target: number | null;
  step: number | null;
  upper: number | null;
  upperPoints: number | null;
  lower: number | null;
  lowerPoints: number | null;
  /** Department names or role codes/labels, normalized; empty = everyone. */
  scope: string[];
  active: boolean;
  row: number;
}

/** The metrics each kind can count. */
const METRICS_OF: Record<AssessmentKind, readonly AssessmentMetric[]> = {
  perOccurrence: ['resolveBreached', 'callbackMissed', 'registrations'],
  threshold: ['satisfaction', 'qaAverage', 'registrations'],
  targetSteps: ['registrations', 'resolveBreached', 'callbackMissed'],
  qaAverage: ['qaAverage'],
  merits: ['merits'],
};

/** The numbers a kind needs in its row. */
const NEEDS: Record<AssessmentKind, ReadonlyArray<'points' | 'threshold' | 'target' | 'step'>> = {
  perOccurrence: ['points'],
  threshold: ['threshold', 'points'],
  targetSteps: ['target', 'step', 'points'],
  qaAverage: ['threshold', 'points'],
  merits: [],
};

type NumberKey =
  | 'points'
  | 'threshold'
  | 'target'
  | 'step'
  | 'upper'
  | 'upperPoints'
  | 'lower'
  | 'lowerPoints';

function columnKey(key: NumberKey): MessageKey {
  return `col.assessmentRules.${key}` as MessageKey;
}

function numberOf(cell: CellValue | undefined): number | null | 'bad' {
  const text = cellText(cell);
  if (text === '') return null;
  const value = typeof cell === 'number' ? cell : Number(text.replace(/[%＋+]/g, '').replace('−', '-'));
  return Number.isFinite(value) ? value : 'bad';
}

/** Scope words: split on commas, 、 and semicolons, normalized for matching. */
export function scopeWords(text: string): string[] {
  return text
    .split(/[,，、;；]/)
    .map((word) => normalizeLabel(word))
    .filter((word) => word !== '');
}

export function parseAssessmentRules(rows: readonly KeyedRow[], labels: Labels): Parsed<AssessmentRule[]> {
  const parseRow = (row: KeyedRow): RowResult<AssessmentRule> | null => {
    if (isBlankRow(row)) return null;
    const rule = cellText(row.values.rule);
    if (rule === '')
      return {
        ok: false,
        reason: message('settings.issue.missingField', { column: message('col.assessmentRules.rule') }),
      };
    const kindText = cellText(row.values.kind);
    const kind = enumCodeFromText(labels, 'assessmentKind', kindText);
    if (kind === null) return { ok: false, reason: message('assessment.issue.badKind', { value: kindText }) };
    const kindLabel = message(`enum.assessmentKind.${kind}` as MessageKey);
    const metricText = cellText(row.values.metric);
    const metric = enumCodeFromText(labels, 'assessmentMetric', metricText);
    if (metric === null || !METRICS_OF[kind].includes(metric))
      return {
        ok: false,
        reason: message('assessment.issue.badMetric', { value: metricText, kind: kindLabel }),
      };
    const numbers = {} as Record<NumberKey, number | null>;
    for (const key of [
      'points',
      'threshold',
      'target',
      'step',
      'upper',
      'upperPoints',
      'lower',
      'lowerPoints',
    ] as const) {
      const value = numberOf(row.values[key]);
      if (value === 'bad')
        return {
          ok: false,
          reason: message('assessment.issue.badNumber', {
            column: message(columnKey(key)),
            value: cellText(row.values[key]),
          }),
        };
      numbers[key] = value;
    }
    for (const key of NEEDS[kind]) {
      if (numbers[key] === null || (key === 'step' && numbers[key] === 0))
        return {
          ok: false,
          reason: message('assessment.issue.missingNumber', {
            column: message(columnKey(key)),
            kind: kindLabel,
          }),
        };
    }
    const issues: Message[] = [];
    const activeCell = row.values.active;
    const active = cellText(activeCell) === '' ? true : parseBool(activeCell, labels);
    if (active === null)
      issues.push(
        message('settings.issue.badOptional', {
          column: message('col.assessmentRules.active'),
          value: cellText(activeCell),
          expected: message('settings.expected.bool'),
        }),
      );
    return {
      ok: true,
      value: {
        rule,
        kind,
        metric,
        // A merits rule without points counts each merit point once.
        points: numbers.points ?? 1,
        threshold: numbers.threshold,
        target: numbers.target,
        step: numbers.step,
        upper: numbers.upper,
        upperPoints: numbers.upper === null ? null : (numbers.upperPoints ?? 0),
        lower: numbers.lower,
        lowerPoints: numbers.lower === null ? null : (numbers.lowerPoints ?? 0),
        scope: scopeWords(cellText(row.values.scope)),
        active: active ?? true,
        row: row.row,
      },
      issues,
    };
  };
  return parseRowTable(rows, 'sheet.assessmentRules', parseRow, (rule) => rule.rule.toLowerCase());
}

/** Whether a rule applies to a person: no scope, or their department, or their role (code or label). */
export function ruleApplies(
  rule: AssessmentRule,
  person: { department: string; role: Role },
  labels: Labels,
): boolean {
  if (rule.scope.length === 0) return true;
  const department = normalizeLabel(person.department);
  return rule.scope.some(
    (word) => word === department || enumCodeFromText(labels, 'role', word) === person.role,
  );
}
