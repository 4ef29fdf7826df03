/**
 * ⚙ SLA policy rows ↔ SlaPolicy. A bad row is reported with its sheet row and reason, and its
 * (type, severity) falls back to the default row; parsing never throws (SPEC §13).
 */

import type { MessageKey } from '../../i18n';
import { type Duration, parseDuration } from '../calendar';
import type { CellValue, KeyedRow, SettingsIssue } from '../cells';
import { isEnumCode, type TicketType } from '../enums';
import { type Labels, type Message, type MessageParam, message } from '../message';
import { enumCodeFromText } from '../text';
import {
  DEFAULT_SLA_POLICY_ROWS,
  defaultEscalationRule,
  type EscalationRule,
  type SeverityOrAny,
  SLA_STAGES,
  type SlaPolicy,
  type SlaPolicyRow,
} from './policy';

export interface SlaPolicySettings {
  policy: SlaPolicy;
  issues: SettingsIssue[];
}

const DURATION_COLUMNS = [...SLA_STAGES, 'callbackOpen', 'callbackDue'] as const;
type DurationColumn = (typeof DURATION_COLUMNS)[number];

/** A column's header in the reader's language ("Callback sample rate" / "回访抽样比例"), never its code. */
function columnLabel(column: string): Message {
  return message(`col.slaPolicy.${column}` as MessageKey);
}

function cellText(value: CellValue | undefined): string {
  if (value === undefined) return '';
  return value instanceof Date
    ? Number.isNaN(value.getTime())
      ? 'Invalid Date'
      : value.toISOString()
    : String(value).trim();
}

/** 10, '10', '10%' or a percent-formatted 0.1 → 10; null outside 0 … 100. */
function parseSampleRate(value: CellValue | undefined): number | null {
  if (value === undefined || value === '') return 100;
  let rate: number;
  if (typeof value === 'number') rate = value > 0 && value < 1 ? value * 100 : value;
  else if (typeof value === 'string' && /^\d+(\.\d+)?\s*%?$/.test(value.trim())) rate = parseFloat(value);
  else return null;
  return rate >= 0 && rate <= 100 ? rate : null;
}

/**
 * The row's escalation rule: each cell a choice (its code, or its label in either language), empty
 * = the default of its type and severity; null when a cell holds something else.
 */
function parseEscalation(
  { values, unrecognized = {} }: KeyedRow,
  type: TicketType,
  severity: SeverityOrAny,
  labels: Labels,
): { rule: EscalationRule } | { bad: 'escalateTo' | 'escalationMail'; value: string } {
  const fallback = defaultEscalationRule(type, severity);
  const reachText = unrecognized.escalateTo ?? cellText(values.escalateTo);
  const noticeText = unrecognized.escalationMail ?? cellText(values.escalationMail);
  const reach = reachText === '' ? fallback.reach : enumCodeFromText(labels, 'escalationReach', reachText);
  const notice =
    noticeText === '' ? fallback.notice : enumCodeFromText(labels, 'escalationNotice', noticeText);
  if (reach === null) return { bad: 'escalateTo', value: reachText };
  if (notice === null) return { bad: 'escalationMail', value: noticeText };
  return { rule: { reach, notice } };
}

function sameKey(a: { type: string; severity: string }, b: { type: string; severity: string }): boolean {
  return a.type === b.type && a.severity === b.severity;
}

/** `labels` reads duration units typed in either language. */
export function parseSlaPolicy(rows: KeyedRow[], labels: Labels): SlaPolicySettings {
  const issues: SettingsIssue[] = [];
  const parsed: SlaPolicyRow[] = [];
  const seen: Array<{ type: string; severity: string }> = [];

  for (const keyed of rows) {
    const { row, values } = keyed;
    if (Object.values(values).every((value) => cellText(value) === '')) continue;
    const report = (key: MessageKey, params: Record<string, MessageParam>) =>
      issues.push({ sheet: 'sheet.slaPolicy', row, reason: message(key, params) });
    const type = cellText(values.type);
    const severity = cellText(values.severity);
    // What the person typed, when it is no choice of the column (the table layer keeps it aside).
    const typed = (column: 'type' | 'severity', code: string) => keyed.unrecognized?.[column] ?? code;
    if (!isEnumCode('ticketType', type)) {
      report('sla.issue.badType', { value: typed('type', type) });
      continue;
    }
    if (severity !== 'any' && !isEnumCode('severity', severity)) {
      report('sla.issue.badSeverity', { value: typed('severity', severity) });
      continue;
    }
    const key = { type, severity };
    if (seen.some((other) => sameKey(other, key))) {
      report('sla.issue.duplicateRow', {});
      continue;
    }
    seen.push(key);
    const fallBack = () => {
      const fallback = DEFAULT_SLA_POLICY_ROWS.find((candidate) => sameKey(candidate, key));
      if (fallback) parsed.push(fallback);
    };

    const durations: Partial<Record<DurationColumn, Duration | null>> = {};
    let bad = false;
    for (const column of DURATION_COLUMNS) {
      const result = parseDuration(cellText(values[column]), labels);
      if (result.ok) durations[column] = result.duration;
      else if (!bad) {
        bad = true;
        report('sla.issue.badDuration', { column: columnLabel(column), value: cellText(values[column]) });
      }
    }
    const sampleRate = parseSampleRate(values.sampleRate);
    if (!bad && sampleRate === null) {
      bad = true;
      report('sla.issue.badSampleRate', {
        column: columnLabel('sampleRate'),
        value: cellText(values.sampleRate),
      });
    }
    if (!bad && (durations.callbackOpen === null) !== (durations.callbackDue === null)) {
      bad = true;
      report('sla.issue.badCallbackWindow', {
        from: columnLabel('callbackOpen'),
        due: columnLabel('callbackDue'),
      });
    }
    const escalation = bad ? null : parseEscalation(keyed, type, severity as SeverityOrAny, labels);
    if (escalation && 'bad' in escalation) {
      bad = true;
      report(escalation.bad === 'escalateTo' ? 'sla.issue.badEscalateTo' : 'sla.issue.badEscalationMail', {
        value: escalation.value,
      });
    }
    if (bad || sampleRate === null || escalation === null || 'bad' in escalation) {
      fallBack();
      continue;
    }
    parsed.push({
      type,
      severity: severity as SeverityOrAny,
      stages: {
        ack: durations.ack ?? null,
        transfer: durations.transfer ?? null,
        feedback: durations.feedback ?? null,
        resolve: durations.resolve ?? null,
      },
      callbackOpen: durations.callbackOpen ?? null,
      callbackDue: durations.callbackDue ?? null,
      sampleRate,
      escalation: escalation.rule,
    });
  }
  return { policy: { rows: parsed }, issues };
}
