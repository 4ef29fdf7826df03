/**
 * Intake (SPEC §4 steps 1–7): a staff or customer form response becomes exactly one ticket.
 * The inbox (./inbox) makes it exactly once and retries it; here, under the document lock: validate
 * without losing anything, route, detect repeats, then the one ticket writer (./new-tickets.ts)
 * allocates the ID, computes deadlines and appends the row, then enqueues its notices (./mail).
 *
 * Bounded reads (SPEC §15: ≤ 5,000 cells and ≤ 15 calls whatever the number of tickets): nothing reads
 * a column of every ticket. Duplicates are the inbox ledger's; repeats are found by one Google TextFinder
 * search of the sheet for the phone (or email) and a read of the rows holding it (./earlier-tickets.ts);
 * per-person caps count from a small counter of this day's and week's assignments in document properties.
 */
import { type DateOrder, dateOrderOf, parseLocalDateTime, weekdayOf } from '../core/calendar';
import { type IntakeInput, normalizeIntake, type ReviewReason } from '../core/tickets';
import { buildRepeatIndex, findRepeat } from '../core/tickets/repeats';
import { routeTicket } from '../core/tickets/routing';
import { answersByKey } from '../forms/answers';
import { INTAKE_QUESTION_KEYS, type IntakeQuestionKey, intakeQuestionTitle } from '../forms/intake';
import { bothLanguages, LANGS, type Lang, type MessageKey, t } from '../i18n';
import type { FormSubmission } from '../ports';
import { HISTORY, type HistoryRow, TICKETS, type TicketRow } from '../workbook/schemas';
import type { Table } from '../workbook/table';
import type { JobContext } from './context';
import { deadlinesFor } from './deadlines';
import { earlierTickets, rememberNewTicket } from './earlier-tickets';
import { appendHistory } from './history';
import { deferTicketNotices, enqueueMail, mailWaits, NOTICE_FIELDS, ticketNotices } from './mail';
import { praiseReceived } from './merits/automatic';
import { writeNewTickets } from './new-tickets';
import { type DeskSettings, loadSettings } from './settings';

const ASSIGNMENTS_KEY = 'intake.assignments';

export interface IntakeOutcome {
  kind: 'created';
  id: string;
  row: number;
  needsReview: boolean;
}

/** The typed (Date) answer to a question, when the response row was read from the sheet. */
function typedAnswer(submission: FormSubmission, key: IntakeQuestionKey): Date | null {
  const typed = submission.typedValues;
  if (!typed) return null;
  for (const lang of LANGS) {
    const date = (typed[intakeQuestionTitle(lang, key)] ?? []).find((value) => value instanceof Date);
    if (date instanceof Date) return date;
  }
  return null;
}

function ticked(answer: string | undefined, flag: 'compensation' | 'safety'): boolean {
  if (!answer) return false;
  return LANGS.some((lang) => answer.includes(t(lang, `form.intake.flag.${flag}` as MessageKey)));
}

function intakeInput(answers: Partial<Record<IntakeQuestionKey, string>>): IntakeInput {
  return {
    channel: answers.channel,
    type: answers.type,
    category: answers.category,
    severity: answers.severity,
    involvesCompensation: ticked(answers.flags, 'compensation'),
    involvesSafety: ticked(answers.flags, 'safety'),
    customer: answers.customer,
    phone: answers.phone,
    email: answers.email,
    address: answers.address,
    orderNo: answers.orderNo,
    description: answers.description,
    personComplained: answers.personComplained,
    receivedBy: answers.receivedBy,
    receivedAt: answers.receivedAt,
    relatedTicketId: answers.relatedTicket,
  };
}

/** Review reasons name fields by label key; the note shows them in the sheet's language. */
export function reviewNote(lang: Lang, reviews: readonly ReviewReason[]): string {
  return reviews
    .map((reason) => {
      const params: Record<string, string | number> = {};
      for (const [name, value] of Object.entries(reason.params)) {
        params[name] =
          typeof value === 'string' && value.startsWith('col.') ? t(lang, value as MessageKey) : value;
      }
      return t(lang, reason.key, params);
    })
    .join('\n');
}

