/**
 * The audit forms (质检, SPEC §8.1): one Google Form per scorecard, generated from ⚙ Scorecards. Fixed
 * questions (staff, auditor, ticket, root cause) have i18n titles and are read by the title of either
 * language; item questions are titled "Section — Item" as the manager wrote them. Answers are read back
 * into core/scoring answers; what cannot be read is kept as text and flagged by core/audits.
 */
import {
  type AuditAnswers,
  type FormAnswer,
  type Scorecard,
  type ScorecardItem,
  splitList,
} from '../core/audits';
import { SCALE_MAX, SCALE_MIN } from '../core/scoring';
import { activeStaffNames, type StaffMember } from '../core/settings';
import { enumCodeFromText, normalizeLabel } from '../core/text';
import { bothLanguages, enumLabels, LANGS, type Lang, type MessageKey, t } from '../i18n';
import type { FormSpec, QuestionSpec } from '../ports';

type FixedKey = 'staff' | 'auditor' | 'ticketId' | 'rootCause' | 'calibration';
const FIXED: readonly FixedKey[] = ['staff', 'auditor', 'ticketId', 'rootCause', 'calibration'];

/** Points items up to this max are a choice list 0..max; larger ones a number typed in. */
const MAX_POINT_CHOICES = 30;

function fixedTitle(lang: Lang, key: FixedKey): string {
  return t(lang, `form.audit.q.${key}` as MessageKey);
}

export function itemTitle(item: Pick<ScorecardItem, 'section' | 'text'>): string {
  return `${item.section} — ${item.text}`;
}

function commentTitle(lang: Lang, section: string): string {
  return t(lang, 'form.audit.q.comment', { section });
}

function sectionsOf(scorecard: Scorecard): string[] {
  return [...new Set(scorecard.items.map((item) => item.section))];
}

function range(from: number, to: number): string[] {
  const values: string[] = [];
  for (let n = from; n <= to; n += 1) values.push(String(n));
  return values;
}

function itemQuestion(lang: Lang, item: ScorecardItem): QuestionSpec {
  const title = itemTitle(item);
  const na = item.allowNa ? [t(lang, 'form.audit.na')] : [];
  const key = `item:${item.key}`;
  switch (item.answerKind) {
    case 'yesNo':
      return { key, title, kind: 'choice', required: true, choices: [...enumLabels(lang, 'yesNo'), ...na] };
    case 'scale':
      return {
        key,
        title,
        kind: 'choice',
        required: true,
        choices: [...range(SCALE_MIN, SCALE_MAX), ...na],
        help: t(lang, 'form.audit.help.scale'),
      };
    case 'points':
      if (Number.isInteger(item.max) && item.max <= MAX_POINT_CHOICES)
        return { key, title, kind: 'choice', required: true, choices: [...range(0, item.max), ...na] };
      return {
        key,
        title,
        kind: 'text',
        required: true,
        help: t(lang, 'form.audit.help.points', { max: item.max }),
      };
    case 'passRate':
      return { key, title, kind: 'text', required: true, help: t(lang, 'form.audit.help.passRate') };
  }
}

export function auditFormSpec(lang: Lang, scorecard: Scorecard, staff: readonly StaffMember[]): FormSpec {
  const names = activeStaffNames(staff);
  const questions: QuestionSpec[] = [
    { key: 'staff', title: fixedTitle(lang, 'staff'), kind: 'list', required: true, choices: names },
    { key: 'auditor', title: fixedTitle(lang, 'auditor'), kind: 'list', required: true, choices: names },
    {
      key: 'ticketId',
      title: fixedTitle(lang, 'ticketId'),
      kind: 'text',
      required: false,
      help: t(lang, 'form.audit.help.ticketId'),
    },
  ];
  for (const section of sectionsOf(scorecard)) {
    for (const item of scorecard.items.filter((i) => i.section === section))
      questions.push(itemQuestion(lang, item));
    questions.push({
      key: `comment:${section}`,
      title: commentTitle(lang, section),
      kind: 'paragraph',
      required: false,
    });
  }
  if (scorecard.rootCauses.length > 0)
    questions.push({
      key: 'rootCause',
      title: fixedTitle(lang, 'rootCause'),
      kind: 'checkbox',
      required: false,
      choices: scorecard.rootCauses,
    });
  // Last, so a supervisor's ordinary audit never meets it: the calibration link fills it in.
  questions.push({
    key: 'calibration',
    title: fixedTitle(lang, 'calibration'),
    kind: 'text',
    required: false,
    help: t(lang, 'form.audit.help.calibration'),
  });
  return {
    title: t(lang, 'form.audit.title', { scorecard: scorecard.name }),
    description: t(lang, 'form.audit.description'),
    questions,
  };
}

