/**
 * The staff intake form (来电来访登记, SPEC §4) and the optional customer form. Questions have stable
 * keys; their titles come from i18n, and intake reads answers by the title of either language.
 */
import { activeStaffNames, type CategorySetting, type StaffMember } from '../core/settings';
import { enumLabels, type Lang, type MessageKey, t } from '../i18n';
import type { FormSpec, QuestionSpec } from '../ports';
import { aliasesOf } from './answers';

export type IntakeQuestionKey =
  | 'receivedBy'
  | 'channel'
  | 'type'
  | 'category'
  | 'severity'
  | 'flags'
  | 'customer'
  | 'phone'
  | 'email'
  | 'address'
  | 'orderNo'
  | 'description'
  | 'personComplained'
  | 'receivedAt'
  | 'relatedTicket';

export const INTAKE_QUESTION_KEYS: readonly IntakeQuestionKey[] = [
  'receivedBy',
  'channel',
  'type',
  'category',
  'severity',
  'flags',
  'customer',
  'phone',
  'email',
  'address',
  'orderNo',
  'description',
  'personComplained',
  'receivedAt',
  'relatedTicket',
];

/** Questions the customer form asks (a subset; the rest are filled by staff later). */
const CUSTOMER_QUESTION_KEYS: readonly IntakeQuestionKey[] = [
  'type',
  'category',
  'customer',
  'phone',
  'email',
  'address',
  'description',
];

export function intakeQuestionTitle(lang: Lang, key: IntakeQuestionKey): string {
  return t(lang, `form.intake.q.${key}` as MessageKey);
}

function question(
  lang: Lang,
  key: IntakeQuestionKey,
  categories: CategorySetting[],
  staff: StaffMember[],
): QuestionSpec {
  const title = intakeQuestionTitle(lang, key);
  switch (key) {
    case 'receivedBy':
      return { key, title, kind: 'list', required: true, choices: activeStaffNames(staff) };
    case 'channel':
      return { key, title, kind: 'choice', required: true, choices: enumLabels(lang, 'channel') };
    case 'type':
      return { key, title, kind: 'choice', required: true, choices: enumLabels(lang, 'ticketType') };
    case 'category':
      return {
        key,
        title,
        kind: 'list',
        required: true,
        choices: categories.filter((c) => c.active).map((c) => c.label),
      };
    case 'severity':
      return {
        key,
        title,
        kind: 'choice',
        required: true,
        choices: enumLabels(lang, 'severity'),
        help: t(lang, 'form.intake.help.severity'),
      };
    case 'flags':
      return {
        key,
        title,
        kind: 'checkbox',
        required: false,
        choices: [t(lang, 'form.intake.flag.compensation'), t(lang, 'form.intake.flag.safety')],
      };
    case 'description':
      return { key, title, kind: 'paragraph', required: true };
    case 'receivedAt':
      return { key, title, kind: 'datetime', required: false };
    case 'customer':
      return { key, title, kind: 'text', required: true };
    default:
      return { key, title, kind: 'text', required: false };
  }
}

export function intakeFormSpec(lang: Lang, categories: CategorySetting[], staff: StaffMember[]): FormSpec {
  return {
    title: t(lang, 'form.intake.title'),
    description: t(lang, 'form.intake.description'),
    questions: INTAKE_QUESTION_KEYS.map((key) => ({
      ...question(lang, key, categories, staff),
      aliases: aliasesOf(lang, key, intakeQuestionTitle),
    })),
  };
}

export function customerFormSpec(lang: Lang, categories: CategorySetting[]): FormSpec {
  return {
    title: t(lang, 'form.customer.title'),
    description: t(lang, 'form.customer.description'),
    questions: CUSTOMER_QUESTION_KEYS.map((key) => ({
      ...question(lang, key, categories, []),
      aliases: aliasesOf(lang, key, intakeQuestionTitle),
    })),
  };
}
