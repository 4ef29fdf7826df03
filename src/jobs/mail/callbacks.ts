/**
 * Who hears about a callback (SPEC §7): a reopening callback tells the ticket's owner and department
 * head; a "very dissatisfied" (1) callback asks the CS manager to call the customer back personally
 * (seed 002 L156 §3.7.5.9). Customer contact details are masked (SPEC §14).
 */
import type { Satisfaction } from '../../core/callbacks';
import { renderMail } from '../../core/mail-html';
import { maskPhone } from '../../core/text';
import { satisfactionLabel } from '../../forms/callback';
import { type MessageKey, t } from '../../i18n';
import type { TicketRow } from '../../workbook/schemas';
import type { JobContext } from '../context';
import type { DeskSettings } from '../settings';
import type { Mail } from './outbox';
import { departmentHeads, emailsWithRole, spreadsheetLink, staffEmail } from './recipients';

export type NoticeTicket = Pick<
  TicketRow,
  'id' | 'customer' | 'phone' | 'category' | 'assignee' | 'department'
>;

export interface CallbackFacts {
  by: string;
  satisfaction: Satisfaction;
  issueResolved: boolean | null;
  comments: string;
  reopened: boolean;
  askManager: boolean;
}

function callbackMail(
  ctx: JobContext,
  ticket: NoticeTicket,
  facts: CallbackFacts,
  kind: 'reopened' | 'manager',
  to: string[],
  attempt: string,
): Mail {
  const { lang } = ctx;
  const subject = t(lang, `callbacks.notify.subject.${kind}` as MessageKey, { id: ticket.id });
  const resolvedText =
    facts.issueResolved === null ? '—' : t(lang, facts.issueResolved ? 'enum.yesNo.yes' : 'enum.yesNo.no');
  const link = spreadsheetLink(ctx);
  const mail = renderMail({
    title: subject,
    intro: t(lang, `callbacks.notify.intro.${kind}` as MessageKey),
    sections: [
      {
        fields: [
          [t(lang, 'notify.field.id'), ticket.id],
          [t(lang, 'notify.field.customer'), ticket.customer],
          [t(lang, 'notify.field.phone'), maskPhone(ticket.phone)],
          [t(lang, 'notify.field.category'), ticket.category],
          [t(lang, 'notify.field.assignee'), ticket.assignee],
          [t(lang, 'callbacks.notify.field.by'), facts.by],
          [t(lang, 'callbacks.notify.field.satisfaction'), satisfactionLabel(lang, facts.satisfaction)],
          [t(lang, 'callbacks.notify.field.issueResolved'), resolvedText],
          [t(lang, 'callbacks.notify.field.comments'), facts.comments.slice(0, 500)],
        ],
      },
    ],
    link: link ? { href: link, text: t(lang, 'notify.openSheet') } : undefined,
    footer: t(lang, 'notify.footer'),
  });
  return {
    keys: [`callback:${attempt}:${kind}`],
    to,
    subject,
    htmlBody: mail.html,
    textBody: mail.text,
    reason: t(lang, `callbacks.notify.reason.${kind}` as MessageKey),
  };
}

/** The notices of one callback attempt (`attempt`: the response it came from, its idempotency key). */
export function callbackNotices(
  ctx: JobContext,
  settings: DeskSettings,
  ticket: NoticeTicket,
  facts: CallbackFacts,
  attempt: string,
): Mail[] {
  const notices: Mail[] = [];
  if (facts.reopened) {
    const owner = staffEmail(settings.staff, ticket.assignee);
    const to = [...(owner ? [owner] : []), ...departmentHeads(settings.staff, ticket.department)];
    if (to.length > 0) notices.push(callbackMail(ctx, ticket, facts, 'reopened', to, attempt));
  }
  if (facts.askManager) {
    const managers = emailsWithRole(settings.staff, ['manager']);
    if (managers.length > 0) notices.push(callbackMail(ctx, ticket, facts, 'manager', managers, attempt));
  }
  return notices;
}
