/**
 * The assessment appeal form (考核申诉, SPEC §8.3): a staff member disputes a point of their provisional
 * month — pre-filled from their assessment mail with their name and the month — naming the rule or the
 * ID and why. Updated in place like every registered form.
 */
import { activeStaffNames, type StaffMember } from '../core/settings';
import { type Lang, type MessageKey, t } from '../i18n';
import type { FormSpec, QuestionSpec } from '../ports';
import { aliasesOf, answersByKey } from './answers';

export type AssessmentAppealKey = 'staff' | 'month' | 'point' | 'reason';

export const ASSESSMENT_APPEAL_KEYS: readonly AssessmentAppealKey[] = ['staff', 'month', 'point', 'reason'];

export function assessmentAppealTitle(lang: Lang, key: AssessmentAppealKey): string {
  return t(lang, `form.assessmentAppeal.q.${key}` as MessageKey);
}

function question(lang: Lang, key: AssessmentAppealKey, staff: readonly StaffMember[]): QuestionSpec {
  const title = assessmentAppealTitle(lang, key);
  switch (key) {
    case 'staff':
      return { key, title, kind: 'list', required: true, choices: activeStaffNames(staff) };
    case 'month':
      return { key, title, kind: 'text', required: true, help: t(lang, 'form.assessmentAppeal.help.month') };
    case 'point':
      return { key, title, kind: 'text', required: true, help: t(lang, 'form.assessmentAppeal.help.point') };
    case 'reason':
      return { key, title, kind: 'paragraph', required: true };
  }
}

export function assessmentAppealFormSpec(lang: Lang, staff: readonly StaffMember[]): FormSpec {
  return {
    title: t(lang, 'form.assessmentAppeal.title'),
    description: t(lang, 'form.assessmentAppeal.description'),
    questions: ASSESSMENT_APPEAL_KEYS.map((key) => ({
      ...question(lang, key, staff),
      aliases: aliasesOf(lang, key, assessmentAppealTitle),
    })),
  };
}

/** The pre-filled answers of a person's appeal link: their name and the month. */
export function assessmentAppealPrefill(lang: Lang, staff: string, month: string): Record<string, string> {
  return { [assessmentAppealTitle(lang, 'staff')]: staff, [assessmentAppealTitle(lang, 'month')]: month };
}

export function readAssessmentAppealAnswers(
  namedValues: Record<string, string[]>,
): Record<AssessmentAppealKey, string> {
  const raw = answersByKey(namedValues, ASSESSMENT_APPEAL_KEYS, assessmentAppealTitle);
  return {
    staff: (raw.staff ?? '').trim(),
    month: (raw.month ?? '').trim(),
    point: (raw.point ?? '').trim(),
    reason: (raw.reason ?? '').trim(),
  };
}
