/**
 * A merit-form response (奖惩登记) becomes one Merits row, through the one inbox (jobs/inbox): a catalog
 * item for a staff member, or the reversal of an entry named by its ID. Bad input (nobody of that name,
 * an item not in the catalog, a recorder who is not a supervisor, an entry that cannot be reversed) is
 * stored with state Needs review and the reason in the note — it counts only once someone confirms it.
 */

import { checkReversal } from '../../core/merits';
import type { KeyedMessage } from '../../core/message';
import { catalogItemOf, readMeritAnswers, recorders } from '../../forms/merit';
import { t } from '../../i18n';
import { render } from '../../i18n/render';
import type { FormSubmission } from '../../ports';
import type { MeritRow } from '../../workbook/schemas';
import type { JobContext } from '../context';
import { type DeskSettings, loadSettings } from '../settings';
import {
  appendEntries,
  entryWithReversals,
  itemDraft,
  type MeritDraft,
  responseRecorded,
  reversalDraft,
} from './ledger';

function known(names: readonly { name: string }[], name: string): boolean {
  const wanted = name.trim().toLowerCase();
  return wanted !== '' && names.some((member) => member.name.trim().toLowerCase() === wanted);
}

/** The plan for one response: the draft to append. */
function meritDraft(
  ctx: JobContext,
  settings: DeskSettings,
  answers: ReturnType<typeof readMeritAnswers>,
  responseId: string,
): MeritDraft {
  const reviews: KeyedMessage[] = [];
  if (!known(recorders(settings.staff), answers.recordedBy))
    reviews.push({ key: 'merits.review.notSupervisor', params: { name: answers.recordedBy } });
  const reviewText = () => reviews.map((review) => render(ctx.lang, review)).join('\n');
  const withReviews = (note: string) => [reviewText(), note].filter((part) => part !== '').join('\n');

  if (answers.reverses !== '') {
    const check = checkReversal(entryWithReversals(ctx, answers.reverses), answers.reverses);
    if (check.ok) {
      const draft = reversalDraft(ctx, check.entry, {
        rule: 'form',
        recordedBy: answers.recordedBy,
        reason: answers.note,
        formResponseId: responseId,
      });
      return reviews.length > 0 ? { ...draft, state: 'needsReview', note: withReviews(draft.note) } : draft;
    }
    reviews.push(check.review);
  }
  if (!known(settings.staff, answers.staff))
    reviews.push({ key: 'merits.review.unknownStaff', params: { name: answers.staff } });
  const item = answers.reverses === '' ? catalogItemOf(settings.meritCatalog, answers.item) : null;
  if (answers.reverses === '' && !item)
    reviews.push({ key: 'merits.review.unknownItem', params: { item: answers.item } });
  const fields = {
    staff: answers.staff,
    evidence: answers.evidence,
    rule: 'form' as const,
    note: withReviews(answers.note),
    recordedBy: answers.recordedBy,
    formResponseId: responseId,
    state: (reviews.length > 0 ? 'needsReview' : 'entered') as MeritRow['state'],
  };
  if (item) return itemDraft(settings, item, fields);
  return { ...fields, item: answers.item, level: '', sign: '', points: '', reverses: answers.reverses };
}

export function handleMeritSubmission(
  ctx: JobContext,
  submission: FormSubmission,
  responseId: string,
): string {
  const settings = loadSettings(ctx);
  const answers = readMeritAnswers(submission.namedValues);
  const ids = ctx.ports.lock.withDocumentLock(settings.general.lockTimeoutSeconds * 1000, () => {
    // A duplicate trigger fire (the inbox asks only after an attempt that did not finish).
    if (responseRecorded(ctx, responseId)) return [];
    const draft = meritDraft(ctx, settings, answers, responseId);
    const written = appendEntries(ctx, settings, [draft], 'form');
    ctx.ports.workbook.flush();
    return written;
  });
  ctx.rememberHeaders();
  return ids.length === 0
    ? `merit form: duplicate ${responseId}`
    : `merit form: recorded ${ids.join(' ')} (${t(ctx.lang, 'sheet.merits')})`;
}