interface AssignmentCounter {
  day: number;
  monday: number;
  today: Record<string, number>;
  week: Record<string, number>;
}

/**
 * This day's and week's assignments made by routing (week starts Monday, in the spreadsheet's zone),
 * kept in document properties under the lock, so caps never need the Assignee column of every ticket.
 */
function assignmentCounter(ctx: JobContext, settings: DeskSettings, now: Date): AssignmentCounter {
  const today = settings.calendar.zone.toLocal(now.getTime()).dayNumber;
  const monday = today - ((weekdayOf(today) + 6) % 7);
  let saved: Partial<AssignmentCounter> = {};
  try {
    saved = JSON.parse(ctx.ports.store.get(ASSIGNMENTS_KEY) ?? '{}') as Partial<AssignmentCounter>;
  } catch {
    // A hand-edited property starts the count again.
  }
  return {
    day: today,
    monday,
    today: saved.day === today && saved.today ? saved.today : {},
    week: saved.monday === monday && saved.week ? saved.week : {},
  };
}

function countAssignment(ctx: JobContext, counter: AssignmentCounter, assignee: string): void {
  counter.today[assignee] = (counter.today[assignee] ?? 0) + 1;
  counter.week[assignee] = (counter.week[assignee] ?? 0) + 1;
  ctx.ports.store.set(ASSIGNMENTS_KEY, JSON.stringify(counter));
}

/** Which form a response came from: the customer form asks no channel, since it is itself online. */
export type IntakeOrigin = 'staff' | 'customer';

export function handleIntake(
  ctx: JobContext,
  submission: FormSubmission,
  responseId: string,
  actor: string,
  origin: IntakeOrigin,
): IntakeOutcome {
  const { ports, lang } = ctx;
  const settings = loadSettings(ctx);
  const answers = answersByKey(submission.namedValues, INTAKE_QUESTION_KEYS, intakeQuestionTitle);
  const input = intakeInput(answers);
  // A response row read from the sheet holds Received at as a real date: no text to misread.
  const typedReceivedAt = typedAnswer(submission, 'receivedAt');
  if (typedReceivedAt) input.receivedAt = typedReceivedAt;
  if (origin === 'customer') input.channel ??= 'online';
  // Only a typed-in Received at needs the locale (one Sheets call), so it is asked for only then.
  let dateOrder: DateOrder | null = null;
  const outcome = ports.lock.withDocumentLock(settings.general.lockTimeoutSeconds * 1000, () => {
    const tickets = ctx.table<TicketRow>(TICKETS);
    // Before anything is allocated or written; also checks the header row the append writes under.
    tickets.requireColumns();

    const now = ctx.now();
    const { fields, reviews } = normalizeIntake(input, {
      submittedAt: submission.submittedAt ?? now,
      now,
      descriptionMaxLength: settings.general.descriptionMaxLength,
      categories: settings.categories.filter((category) => category.active).map((category) => category.label),
      parseDateTime: (text) => {
        dateOrder ??= dateOrderOf(ports.workbook.locale());
        const instant = parseLocalDateTime(text, settings.calendar.zone, dateOrder);
        return instant === null ? null : new Date(instant);
      },
      labels: bothLanguages,
    });

    const counter = assignmentCounter(ctx, settings, now);
    const route = routeTicket({
      category: fields.category,
      categories: settings.categories,
      staff: settings.staff,
      counts: {
        today: new Map(Object.entries(counter.today)),
        week: new Map(Object.entries(counter.week)),
      },
      lastAssignee: ports.store.get(`roundRobin.${fields.category}`),
    });
    if (route.assignee !== '') {
      ports.store.set(`roundRobin.${fields.category}`, route.assignee);
      countAssignment(ctx, counter, route.assignee);
    }

    const earlier = earlierTickets(tickets, ports.store, fields);
    const prior = buildRepeatIndex(earlier.prior);
    const repeat = findRepeat(prior, fields, settings.general.repeatWindowDays);
    // A repeat is raised to Major; an Urgent ticket stays Urgent (its clock is the tighter one).
    const severity = repeat && fields.severity !== 'urgent' ? repeat.severity : fields.severity;
    const allReviews = [...reviews, ...route.reviews];
    if (repeat)
      allReviews.push({
        key: 'tickets.review.repeat',
        params: { id: repeat.repeatOf, days: settings.general.repeatWindowDays },
      });

    const reviewNeeded = reviews.length > 0 || route.reviews.length > 0;
    const [written] = writeNewTickets(
      ctx,
      settings,
      [
        {
          fields: { ...fields, severity },
          department: route.department,
          assignee: route.assignee,
          needsReview: reviewNeeded,
          reviewNote: reviewNote(lang, allReviews),
          repeatOf: repeat?.repeatOf ?? '',
          supervised: repeat !== null,
          formResponseId: responseId,
        },
      ],
      'form',
      actor,
      { trustCachedHistoryHeader: true },
    );
    const { id, row: firstRow, record } = written;
    rememberNewTicket(ports.store, earlier.learned, fields, firstRow);
    // A praise ticket naming a staff member is a merit (SPEC §8.2); praise only, so other intake costs nothing.
    if (fields.type === 'praise') praiseReceived(ctx, settings, { ...fields, id }, actor, true);
    ports.workbook.flush();
    // The notices in the ticket's locked step (keys notice:<ticket>:<kind>): a kill after the append
    // leaves them to completeIntake, which enqueues what is missing. While mail waits in the Outbox
    // they could not go out before the next hourly run anyway: that run enqueues them (./mail/deferred).
    const notices = ticketNotices(ctx, settings, record);
    if (notices.length > 0 && !(mailWaits(ctx) && deferTicketNotices(ctx, id, firstRow)))
      enqueueMail(ctx, notices);
    return { kind: 'created' as const, id, row: firstRow, needsReview: reviewNeeded };
  });
  ctx.rememberHeaders();
  return { kind: 'created', id: outcome.id, row: outcome.row, needsReview: outcome.needsReview };
}

