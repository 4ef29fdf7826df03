/**
 * The merit form (奖惩登记, SPEC §8.2): supervisors record a catalog item for a staff member, with its
 * evidence, or reverse an entry by its ID. Generated from ⚙ Merit catalog and ⚙ Staff and updated in
 * place (item ids in the form registry), so pre-filled links and the response columns survive edits.
 */
import { levelText, type MeritCatalogItem } from '../core/merits';
import { activeStaffNames, type StaffMember } from '../core/settings';
import { type Lang, type MessageKey, t } from '../i18n';
import type { FormSpec, QuestionSpec } from '../ports';
import { aliasesOf, answersByKey } from './answers';

export type MeritQuestionKey = 'staff' | 'item' | 'evidence' | 'note' | 'recordedBy' | 'reverses';

export const MERIT_QUESTION_KEYS: readonly MeritQuestionKey[] = [
  'staff',
  'item',
  'evidence',
  'note',
  'recordedBy',
  'reverses',
];

export function meritQuestionTitle(lang: Lang, key: MeritQuestionKey): string {
  return t(lang, `form.merit.q.${key}` as MessageKey);
}

/** "Left the post without approval (−B1)": the choice a catalog item is offered as. */
export function itemChoice(entry: Pick<MeritCatalogItem, 'item' | 'level' | 'sign'>): string {
  return `${entry.item} (${levelText(entry.level, entry.sign)})`;
}

/** Supervisors, CS managers and the GM: who records merits. */
export function recorders(staff: readonly StaffMember[]): StaffMember[] {
  return staff.filter((member) => member.active && member.role !== 'staff');
}

function question(
  lang: Lang,
  key: MeritQuestionKey,
  catalog: readonly MeritCatalogItem[],
  staff: readonly StaffMember[],
): QuestionSpec {
  const title = meritQuestionTitle(lang, key);
  switch (key) {
    case 'staff':
      return { key, title, kind: 'list', required: true, choices: activeStaffNames(staff) };
    case 'item':
      return {
        key,
        title,
        kind: 'list',
        required: false,
        choices: catalog.filter((entry) => entry.active).map(itemChoice),
      };
    case 'evidence':
      return { key, title, kind: 'text', required: false };
    case 'note':
      return { key, title, kind: 'paragraph', required: false };
    case 'recordedBy':
      return {
        key,
        title,
        kind: 'list',
        required: true,
        choices: recorders(staff).map((member) => member.name),
      };
    case 'reverses':
      return { key, title, kind: 'text', required: false, help: t(lang, 'form.merit.help.reverses') };
  }
}

export function meritFormSpec(
  lang: Lang,
  catalog: readonly MeritCatalogItem[],
  staff: readonly StaffMember[],
): FormSpec {
  return {
    title: t(lang, 'form.merit.title'),
    description: t(lang, 'form.merit.description'),
    questions: MERIT_QUESTION_KEYS.map((key) => ({
      ...question(lang, key, catalog, staff),
      aliases: aliasesOf(lang, key, meritQuestionTitle),
    })),
  };
}

export interface MeritAnswers {
  staff: string;
  item: string;
  evidence: string;
  note: string;
  recordedBy: string;
  reverses: string;
}

export function readMeritAnswers(namedValues: Record<string, string[]>): MeritAnswers {
  const raw = answersByKey(namedValues, MERIT_QUESTION_KEYS, meritQuestionTitle);
  const text = (key: MeritQuestionKey) => (raw[key] ?? '').trim();
  return {
    staff: text('staff'),
    item: text('item'),
    evidence: text('evidence').toUpperCase(),
    note: text('note'),
    recordedBy: text('recordedBy'),
    reverses: text('reverses').toUpperCase(),
  };
}

/** The catalog item an answer names: the choice as offered, or the item's name alone (any case). */
export function catalogItemOf(catalog: readonly MeritCatalogItem[], answer: string): MeritCatalogItem | null {
  const wanted = answer.trim().toLowerCase();
  if (wanted === '') return null;
  return (
    catalog.find(
      (entry) =>
        entry.active &&
        (itemChoice(entry).toLowerCase() === wanted || entry.item.trim().toLowerCase() === wanted),
    ) ?? null
  );
}
