/**
 * One inspection form per ⚙ Checklists template (SPEC §9): area, inspector, "re-inspection of" (filled
 * by the re-inspection link), then per item its answer (pass / fail / N/A, a score 0–N, or a pass rate)
 * and a note — required when the item fails (Forms cannot require it conditionally, so the job flags a
 * failed item without one for review), where a photo or file link counts as evidence.
 * Item titles are the manager's words; answers are read by title, question words in either language.
 */
import type { AreaSetting, ChecklistItem, ChecklistTemplate, InspectionAnswer } from '../core/inspections';
import { activeStaffNames, type StaffMember } from '../core/settings';
import { enumCodeFromText } from '../core/text';
import { bothLanguages, enumLabel, enumLabels, LANGS, type Lang, t } from '../i18n';
import type { FormSpec, QuestionSpec } from '../ports';

export function itemQuestionTitle(item: ChecklistItem): string {
  return `${item.section} — ${item.item}`;
}

export function noteQuestionTitle(lang: Lang, item: ChecklistItem): string {
  return t(lang, 'form.inspection.q.note', { item: itemQuestionTitle(item) });
}

type FixedQuestion = 'area' | 'inspector' | 'recheckOf';

export function fixedQuestionTitle(lang: Lang, key: FixedQuestion): string {
  return t(lang, `form.inspection.q.${key}`);
}

function itemQuestion(lang: Lang, item: ChecklistItem, index: number): QuestionSpec {
  const title = itemQuestionTitle(item);
  const key = `item.${index}`;
  const critical = item.critical ? t(lang, 'form.inspection.help.critical') : undefined;
  switch (item.kind) {
    case 'passFail':
      return {
        key,
        title,
        kind: 'choice',
        required: true,
        choices: enumLabels(lang, 'inspectionAnswer'),
        help: critical,
      };
    case 'score':
      return {
        key,
        title,
        kind: 'choice',
        required: true,
        choices: [
          ...Array.from({ length: item.max + 1 }, (_, n) => String(n)),
          enumLabel(lang, 'inspectionAnswer', 'na'),
        ],
        help: t(lang, 'form.inspection.help.score', { max: item.max }),
      };
    case 'passRate':
      return { key, title, kind: 'text', required: true, help: t(lang, 'form.inspection.help.passRate') };
  }
}

/** The areas that are inspected with a template (the area question's choices). */
export function areasOf(template: ChecklistTemplate, areas: readonly AreaSetting[]): string[] {
  return [
    ...new Set(areas.filter((area) => area.templates.includes(template.name)).map((area) => area.area)),
  ];
}

export function inspectionFormSpec(
  lang: Lang,
  template: ChecklistTemplate,
  areas: readonly AreaSetting[],
  staff: readonly StaffMember[],
): FormSpec {
  const questions: QuestionSpec[] = [
    {
      key: 'area',
      title: fixedQuestionTitle(lang, 'area'),
      kind: 'list',
      required: true,
      choices: areasOf(template, areas),
    },
    {
      key: 'inspector',
      title: fixedQuestionTitle(lang, 'inspector'),
      kind: 'list',
      required: true,
      choices: activeStaffNames(staff),
    },
    {
      key: 'recheckOf',
      title: fixedQuestionTitle(lang, 'recheckOf'),
      kind: 'text',
      required: false,
      help: t(lang, 'form.inspection.help.recheckOf'),
    },
  ];
  template.items.forEach((item, index) => {
    questions.push(itemQuestion(lang, item, index));
    questions.push({
      key: `note.${index}`,
      title: noteQuestionTitle(lang, item),
      kind: 'paragraph',
      required: false,
    });
  });
  return {
    title: t(lang, 'form.inspection.title', { template: template.name }),
    description: t(lang, 'form.inspection.description', {
      template: template.name,
      version: template.version,
    }),
    questions,
  };
}

export interface InspectionFormAnswers {
  area: string;
  inspector: string;
  recheckOf: string;
  answers: Record<string, InspectionAnswer | undefined>;
  /** What the respondent typed for an item that could not be read, by item key. */
  unreadable: Record<string, string>;
  notes: Record<string, string>;
}

function answerOf(item: ChecklistItem, text: string): InspectionAnswer | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const code = enumCodeFromText(bothLanguages, 'inspectionAnswer', trimmed);
  if (code === 'na') return { type: 'na' };
  if (item.kind === 'passFail') return code === null ? null : { type: code };
  if (code !== null) return { type: code };
  const number = Number(trimmed.replace(/%$/, '').replace(',', '.'));
  if (!Number.isFinite(number)) return null;
  return item.kind === 'score' ? { type: 'score', points: number } : { type: 'passRate', percent: number };
}

/** Reads a response: fixed questions by the title of either language, items by their title. */
export function readInspectionAnswers(
  template: ChecklistTemplate,
  namedValues: Record<string, string[]>,
): InspectionFormAnswers {
  const value = (titles: readonly string[]): string | undefined => {
    for (const title of titles) {
      const found = namedValues[title];
      if (found !== undefined) return found.join(', ').trim();
    }
    return undefined;
  };
  const fixed = (key: FixedQuestion) => value(LANGS.map((lang) => fixedQuestionTitle(lang, key))) ?? '';
  const result: InspectionFormAnswers = {
    area: fixed('area'),
    inspector: fixed('inspector'),
    recheckOf: fixed('recheckOf').toUpperCase(),
    answers: {},
    unreadable: {},
    notes: {},
  };
  for (const item of template.items) {
    const text = value([itemQuestionTitle(item)]) ?? '';
    const answer = answerOf(item, text);
    if (answer) result.answers[item.key] = answer;
    else if (text !== '') result.unreadable[item.key] = text;
    const note = value(LANGS.map((lang) => noteQuestionTitle(lang, item)));
    if (note) result.notes[item.key] = note;
  }
  return result;
}

/** Links in a note (evidence: photos, files). */
export function evidenceLinks(note: string): string[] {
  return note.match(/https?:\/\/[^\s，。；;,]+/g) ?? [];
}

/** An inspection link for a scheduled slot: area and inspector filled in. */
export function inspectionPrefill(lang: Lang, area: string, inspector: string): Record<string, string> {
  return { [fixedQuestionTitle(lang, 'area')]: area, [fixedQuestionTitle(lang, 'inspector')]: inspector };
}

/**
 * A re-inspection link (SPEC §9): area, inspector and "re-inspection of" filled in, the pass/fail items
 * that passed last time pre-answered, the failed ones (and every measured item) left to rate again.
 */
export function recheckPrefill(
  lang: Lang,
  template: ChecklistTemplate,
  area: string,
  inspector: string,
  inspectionId: string,
  openItemKeys: ReadonlySet<string>,
): Record<string, string> {
  const answers: Record<string, string> = {
    [fixedQuestionTitle(lang, 'area')]: area,
    [fixedQuestionTitle(lang, 'inspector')]: inspector,
    [fixedQuestionTitle(lang, 'recheckOf')]: inspectionId,
  };
  for (const item of template.items) {
    if (openItemKeys.has(item.key) || item.kind !== 'passFail') continue;
    answers[itemQuestionTitle(item)] = enumLabel(lang, 'inspectionAnswer', 'pass');
  }
  return answers;
}
