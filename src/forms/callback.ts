/**
 * The callback form (回访登记, SPEC §7): one submission per attempt. Questions have stable keys and
 * titles from i18n; answers are read by the title of either language, and enum answers by the label
 * of either language, so a form made before a language switch keeps working.
 */
import { type CallbackAnswers, SATISFACTION_SCALE, type Satisfaction } from '../core/callbacks';
import type { EnumCode } from '../core/enums';
import { activeStaffNames, type StaffMember } from '../core/settings';
import { enumCodeFromText } from '../core/text';
import { bothLanguages, enumLabels, LANGS, type Lang, type MessageKey, t } from '../i18n';
import type { FormSpec, QuestionSpec } from '../ports';
import { aliasesOf, answersByKey } from './answers';

export type CallbackQuestionKey =
  | 'ticketId'
  | 'by'
  | 'method'
  | 'reached'
  | 'satisfaction'
  | 'issueResolved'
  | 'comments'
  | 'confirmation';

export const CALLBACK_QUESTION_KEYS: readonly CallbackQuestionKey[] = [
  'ticketId',
  'by',
  'method',
  'reached',
  'satisfaction',
  'issueResolved',
  'comments',
  'confirmation',
];

export function callbackQuestionTitle(lang: Lang, key: CallbackQuestionKey): string {
  return t(lang, `form.callback.q.${key}` as MessageKey);
}

/** "5 很满意" / "5 Very satisfied": the number leads, so the answer reads the same in both languages. */
export function satisfactionLabel(lang: Lang, value: Satisfaction): string {
  return t(lang, `callbacks.satisfaction.${value}` as MessageKey);
}

function question(lang: Lang, key: CallbackQuestionKey, staff: readonly StaffMember[]): QuestionSpec {
  const title = callbackQuestionTitle(lang, key);
  switch (key) {
    case 'ticketId':
      return { key, title, kind: 'text', required: true, help: t(lang, 'form.callback.help.ticketId') };
    case 'by':
      return { key, title, kind: 'list', required: true, choices: activeStaffNames(staff) };
    case 'method':
      return { key, title, kind: 'choice', required: true, choices: enumLabels(lang, 'callbackMethod') };
    case 'reached':
      return { key, title, kind: 'choice', required: true, choices: enumLabels(lang, 'yesNo') };
    case 'satisfaction':
      return {
        key,
        title,
        kind: 'choice',
        required: false,
        choices: SATISFACTION_SCALE.map((value) => satisfactionLabel(lang, value)),
        help: t(lang, 'form.callback.help.satisfaction'),
      };
    case 'issueResolved':
      return { key, title, kind: 'choice', required: false, choices: enumLabels(lang, 'yesNo') };
    case 'comments':
      return { key, title, kind: 'paragraph', required: false };
    case 'confirmation':
      return { key, title, kind: 'choice', required: false, choices: enumLabels(lang, 'confirmation') };
  }
}

export function callbackFormSpec(lang: Lang, staff: readonly StaffMember[]): FormSpec {
  return {
    title: t(lang, 'form.callback.title'),
    description: t(lang, 'form.callback.description'),
    questions: CALLBACK_QUESTION_KEYS.map((key) => ({
      ...question(lang, key, staff),
      aliases: aliasesOf(lang, key, callbackQuestionTitle),
    })),
  };
}

/**
 * Answers for a pre-filled link to the callback form (the daily digest, SPEC §6): Ticket ID and staff,
 * keyed by question title, for `FormsPort.prefilledUrl(formId, callbackPrefill(...))`.
 */
export function callbackPrefill(lang: Lang, ticketId: string, staffName: string): Record<string, string> {
  return {
    [callbackQuestionTitle(lang, 'ticketId')]: ticketId,
    [callbackQuestionTitle(lang, 'by')]: staffName,
  };
}

/** Raw answers by key, matching titles of either language (first non-empty column of a title). */
export function callbackAnswersByKey(
  namedValues: Record<string, string[]>,
): Partial<Record<CallbackQuestionKey, string>> {
  const answers = answersByKey(namedValues, CALLBACK_QUESTION_KEYS, callbackQuestionTitle);
  for (const key of CALLBACK_QUESTION_KEYS) {
    const answer = answers[key];
    if (answer !== undefined) answers[key] = answer.trim();
  }
  return answers;
}

/** "5 很满意", "5", "很满意" or "Very satisfied" → 5; null when empty or not on the scale. */
export function parseSatisfaction(text: string): Satisfaction | null {
  const leading = /^\s*([1-5])(?!\d)/.exec(text);
  if (leading) return Number(leading[1]) as Satisfaction;
  const wanted = text.trim().toLowerCase();
  if (wanted === '') return null;
  for (const value of SATISFACTION_SCALE) {
    for (const lang of LANGS) {
      if (
        satisfactionLabel(lang, value)
          .replace(/^\d\s*/, '')
          .toLowerCase() === wanted
      )
        return value;
    }
  }
  return null;
}

function yesNo(text: string | undefined): boolean | null {
  const code: EnumCode<'yesNo'> | null = text ? enumCodeFromText(bothLanguages, 'yesNo', text) : null;
  return code === null ? null : code === 'yes';
}

/** The parsed answers plus the confirmation code (kept on the attempt row, not used by the rules). */
export function readCallbackAnswers(
  namedValues: Record<string, string[]>,
): CallbackAnswers & { confirmation: EnumCode<'confirmation'> | null } {
  const raw = callbackAnswersByKey(namedValues);
  return {
    ticketId: (raw.ticketId ?? '').toUpperCase(),
    by: raw.by ?? '',
    method: raw.method ? enumCodeFromText(bothLanguages, 'callbackMethod', raw.method) : null,
    reached: yesNo(raw.reached),
    satisfaction: parseSatisfaction(raw.satisfaction ?? ''),
    issueResolved: yesNo(raw.issueResolved),
    comments: raw.comments ?? '',
    confirmation: raw.confirmation ? enumCodeFromText(bothLanguages, 'confirmation', raw.confirmation) : null,
  };
}