/** A pre-filled link's answers (the supervisors' sample in the digest): staff and ticket ID. */
export function auditPrefill(lang: Lang, staffName: string, ticketId: string): Record<string, string> {
  return { [fixedTitle(lang, 'staff')]: staffName, [fixedTitle(lang, 'ticketId')]: ticketId };
}

/** A calibrator's link: staff, ticket, the calibrator as auditor and the session. */
export function calibrationPrefill(
  lang: Lang,
  staffName: string,
  ticketId: string,
  calibrator: string,
  session: string,
): Record<string, string> {
  return {
    ...auditPrefill(lang, staffName, ticketId),
    [fixedTitle(lang, 'auditor')]: calibrator,
    [fixedTitle(lang, 'calibration')]: session,
  };
}

const NA_WORDS = new Set(['n/a', 'na', '-', ...bothLanguages('form.audit.na').map(normalizeLabel)]);

function number(text: string): number | null {
  const cleaned = text.replace(/[%％\s]/g, '');
  if (cleaned === '') return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}

/** One answer's text → a scorable answer, N/A, or unreadable text; undefined when left empty. */
export function readItemAnswer(item: ScorecardItem, text: string): FormAnswer | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (NA_WORDS.has(normalizeLabel(trimmed))) return { type: 'na' };
  const unreadable: FormAnswer = { type: 'unreadable', text: trimmed };
  switch (item.answerKind) {
    case 'yesNo': {
      const code = enumCodeFromText(bothLanguages, 'yesNo', trimmed);
      return code === null ? unreadable : { type: 'yesNo', yes: code === 'yes' };
    }
    case 'scale': {
      const level = number(trimmed);
      return level === null ? unreadable : { type: 'scale', level };
    }
    case 'points': {
      const points = number(trimmed);
      return points === null ? unreadable : { type: 'points', points };
    }
    case 'passRate': {
      const percent = number(trimmed);
      return percent === null ? unreadable : { type: 'passRate', percent };
    }
  }
}

function fixedAnswer(namedValues: Record<string, string[]>, key: FixedKey): string | undefined {
  for (const lang of LANGS) {
    const value = namedValues[fixedTitle(lang, key)];
    if (value !== undefined) return value.join(', ').trim();
  }
  return undefined;
}

function commentAnswer(namedValues: Record<string, string[]>, section: string): string {
  for (const lang of LANGS) {
    const value = namedValues[commentTitle(lang, section)];
    if (value !== undefined) return value.join(', ').trim();
  }
  return '';
}

