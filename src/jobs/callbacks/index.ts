/**
 * A callback-form submission (SPEC §7): one attempt row in Callbacks, judged by core/callbacks, and what
 * it changes on the ticket. Follows intake's pattern (SPEC §4): under the document lock, skip a response
 * already processed (duplicate trigger fires, SPEC §14), keep bad input but flag it, one append to
 * Callbacks, one batched update of the ticket, History; notify after the lock.
 *
 * `planCallback` decides all of it from what was read (pure, tested without ports); `handleCallback`
 * reads under the lock, plans, and applies the plan in that order.
 */

import { businessTimeBetween } from '../../core/calendar';
import { type CallbackTicket, judgeAttempt, type RecordedAttempt } from '../../core/callbacks';
import { type CallbackState, type HistorySource, isEnumCode, type TicketStatus } from '../../core/enums';
import { sanitizeUserText } from '../../core/text';
import { readCallbackAnswers } from '../../forms/callback';
import { enumLabel, type Lang, t } from '../../i18n';
import type { FormSubmission } from '../../ports';
import { columnLabelOf } from '../../workbook/schema';
import { CALLBACKS, type CallbackRow, TICKETS, type TicketRow } from '../../workbook/schemas';
import { changedFields } from '../../workbook/table';
import { keepReopenedInWindow } from '../active-rows';
import type { JobContext } from '../context';
import { type Deadlines, ticketDeadlines } from '../deadlines';
import { appendHistory, type HistoryEntry } from '../history';
import { type CallbackFacts, callbackNotices, enqueueMail, type NoticeTicket } from '../mail';
import { type DeskSettings, loadSettings } from '../settings';
import { type StoredAttempt, type StoredTicket, sameId, storedAttempts, ticketNamed } from './lookup';

/** Longest ticket ID or staff name kept from a form answer. */
const ID_MAX_LENGTH = 60;

export type CallbackOutcome =
  | { kind: 'recorded'; ticketId: string; attemptNo: number; valid: boolean }
  | { kind: 'duplicate'; responseId: string };

export type { StoredAttempt, StoredTicket } from './lookup';

/** The answers as kept: sanitized, cut to length; with the confirmation code for the attempt row. */
export type CallbackResponse = ReturnType<typeof readCallbackAnswers>;

/** What the plan reads: the settings it applies, what was read under the lock, and now. */
export interface CallbackPlanInput {
  settings: Pick<DeskSettings, 'general' | 'calendar' | 'sla'>;
  lang: Lang;
  now: Date;
  responseId: string;
  /** Who the History names when the form does not say who called. */
  formActor: string;
  answers: CallbackResponse;
  /**
   * The Callbacks rows naming this ticket ID (the attempts so far), or this response when no ticket ID
   * was given: whether this response is already recorded is among them (./lookup).
   */
  attempts: readonly StoredAttempt[];
  /** The ticket the answer names, as read (null when no ticket has that ID). */
  ticket: { row: number; values: StoredTicket } | null;
}

/** Everything one response changes, in the order the apply step writes it. */
export type CallbackPlan =
  | { kind: 'duplicate' }
  | {
      kind: 'recorded';
      ticketId: string;
      attemptNo: number;
      valid: boolean;
      /** The one row appended to Callbacks. */
      attempt: Partial<CallbackRow>;
      /** The ticket's changed cells and notes; null when the attempt changes nothing on a ticket. */
      ticketUpdate: {
        row: number;
        values: Partial<TicketRow>;
        notes: Partial<Record<keyof TicketRow, string>>;
      } | null;
      history: HistoryEntry[];
      /** What the reopen / manager notices say, after the lock; null when no notice is due. */
      notice: { ticket: NoticeTicket; facts: CallbackFacts } | null;
    };

function yesNo(value: StoredAttempt['reached']): boolean | null {
  return value === '' ? null : value === 'yes';
}

/** Rows typed by hand without a date cannot take part in "different days"; they still number attempts. */
function recorded(rows: readonly StoredAttempt[]): RecordedAttempt[] {
  return rows
    .filter((row) => row.at instanceof Date)
    .map((row) => ({
      at: row.at as Date,
      by: row.by,
      method: row.method === '' ? null : row.method,
      reached: yesNo(row.reached),
      satisfaction: typeof row.satisfaction === 'number' ? row.satisfaction : null,
      issueResolved: yesNo(row.issueResolved),
      comments: row.comments,
    }));
}

function callbackTicket(row: StoredTicket): CallbackTicket {
  return {
    ...row,
    pausedMs: Number(row.pausedMs) || 0,
    reopenCount: Number(row.reopenCount) || 0,
  };
}

