/**
 * A copy of every version of every checklist template, so a response is scored on the version it
 * answered — also when it is recorded after the manager changed the checklist (a trigger that fired
 * late, the inbox's hourly retry). The forms are updated in place, so a response carries no version:
 * it is told by its questions. A response answers a version when it answers every item of it and no
 * item question the version does not have; of the versions it answers, the newest published by the
 * time it was sent (when the response sheet's timestamp is known) is taken. A change of rules alone
 * (weights, pass mark) leaves the questions as they were: without a timestamp such a response is scored
 * on the newest of those versions.
 *
 * Storage: the items of every version in one pool per template, each distinct item once
 * (../item-versions.ts, in chunks past 9 KB), and per version a short record of its rules: an 80-item
 * checklist in Chinese takes about 7 KB of pool and 0.4 KB per version (test/e2e/large-state.test.ts). Versions made before copies
 * were kept have none: their late responses are scored on the current version, as before.
 */
import { type ChecklistItem, type ChecklistTemplate, itemKey } from '../../core/inspections';
import { itemQuestionTitle, noteQuestionTitle } from '../../forms/inspection';
import { LANGS } from '../../i18n';
import type { StorePort } from '../../ports';
import { loadItemVersion, saveItemVersion } from '../item-versions';

/** When each version kept was published (ms), oldest first; beside the version and fingerprint. */
export type PublishedVersions = Array<[version: number, since: number]>;

const copyBase = (template: string): string => `inspection.template.${template}`;

/** One item as the pool keeps it: its fields in a fixed order, the key left out (made from section and item). */
type PooledItem = [string, string, ChecklistItem['kind'], number, number, boolean, number];

const pooled = (item: ChecklistItem): PooledItem => [
  item.section,
  item.item,
  item.kind,
  item.max,
  item.weight,
  item.critical,
  item.rectifyDays,
];

function unpooled([section, item, kind, max, weight, critical, rectifyDays]: PooledItem): ChecklistItem {
  return { key: itemKey(section, item), section, item, kind, max, weight, critical, rectifyDays };
}

type Rules = Pick<
  ChecklistTemplate,
  'passMark' | 'itemPassPercent' | 'anyItemFails' | 'grades' | 'consequences'
>;

/** Keeps a copy of the template as it is at its version (nothing is written when it is kept already). */
export function keepTemplateCopy(store: StorePort, template: ChecklistTemplate): void {
  const rules: Rules = {
    passMark: template.passMark,
    itemPassPercent: template.itemPassPercent,
    anyItemFails: template.anyItemFails,
    grades: template.grades,
    consequences: template.consequences,
  };
  saveItemVersion(store, copyBase(template.name), template.version, { ...rules }, template.items.map(pooled));
}

/** The template as it was at `version`, or null when no copy of that version was kept. */
export function templateCopy(
  store: StorePort,
  current: ChecklistTemplate,
  version: number,
): ChecklistTemplate | null {
  if (version === current.version) return current;
  const saved = loadItemVersion(store, copyBase(current.name), version);
  if (!saved) return null;
  const rules = saved.fields as unknown as Rules;
  return {
    ...rules,
    name: current.name,
    version,
    items: saved.items.map((item) => unpooled(item as PooledItem)),
    row: 0,
  };
}

/** The item questions of this version and their notes, by title. */
function titlesOf(template: ChecklistTemplate): Set<string> {
  return new Set(
    template.items.flatMap((item) => [
      itemQuestionTitle(item),
      ...LANGS.map((lang) => noteQuestionTitle(lang, item)),
    ]),
  );
}

/** Item questions (and their notes) are titled "Section — Item"; the timestamp, email and fixed ones are not. */
const ITEM_TITLE = ' — ';

/**
 * Whether a response answers this version: every item answered, and no item question (or its note)
 * answered that the version does not ask.
 */
function answers(template: ChecklistTemplate, namedValues: Record<string, string[]>): boolean {
  const answered = (title: string) => (namedValues[title] ?? []).join('').trim() !== '';
  if (!template.items.every((item) => answered(itemQuestionTitle(item)))) return false;
  const asked = titlesOf(template);
  return Object.keys(namedValues).every(
    (title) => !title.includes(ITEM_TITLE) || asked.has(title) || !answered(title),
  );
}

/**
 * The version a response answered (see the header): the current template when it answers it or when
 * no kept version fits better.
 */
export function answeredVersion(
  store: StorePort,
  current: ChecklistTemplate,
  published: PublishedVersions,
  namedValues: Record<string, string[]>,
  submittedAt: Date | undefined,
): ChecklistTemplate {
  const newestFirst = [...published].sort((a, b) => b[0] - a[0]);
  const sentBy = submittedAt
    ? newestFirst.filter(([, since]) => since <= submittedAt.getTime())
    : newestFirst;
  const candidates = sentBy.length > 0 ? sentBy : newestFirst;
  // The common case costs no read: the response answers the current version, published before it.
  if (candidates.length === 0 || candidates[0][0] === current.version)
    if (answers(current, namedValues)) return current;
  for (const [version] of candidates) {
    const copy = templateCopy(store, current, version);
    if (copy && answers(copy, namedValues)) return copy;
  }
  return current;
}