/** The submission's answers against the scorecard its form was made from. */
export function readAuditAnswers(scorecard: Scorecard, namedValues: Record<string, string[]>): AuditAnswers {
  const items: Record<string, FormAnswer | undefined> = {};
  const texts: Record<string, string> = {};
  const known = new Set<string>();
  for (const item of scorecard.items) {
    const title = itemTitle(item);
    known.add(title);
    const value = namedValues[title];
    if (value === undefined) continue;
    const text = value.join(', ');
    texts[item.key] = text.trim();
    items[item.key] = readItemAnswer(item, text);
  }
  const comments: Record<string, string> = {};
  for (const section of sectionsOf(scorecard)) {
    known.add(commentTitle('en', section)).add(commentTitle('zh-CN', section));
    comments[section] = commentAnswer(namedValues, section);
  }
  for (const key of FIXED) for (const lang of LANGS) known.add(fixedTitle(lang, key));
  // The response sheet keeps a column for every question a form ever had (answered '' since); Google
  // adds the timestamp (and, if collected, the email) too.
  const unknownQuestions = Object.entries(namedValues).filter(
    ([title, value]) =>
      !known.has(title) &&
      value.join('').trim() !== '' &&
      !/^(timestamp|时间戳记?|email address|电子邮件地址)$/i.test(title.trim()),
  ).length;
  return {
    staff: fixedAnswer(namedValues, 'staff') ?? '',
    auditor: fixedAnswer(namedValues, 'auditor') ?? '',
    ticketId: (fixedAnswer(namedValues, 'ticketId') ?? '').toUpperCase(),
    items,
    texts,
    rootCauses: splitList(fixedAnswer(namedValues, 'rootCause') ?? ''),
    comments,
    unknownQuestions,
    calibration: (fixedAnswer(namedValues, 'calibration') ?? '').toUpperCase(),
  };
}

type AppealKey = 'auditId' | 'staff' | 'response' | 'items' | 'reason';
const APPEAL_KEYS: readonly AppealKey[] = ['auditId', 'staff', 'response', 'items', 'reason'];

function appealTitle(lang: Lang, key: AppealKey): string {
  return t(lang, `form.auditAppeal.q.${key}` as MessageKey);
}

/** One form for every audit: acknowledge the result, or appeal it (SPEC §8.1); links arrive pre-filled. */
export function appealFormSpec(lang: Lang, staff: readonly StaffMember[]): FormSpec {
  return {
    title: t(lang, 'form.auditAppeal.title'),
    description: t(lang, 'form.auditAppeal.description'),
    questions: [
      { key: 'auditId', title: appealTitle(lang, 'auditId'), kind: 'text', required: true },
      {
        key: 'staff',
        title: appealTitle(lang, 'staff'),
        kind: 'list',
        required: true,
        choices: activeStaffNames(staff),
      },
      {
        key: 'response',
        title: appealTitle(lang, 'response'),
        kind: 'choice',
        required: true,
        choices: enumLabels(lang, 'appealResponse'),
      },
      { key: 'items', title: appealTitle(lang, 'items'), kind: 'paragraph', required: false },
      { key: 'reason', title: appealTitle(lang, 'reason'), kind: 'paragraph', required: false },
    ],
  };
}

export function appealPrefill(
  lang: Lang,
  auditId: string,
  staffName: string,
  response: 'acknowledge' | 'appeal',
): Record<string, string> {
  return {
    [appealTitle(lang, 'auditId')]: auditId,
    [appealTitle(lang, 'staff')]: staffName,
    [appealTitle(lang, 'response')]: t(lang, `enum.appealResponse.${response}` as MessageKey),
  };
}

export interface AppealAnswers {
  auditId: string;
  staff: string;
  response: 'acknowledge' | 'appeal' | null;
  items: string;
  reason: string;
}

export function readAppealAnswers(namedValues: Record<string, string[]>): AppealAnswers {
  const raw: Partial<Record<AppealKey, string>> = {};
  for (const key of APPEAL_KEYS) {
    for (const lang of LANGS) {
      const value = namedValues[appealTitle(lang, key)];
      if (value !== undefined) {
        raw[key] = value.join(', ').trim();
        break;
      }
    }
  }
  return {
    auditId: (raw.auditId ?? '').toUpperCase(),
    staff: raw.staff ?? '',
    response: raw.response ? enumCodeFromText(bothLanguages, 'appealResponse', raw.response) : null,
    items: raw.items ?? '',
    reason: raw.reason ?? '',
  };
}
