/**
 * An audit form's answers read against its scorecard and made safe to store (formula-safe, bounded), the
 * rules they are planned with, and the Audit items rows of a plan.
 */
import type { AuditAnswers, AuditPlan, AuditRules, Scorecard } from '../../core/audits';
import { sanitizeUserText } from '../../core/text';
import { readAuditAnswers } from '../../forms/audit';
import type { AuditItemRow } from '../../workbook/schemas';
import type { DeskSettings } from '../settings';

const NAME_MAX_LENGTH = 60;

function clean(text: string, max: number): string {
  return sanitizeUserText(text, max).text;
}

export function readCleanAnswers(
  settings: DeskSettings,
  scorecard: Scorecard,
  namedValues: Record<string, string[]>,
): AuditAnswers {
  const raw = readAuditAnswers(scorecard, namedValues);
  const maxText = settings.general.descriptionMaxLength;
  return {
    ...raw,
    staff: clean(raw.staff, NAME_MAX_LENGTH),
    auditor: clean(raw.auditor, NAME_MAX_LENGTH),
    ticketId: clean(raw.ticketId, NAME_MAX_LENGTH),
    calibration: clean(raw.calibration ?? '', NAME_MAX_LENGTH),
    rootCauses: raw.rootCauses.map((cause) => clean(cause, NAME_MAX_LENGTH)),
    comments: Object.fromEntries(Object.entries(raw.comments).map(([k, v]) => [k, clean(v, maxText)])),
    texts: Object.fromEntries(Object.entries(raw.texts).map(([k, v]) => [k, clean(v, NAME_MAX_LENGTH)])),
  };
}

/** ⚙ General's audit rules: grade bands, warning score, run length and its consequence. */
export function auditRules(settings: DeskSettings): AuditRules {
  const { general } = settings;
  return {
    bands: general,
    warningBelow: general.qaWarningBelow,
    consecutiveLimit: general.qaConsecutiveLimit,
    consequence: general.qaConsequence,
  };
}

/** One Audit items row per planned answer. */
export function auditItemRows(auditId: string, plan: AuditPlan): Array<Partial<AuditItemRow>> {
  return plan.items.map((planned) => ({
    auditId,
    section: planned.item.section,
    item: planned.item.text,
    kind: planned.item.kind,
    max: planned.item.max,
    weight: planned.item.weight,
    answer: planned.answer,
    points: planned.points ?? '',
    na: planned.na,
    rootCause: planned.rootCause,
    comment: planned.comment,
  }));
}