/** The sheet row of the ticket made from this response, or null (TextFinder on Form response ID). */
export function ticketRowOfResponse(tickets: Table<TicketRow>, responseId: string): number | null {
  const rows = tickets.findRows(['formResponseId'], responseId, { exact: true, limit: 1 });
  return rows[0] ?? null;
}

/**
 * Finishes the step of a response whose ticket was appended by an execution that then died (the
 * inbox found the ticket of a claimed row): the deadline notes are written again (the same notes) and
 * the History "created" entry is appended if it is not there. Under the document lock.
 */
export function completeIntake(ctx: JobContext, responseId: string, actor: string): void {
  const { lang } = ctx;
  const settings = loadSettings(ctx);
  const tickets = ctx.table<TicketRow>(TICKETS);
  const row = ticketRowOfResponse(tickets, responseId);
  if (row === null) return;
  const [ticket] = tickets.readRowList([row], NOTICE_FIELDS).rows;
  if (!ticket) return;
  const { id, type, severity, receivedAt } = ticket.values;
  if (type === 'praise') praiseReceived(ctx, settings, ticket.values, actor, false);
  if (type !== '' && severity !== '' && receivedAt instanceof Date)
    tickets.writeNotes(row, deadlinesFor(settings, lang, { type, severity, receivedAt }).notes);
  const created = t(lang, 'history.created');
  const history = ctx.table<HistoryRow>(HISTORY);
  const entries = history.readRowList(history.findRows(['recordId'], id, { exact: true }), [
    'recordId',
    'field',
  ]).rows;
  if (!entries.some((entry) => LANGS.some((l) => entry.values.field === t(l, 'history.created'))))
    appendHistory(ctx, 'form', [
      { actor, recordId: id, field: created, oldValue: '', newValue: t(lang, 'enum.status.new') },
    ]);
  ctx.ports.workbook.flush();
  // Notices the dead execution did not enqueue (the keys make those it did a no-op).
  enqueueMail(ctx, ticketNotices(ctx, settings, ticket.values));
}
