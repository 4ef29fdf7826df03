/** Submitting inspection forms the way an inspector does: every item rated, some failed with a note. */
import type { Emulator } from '../../scripts/emulator';
import { storedValue } from './properties-store';

export function inspectionFormId(emu: Emulator, template: string): string {
  const saved = storedValue(emu, `form.inspection.${template}`);
  if (!saved) throw new Error(`no inspection form for ${template}`);
  return (JSON.parse(saved) as { id: string }).id;
}

export interface InspectionVisit {
  area: string;
  inspector: string;
  /** Item title (the part after "Section — ") or full question title → note; the item is failed. */
  fail?: Record<string, string>;
  /** Pass-rate items by item title → percent typed. */
  rates?: Record<string, string>;
  recheckOf?: string;
  lang?: 'en' | 'zh-CN';
}

const WORDS = {
  en: {
    area: 'Area',
    inspector: 'Inspector',
    recheck: 'Re-inspection of (inspection ID)',
    pass: 'Pass',
    fail: 'Fail',
    note: ': note',
  },
  'zh-CN': {
    area: '区域',
    inspector: '检查人',
    recheck: '复查的检查编号',
    pass: '合格',
    fail: '不合格',
    note: '：说明',
  },
};

/** The answers by title for a visit: every item passes unless failed; pass rates default to 100. */
export function inspectionAnswers(
  emu: Emulator,
  template: string,
  visit: InspectionVisit,
): Record<string, string> {
  const words = WORDS[visit.lang ?? 'en'];
  const form = emu.forms.get(inspectionFormId(emu, template));
  if (!form) throw new Error('form gone');
  const answers: Record<string, string> = { [words.area]: visit.area, [words.inspector]: visit.inspector };
  if (visit.recheckOf) answers[words.recheck] = visit.recheckOf;
  const fails = visit.fail ?? {};
  const matches = (title: string, key: string) => title === key || title.endsWith(`— ${key}`);
  for (const item of form.items) {
    if ([words.area, words.inspector, words.recheck].includes(item.title) || item.title.endsWith(words.note))
      continue;
    const failed = Object.keys(fails).find((key) => matches(item.title, key));
    if (item.type === 'TEXT') {
      const rate = Object.entries(visit.rates ?? {}).find(([key]) => matches(item.title, key));
      answers[item.title] = rate ? rate[1] : '100';
      if (failed) answers[`${item.title}${words.note}`] = fails[failed];
      continue;
    }
    answers[item.title] = failed ? words.fail : words.pass;
    if (failed) answers[`${item.title}${words.note}`] = fails[failed];
  }
  return answers;
}

export function submitInspection(emu: Emulator, template: string, visit: InspectionVisit) {
  return emu.submitForm(inspectionFormId(emu, template), inspectionAnswers(emu, template, visit));
}
