/** Submitting the merit form the way a supervisor does, by question title. */
import type { Emulator } from '../../scripts/emulator';
import { formId } from './desk';

export interface MeritAnswers {
  staff: string;
  item?: string;
  evidence?: string;
  note?: string;
  recordedBy: string;
  reverses?: string;
}

const TITLES = {
  en: {
    staff: 'Staff member',
    item: 'Item',
    evidence: 'Ticket, audit or inspection ID (optional)',
    note: 'What happened',
    recordedBy: 'Recorded by',
    reverses: 'Entry ID to correct (only to reverse an entry)',
  },
  'zh-CN': {
    staff: '员工',
    item: '奖惩项目',
    evidence: '工单、质检或检查编号（可选）',
    note: '事由',
    recordedBy: '记录人',
    reverses: '要更正的记录编号（仅冲销时填写）',
  },
} as const;

export function submitMerit(emu: Emulator, answers: MeritAnswers, lang: 'en' | 'zh-CN' = 'en') {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(answers)) {
    if (value !== undefined) values[TITLES[lang][key as keyof MeritAnswers]] = value;
  }
  return emu.submitForm(formId(emu, 'form.merit'), values);
}
