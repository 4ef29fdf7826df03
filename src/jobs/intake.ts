/**
 * Intake (SPEC §4 steps 1–7): a staff or customer form response becomes exactly one ticket.
 * Under the document lock: skip a response already processed, validate without losing anything,
 * allocate the ID, route, detect repeats, compute deadlines, write the row in one append. After the
 * lock: notify (or queue to the Outbox).
 */
import { parseLocalDateTime, weekdayOf } from '../core/calendar';
import { type IntakeInput, normalizeIntake, type ReviewReason } from '../core/tickets';
import { buildRepeatIndex, findRepeat } from '../core/tickets/repeats';
import { routeTicket } from '../core/tickets/routing';
import { INTAKE_QUESTION_KEYS, type IntakeQuestionKey, intakeQuestionTitle } from '../forms/intake';
import { bothLanguages, LANGS, type Lang, type MessageKey, t } from '../i18n';
import type { FormSubmission } from '../ports';
import { TICKETS, type TicketRow } from '../workbook/schemas';
import type { JobContext } from './context';
import { deliver } from './mailer';
import { writeNewTickets } from './new-tickets';
import { ticketNotices } from './notices';
import { type DeskSettings, loadSettings } from './settings';

/** Columns intake reads to deduplicate, detect repeats and count assignments for caps. */
const READ_KEYS = [
  'id',
  'formResponseId',
  'type',
  'phone',
  'email',
  'category',
  'receivedAt',
  'assignee',
  'createdAt',
] as const;

export type IntakeOutcome =
  | { kind: 'created'; id: string; row: number; needsReview: boolean }
  | { kind: 'duplicate'; responseId: string };

/** Answers by question key, matching titles of either language (a form may predate a language switch). */
function answersByKey(namedValues: Record<string, string[]>): Partial<Record<IntakeQuestionKey, string>> {
  const answers: Partial<Record<IntakeQuestionKey, string>> = {};
  for (const key of INTAKE_QUESTION_KEYS) {
    for (const lang of LANGS) {
      const value = namedValues[intakeQuestionTitle(lang, key)];
      if (value !== undefined) {
        answers[key] = value.join(', ');
        break;
      }
    }
  }
  return answers;
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

/** Week starts Monday, in the spreadsheet's zone. */
function assignmentCounts(
  settings: DeskSettings,
  rows: ReadonlyArray<{ assignee: string; createdAt: Date | '' }>,
  now: Date,
) {
  const zone = settings.calendar.zone;
  const dayOf = (instant: number) => zone.toLocal(instant).dayNumber;
  const today = dayOf(now.getTime());
  const monday = today - ((weekdayOf(today) + 6) % 7);
  const countsToday = new Map<string, number>();
  const countsWeek = new Map<string, number>();
  for (const row of rows) {
    if (row.assignee === '' || !(row.createdAt instanceof Date)) continue;
    const day = dayOf(row.createdAt.getTime());
    if (day === today) countsToday.set(row.assignee, (countsToday.get(row.assignee) ?? 0) + 1);
    if (day >= monday && day <= today) countsWeek.set(row.assignee, (countsWeek.get(row.assignee) ?? 0) + 1);
  }
  return { today: countsToday, week: countsWeek };
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
  const answers = answersByKey(submission.namedValues);
  const input = intakeInput(answers);
  if (origin === 'customer') input.channel ??= 'online';
  const outcome = ports.lock.withDocumentLock(settings.general.lockTimeoutSeconds * 1000, () => {
    const tickets = ctx.table<TicketRow>(TICKETS);
    const existing = tickets.readRows(READ_KEYS).rows.map((row) => row.values);
    // Before anything is allocated or written (the header was checked by the read above, no extra call).
    tickets.requireColumns();
    if (existing.some((row) => row.formResponseId === responseId))
      return { kind: 'duplicate' as const, responseId };

    const now = ctx.now();
    const { fields, reviews } = normalizeIntake(input, {
      submittedAt: now,
      now,
      descriptionMaxLength: settings.general.descriptionMaxLength,
      categories: settings.categories.filter((category) => category.active).map((category) => category.label),
      parseDateTime: (text) => {
        const instant = parseLocalDateTime(text, settings.calendar.zone);
        return instant === null ? null : new Date(instant);
      },
      labels: bothLanguages,
    });

    const route = routeTicket({
      category: fields.category,
      categories: settings.categories,
      staff: settings.staff,
      counts: assignmentCounts(settings, existing, now),
      lastAssignee: ports.store.get(`roundRobin.${fields.category}`),
    });
    if (route.assignee !== '') ports.store.set(`roundRobin.${fields.category}`, route.assignee);

    const repeat = findRepeat(buildRepeatIndex(existing), fields, settings.general.repeatWindowDays);
    const severity = repeat ? repeat.severity : fields.severity;
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
    );
    const { id, row: firstRow, record } = written;
    ports.workbook.flush();
    return { kind: 'created' as const, id, row: firstRow, needsReview: reviewNeeded, record, settings };
  });
  ctx.rememberHeaders();
  if (outcome.kind === 'duplicate') return outcome;
  deliver(ctx, ticketNotices(ctx, outcome.settings, outcome.record));
  return { kind: 'created', id: outcome.id, row: outcome.row, needsReview: outcome.needsReview };
}
