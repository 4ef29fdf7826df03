/** Submitting an audit form the way a supervisor does, by question title. */
import type { Emulator } from '../../scripts/emulator';
import { storedValue } from './properties-store';

interface AuditFormEntry {
  scorecard: string;
  version: number;
  formId: string;
}

/** The audit forms as the form registry holds them: `form.audit.<scorecard>`, listed with their version. */
export function auditForms(emu: Emulator): AuditFormEntry[] {
  const listed = JSON.parse(storedValue(emu, 'form.audit.scorecards') ?? '[]') as Array<{
    scorecard: string;
    version: number;
  }>;
  return listed.flatMap(({ scorecard, version }) => {
    const saved = storedValue(emu, `form.audit.${scorecard}`);
    return saved ? [{ scorecard, version, formId: (JSON.parse(saved) as { id: string }).id }] : [];
  });
}

/** The appeal form's id, from the form registry. */
export function appealFormId(emu: Emulator): string {
  return (JSON.parse(storedValue(emu, 'form.auditAppeal') ?? '{}') as { id: string }).id;
}

export function auditFormId(emu: Emulator, scorecard: string): string {
  const entry = auditForms(emu).find((e) => e.scorecard === scorecard);
  if (!entry) throw new Error(`no audit form for ${scorecard}`);
  return entry.formId;
}

const FIXED = {
  en: {
    staff: 'Staff audited',
    auditor: 'Auditor',
    ticketId: 'Ticket ID (optional)',
    rootCause: 'Root cause of low scores',
  },
  'zh-CN': { staff: '被检人员', auditor: '质检员', ticketId: '工单编号（可选）', rootCause: '低分原因' },
} as const;

export interface AuditSubmission {
  staff: string;
  auditor: string;
  ticketId?: string;
  rootCause?: string[];
  /** By "Section — Item" title, or a comment title. */
  items: Record<string, string>;
}

export function auditAnswers(
  answers: AuditSubmission,
  lang: 'en' | 'zh-CN' = 'en',
): Record<string, string | string[]> {
  const titles = FIXED[lang];
  const result: Record<string, string | string[]> = {
    [titles.staff]: answers.staff,
    [titles.auditor]: answers.auditor,
  };
  if (answers.ticketId !== undefined) result[titles.ticketId] = answers.ticketId;
  if (answers.rootCause) result[titles.rootCause] = answers.rootCause;
  return { ...result, ...answers.items };
}

export function submitAudit(
  emu: Emulator,
  scorecard: string,
  answers: AuditSubmission,
  lang: 'en' | 'zh-CN' = 'en',
) {
  return emu.submitForm(auditFormId(emu, scorecard), auditAnswers(answers, lang));
}

/** The worked example of the README: Phone service, one N/A, a missed greeting. */
export function phoneExample(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    'Answering — Answered within 3 rings': 'Yes',
    'Answering — Standard greeting used': 'No',
    'Service — Attitude: patient and polite': '4',
    'Service — Understood the customer’s need': '5',
    'Service — Accurate answer or resolution': '20',
    'Service — Promised reply time given and kept': 'N/A',
    'Record and closing — Record complete and clear': '6',
    'Record and closing — Standard closing phrase': 'Yes',
    'Red lines — Kept customer information private': 'Yes',
    'Red lines — Quoted no price without authority': 'Yes',
    ...overrides,
  };
}

/** The answers a pre-filled form link carries, by question title (as the person opening it sees them). */
export function prefilledAnswers(emu: Emulator, formId: string, url: string): Record<string, string> {
  const form = emu.forms.get(formId);
  const answers: Record<string, string> = {};
  const query = url.split('?')[1] ?? '';
  for (const part of query.split('&')) {
    const [name, value = ''] = part.split('=');
    const match = /^entry\.(\d+)$/.exec(name ?? '');
    const item = match ? form?.items.find((i) => i.id === Number(match[1])) : undefined;
    if (item) answers[item.title] = decodeURIComponent(value.replace(/\+/g, ' '));
  }
  return answers;
}

/** The first link of a mail's HTML with this anchor text. */
export function linkIn(html: string, text: string): string {
  const match = new RegExp(`<a href="([^"]+)">${text}</a>`).exec(html);
  if (!match) throw new Error(`no link "${text}"`);
  return match[1].replace(/&amp;/g, '&');
}
