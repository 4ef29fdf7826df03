/**
 * Appeals of a provisional month (考核申诉, SPEC §8.3). A person appeals from the pre-filled link of their
 * assessment mail, naming the point (a rule or an ID) and why; the appeal gets a row in Assessment
 * appeals with the month's final date. One made after that date is stored as Too late. A CS manager or
 * the GM decides in the sheet: Decision accept/partly with the correcting points (or, for an entry of
 * the ledger named in the appeal, nothing: that entry is reversed), or reject. An upheld appeal is a
 * ledger entry of rule "Upheld appeal" in the appealed month, and the next hourly run computes the month
 * again; a decision after the month went final counts in the month it is made.
 */
import { checkReversal } from '../../core/merits';
import { sanitizeUserText } from '../../core/text';
import { assessmentAppealFormSpec, readAssessmentAppealAnswers } from '../../forms/assessment-appeal';
import { t } from '../../i18n';
import type { CellEdit, FormInfo, FormSubmission } from '../../ports';
import { ASSESSMENT_APPEALS, type AssessmentAppealRow } from '../../workbook/schemas';
import type { JobContext } from '../context';
import { ensureLinkedForm } from '../linked-form';
import {
  appendEntries,
  entryOfResponse,
  entryWithReversals,
  type MeritDraft,
  reversalDraft,
} from '../merits/ledger';
import { type DeskSettings, loadSettings } from '../settings';
import { provisionalMonth } from './state';

const TEXT_MAX = 2000;
const ENTRY_ID = /\b[A-Z]{2,5}-\d{4}-\d{5}\b/;

export function syncAssessmentAppealForm(ctx: JobContext, settings: DeskSettings): FormInfo {
  return ensureLinkedForm(
    ctx.ports,
    'form.assessmentAppeal',
    assessmentAppealFormSpec(ctx.lang, settings.staff),
  );
}

/** One response → one Assessment appeals row: pending until the month's final date, else Too late. */
export function handleAssessmentAppealSubmission(
  ctx: JobContext,
  submission: FormSubmission,
  responseId: string,
): string {
  const settings = loadSettings(ctx);
  const answers = readAssessmentAppealAnswers(submission.namedValues);
  const outcome = ctx.ports.lock.withDocumentLock(settings.general.lockTimeoutSeconds * 1000, () => {
    const table = ctx.table<AssessmentAppealRow>(ASSESSMENT_APPEALS);
    if (table.has('formResponseId', responseId)) return 'duplicate';
    const now = ctx.now();
    const pending = provisionalMonth(ctx.ports.store);
    const due = pending && pending.month === answers.month ? new Date(pending.finalOn) : null;
    const late = due === null || now.getTime() > due.getTime();
    table.appendRecord({
      at: now,
      month: sanitizeUserText(answers.month, 20).text,
      staff: sanitizeUserText(answers.staff, 60).text,
      point: sanitizeUserText(answers.point, TEXT_MAX).text,
      reason: sanitizeUserText(answers.reason, TEXT_MAX).text,
      due: due ?? '',
      decision: late ? 'expired' : 'pending',
      note: late ? t(ctx.lang, 'assessment.appeal.note.late', { month: answers.month }) : '',
      formResponseId: responseId,
    });
    ctx.ports.workbook.flush();
    return late ? 'too late' : 'pending';
  });
  ctx.rememberHeaders();
  return `assessment appeal: ${outcome} (${answers.month})`;
}

const APPEAL_KEYS = [
  'month',
  'staff',
  'point',
  'reason',
  'decision',
  'points',
  'decidedAt',
  'entryId',
  'formResponseId',
] as const;

/** The ledger entry an upheld appeal makes: the correcting points, or the reversal of the entry it names. */
function upheldDraft(
  ctx: JobContext,
  appeal: Pick<AssessmentAppealRow, (typeof APPEAL_KEYS)[number]>,
  recordedBy: string,
): MeritDraft | string {
  const points = typeof appeal.points === 'number' ? appeal.points : 0;
  const inWindow = provisionalMonth(ctx.ports.store)?.month === appeal.month;
  const reason = t(ctx.lang, 'assessment.appeal.entryNote', { month: appeal.month, reason: appeal.reason });
  if (points !== 0)
    return {
      staff: appeal.staff,
      item: appeal.point,
      level: '',
      sign: points > 0 ? 'merit' : 'demerit',
      points,
      evidence: appeal.month,
      rule: 'appeal',
      note: reason,
      recordedBy,
      state: 'entered',
      reverses: '',
      formResponseId: '',
      month: inWindow ? appeal.month : undefined,
    };
  const id = ENTRY_ID.exec(appeal.point.toUpperCase())?.[0];
  if (!id) return t(ctx.lang, 'assessment.appeal.note.needsPoints');
  const check = checkReversal(entryWithReversals(ctx, id), id);
  if (!check.ok) return t(ctx.lang, check.review.key, check.review.params as Record<string, string>);
  return reversalDraft(ctx, check.entry, { rule: 'appeal', recordedBy, reason });
}

/** A decision typed into Assessment appeals, by a CS manager or the GM. */
export function handleAssessmentAppealEdit(ctx: JobContext, edit: CellEdit): void {
  const settings = loadSettings(ctx);
  const deciders = settings.staff.filter((s) => s.active && (s.role === 'manager' || s.role === 'gm'));
  const decider = deciders.find((s) => s.email === edit.user.trim().toLowerCase());
  ctx.ports.lock.withDocumentLock(settings.general.lockTimeoutSeconds * 1000, () => {
    const table = ctx.table<AssessmentAppealRow>(ASSESSMENT_APPEALS);
    for (const { row, values } of table.readRowsAt(edit.row, edit.numRows, APPEAL_KEYS).rows) {
      if (values.decidedAt instanceof Date) continue;
      const decision = values.decision;
      if (decision !== 'accept' && decision !== 'partly' && decision !== 'reject') continue;
      if (!decider) {
        table.updateRows([
          { row, values: { decision: 'pending', note: t(ctx.lang, 'assessment.appeal.note.notManager') } },
        ]);
        continue;
      }
      const decided = { decidedBy: decider.name, decidedAt: ctx.now(), note: '' };
      if (decision === 'reject') {
        table.updateRows([{ row, values: decided }]);
        continue;
      }
      // The entry names its appeal (the appeal's response): a decision typed again after an edit that
      // died between the entry and this row finds it instead of recording a second one.
      const key = `appeal:${values.formResponseId || `${values.month}:${values.staff}:${row}`}`;
      let entryId = entryOfResponse(ctx, key);
      if (entryId === null) {
        const draft = upheldDraft(ctx, values, decider.name);
        if (typeof draft === 'string') {
          table.updateRows([{ row, values: { note: draft } }]);
          continue;
        }
        [entryId] = appendEntries(ctx, settings, [{ ...draft, formResponseId: key }], 'edit');
      }
      table.updateRows([{ row, values: { ...decided, entryId } }]);
    }
    ctx.ports.workbook.flush();
  });
  ctx.rememberHeaders();
}