function label(lang: Lang, key: keyof TicketRow): string {
  return columnLabelOf(TICKETS, key, lang);
}

function stateLabel(lang: Lang, state: CallbackState | ''): string {
  return isEnumCode('callbackState', state) ? enumLabel(lang, 'callbackState', state) : '';
}

function statusLabel(lang: Lang, status: TicketStatus | ''): string {
  return isEnumCode('status', status) ? enumLabel(lang, 'status', status) : '';
}

/** The answers of one attempt (from the form, or the ticket panel), made safe to store. */
function safeAnswers(parsed: CallbackResponse, descriptionMaxLength: number): CallbackResponse {
  return {
    ...parsed,
    ticketId: sanitizeUserText(parsed.ticketId, ID_MAX_LENGTH).text,
    by: sanitizeUserText(parsed.by, ID_MAX_LENGTH).text,
    comments: sanitizeUserText(parsed.comments, descriptionMaxLength).text,
  };
}

/** Decides what a callback response records and changes. Pure: reads nothing, writes nothing. */
export function planCallback(input: CallbackPlanInput): CallbackPlan {
  const { settings, lang, now, responseId, answers, attempts, ticket: found } = input;
  if (attempts.some((row) => row.formResponseId === responseId)) return { kind: 'duplicate' };
  const rules = {
    maxUnreachedAttempts: settings.general.callbackMaxAttempts,
    minDistinctDays: settings.general.callbackMinDistinctDays,
    smsOnlyLimit: settings.general.smsOnlyLimit,
  };
  const zone = settings.calendar.zone;
  const previous = attempts.filter(
    (row) => answers.ticketId !== '' && sameId(row.ticketId, answers.ticketId),
  );
  const verdict = judgeAttempt(found ? callbackTicket(found.values) : null, answers, recorded(previous), {
    now,
    rules,
    dayOf: (instant) => zone.toLocal(instant).dayNumber,
    businessMs: (from, to) => businessTimeBetween(settings.calendar, from.getTime(), to.getTime()),
  });
  const attemptNo = previous.length + 1;
  const flagText = verdict.flags.map((flag) => t(lang, flag.key, flag.params)).join(' ');
  const ticketId = found ? found.values.id : answers.ticketId;
  const attempt: Partial<CallbackRow> = {
    ticketId,
    attemptNo,
    at: now,
    by: answers.by,
    method: answers.method ?? '',
    reached: answers.reached === null ? '' : answers.reached ? 'yes' : 'no',
    satisfaction: answers.satisfaction ?? '',
    issueResolved: answers.issueResolved === null ? '' : answers.issueResolved ? 'yes' : 'no',
    comments: answers.comments,
    confirmation: answers.confirmation ?? '',
    valid: verdict.valid,
    flag: flagText,
    formResponseId: responseId,
  };

  const actor = answers.by || input.formActor;
  const history: HistoryEntry[] = [
    {
      actor,
      recordId: ticketId,
      field: t(lang, 'callbacks.history.attempt', { n: attemptNo }),
      oldValue: '',
      newValue: verdict.valid
        ? t(lang, 'callbacks.history.valid', { satisfaction: answers.satisfaction ?? '' })
        : `${t(lang, 'callbacks.history.invalid')}: ${flagText}`,
    },
  ];
  const change = verdict.ticket;
  if (!found || !change) {
    return {
      kind: 'recorded',
      ticketId,
      attemptNo,
      valid: verdict.valid,
      attempt,
      ticketUpdate: null,
      history,
      notice: null,
    };
  }

  const before = found.values;
  const values: Partial<TicketRow> = { callbackState: change.callbackState, updatedAt: now };
  // A reopen resumes the resolve clock (core/tickets/lifecycle): its deadline and note move with it.
  let rework: Deadlines | null = null;
  if (change.callbackAt) values.callbackAt = change.callbackAt;
  if (change.satisfaction) values.satisfaction = change.satisfaction;
  if (change.reopen) {
    values.status = 'reopened';
    if (change.reopen.effects.reopenCount !== undefined)
      values.reopenCount = change.reopen.effects.reopenCount;
    if (change.reopen.effects.pausedMs !== undefined) {
      values.pausedMs = change.reopen.effects.pausedMs;
      rework = ticketDeadlines(settings, lang, { ...before, pausedMs: values.pausedMs });
      if (rework) Object.assign(values, rework.values);
    }
    history.push({
      actor,
      recordId: ticketId,
      field: label(lang, 'status'),
      oldValue: statusLabel(lang, before.status),
      newValue: statusLabel(lang, 'reopened'),
    });
  }
  if (change.callbackState !== before.callbackState) {
    history.push({
      actor,
      recordId: ticketId,
      field: label(lang, 'callbackState'),
      oldValue: stateLabel(lang, before.callbackState),
      newValue: stateLabel(lang, change.callbackState),
    });
  }
  // The state cell says why a ticket is held in the queue (SMS only → call or visit, seed 004 L266);
  // the note is cleared when the ticket leaves that state.
  const explained = (state: CallbackState | '') => state === 'invalid' || state === 'unreachable';
  const notes: Partial<Record<keyof TicketRow, string>> = { ...rework?.notes };
  if (explained(change.callbackState) || explained(before.callbackState)) {
    notes.callbackState = explained(change.callbackState) ? flagText : '';
  }
  const notice = change.satisfaction
    ? {
        ticket: { ...before },
        facts: {
          by: answers.by,
          satisfaction: change.satisfaction,
          issueResolved: answers.issueResolved,
          comments: answers.comments,
          reopened: change.reopen !== undefined,
          askManager: change.askManager,
        },
      }
    : null;
  return {
    kind: 'recorded',
    ticketId,
    attemptNo,
    valid: verdict.valid,
    attempt,
    ticketUpdate: { row: found.row, values, notes },
    history,
    notice,
  };
}

export function handleCallback(
  ctx: JobContext,
  submission: FormSubmission,
  responseId: string,
  formActor: string,
): CallbackOutcome {
  return recordCallbackAttempt(
    ctx,
    readCallbackAnswers(submission.namedValues),
    responseId,
    formActor,
    'form',
  );
}

/**
 * One callback attempt, whoever logged it (the form, or the ticket panel with source 'panel'): the same
 * plan, the same rows. `responseId` identifies the submission, so a repeated one adds nothing.
 */
export function recordCallbackAttempt(
  ctx: JobContext,
  given: CallbackResponse,
  responseId: string,
  formActor: string,
  source: HistorySource,
  /** The ticket's row as the caller just read it under the same lock (the panel): Tickets is not read. */
  located?: { row: number; values: StoredTicket },
): CallbackOutcome {
  const settings = loadSettings(ctx);
  const answers = safeAnswers(given, settings.general.descriptionMaxLength);
  const plan = ctx.ports.lock.withDocumentLock(settings.general.lockTimeoutSeconds * 1000, () => {
    const attemptsTable = ctx.table<CallbackRow>(CALLBACKS);
    // Only the rows naming this ticket (or response), found by a search: bounded whatever the size.
    const attempts = storedAttempts(attemptsTable, answers.ticketId, responseId);
    // The plan says so too; deciding here spares a duplicate fire the search of Tickets.
    if (attempts.some((row) => row.formResponseId === responseId)) return { kind: 'duplicate' as const };
    const tickets = ctx.table<TicketRow>(TICKETS);
    const ticket =
      located && sameId(located.values.id, answers.ticketId)
        ? located
        : ticketNamed(tickets, answers.ticketId);
    const planned = planCallback({
      settings,
      lang: ctx.lang,
      now: ctx.now(),
      responseId,
      formActor,
      answers,
      attempts,
      ticket,
    });
    if (planned.kind === 'recorded') {
      // One appendRow: the attempt's row number is not needed, so no getLastRow either.
      attemptsTable.appendRecord(planned.attempt);
      const update = planned.ticketUpdate;
      if (update) {
        const read = ticket?.row === update.row ? ticket.values : {};
        tickets.updateRows(
          [{ row: update.row, values: changedFields(read, update.values) }],
          Object.keys(update.notes).length > 0 ? [{ row: update.row, notes: update.notes }] : [],
        );
        if (update.values.status === 'reopened') keepReopenedInWindow(ctx.ports.store, [update]);
      }
      // The panel's History rows go under the cached header map, as its other actions' (panel/actions).
      appendHistory(ctx, source, planned.history, { trustCachedHeader: source === 'panel' });
      // In the same locked step as the attempt: a kill after it leaves the notice queued, not lost.
      if (planned.notice)
        enqueueMail(
          ctx,
          callbackNotices(ctx, settings, planned.notice.ticket, planned.notice.facts, responseId),
        );
      ctx.ports.workbook.flush();
    }
    return planned;
  });
  ctx.rememberHeaders();
  if (plan.kind === 'duplicate') return { kind: 'duplicate', responseId };
  return { kind: 'recorded', ticketId: plan.ticketId, attemptNo: plan.attemptNo, valid: plan.valid };
}
