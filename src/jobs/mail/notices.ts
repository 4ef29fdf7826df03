/**
 * Who hears about a new ticket (SPEC §4 step 7): the assignee; for a Major ticket also the department
 * head and the CS manager at once (seed 003 L407), and for a Major complaint the GM too (seed 002
 * §3.4.7: a major complaint is reported to the general manager on receipt); for a repeat complaint the department head
 * (seed 000 L799–801). Customer contact details are masked in every email.
 */

import { renderMail } from '../../core/mail-html';
import { formatLocalDateTime } from '../../core/sla';
import { maskPhone } from '../../core/text';
import { enumLabel, type Lang, type MessageKey, t } from '../../i18n';
import { render } from '../../i18n/render';
import type { TicketRow } from '../../workbook/schemas';
import type { JobContext } from '../context';
import type { DeskSettings } from '../settings';
import type { Mail } from './outbox';
import { departmentHeads, emailsWithRole, spreadsheetLink, staffEmail } from './recipients';

function formatWhen(lang: Lang, settings: DeskSettings, value: Date | ''): string {
  return value === '' ? '—' : render(lang, formatLocalDateTime(settings.calendar, value.getTime()));
}

function ticketMail(
  ctx: JobContext,
  settings: DeskSettings,
  ticket: Partial<TicketRow>,
  kind: 'assigned' | 'major' | 'urgent' | 'repeat',
  to: string[],
): Mail {
  const { lang } = ctx;
  const typeLabel = ticket.type ? enumLabel(lang, 'ticketType', ticket.type) : '';
  const params = { type: typeLabel, id: ticket.id ?? '', repeatOf: ticket.repeatOf ?? '' };
  const subject = t(lang, `notify.subject.${kind}` as MessageKey, params);
  const mail = renderMail({
    title: subject,
    intro: t(lang, `notify.intro.${kind}` as MessageKey),
    sections: [
      {
        fields: [
          [t(lang, 'notify.field.id'), ticket.id ?? ''],
          [t(lang, 'notify.field.type'), typeLabel],
          [t(lang, 'notify.field.category'), ticket.category ?? ''],
          [t(lang, 'notify.field.customer'), ticket.customer ?? ''],
          [t(lang, 'notify.field.phone'), maskPhone(ticket.phone ?? '')],
          [t(lang, 'notify.field.description'), (ticket.description ?? '').slice(0, 500)],
          [t(lang, 'notify.field.assignee'), ticket.assignee ?? ''],
          [t(lang, 'notify.field.resolveDue'), formatWhen(lang, settings, ticket.resolveDue ?? '')],
        ],
      },
    ],
    link: spreadsheetLink(ctx)
      ? { href: spreadsheetLink(ctx), text: t(lang, 'notify.openSheet') }
      : undefined,
    footer: t(lang, 'notify.footer'),
  });
  return {
    keys: [`notice:${ticket.id ?? ''}:${kind}`],
    to,
    subject,
    htmlBody: mail.html,
    textBody: mail.text,
    reason: t(lang, `notify.reason.${kind}` as MessageKey),
  };
}

/** The Tickets columns a ticket's notices say (read back when they are composed later). */
export const NOTICE_FIELDS = [
  'id',
  'type',
  'severity',
  'receivedAt',
  'category',
  'customer',
  'phone',
  'description',
  'assignee',
  'department',
  'resolveDue',
  'repeatOf',
  'personComplained',
] as const;

export function ticketNotices(ctx: JobContext, settings: DeskSettings, ticket: Partial<TicketRow>): Mail[] {
  const notices: Mail[] = [];
  const assignee = staffEmail(settings.staff, ticket.assignee ?? '');
  if (assignee) notices.push(ticketMail(ctx, settings, ticket, 'assigned', [assignee]));
  const heads = departmentHeads(settings.staff, ticket.department ?? '');
  if (ticket.severity === 'urgent') {
    // Around the clock: the department head and the CS manager (the duty manager) at once.
    const to = [...heads, ...emailsWithRole(settings.staff, ['manager'])];
    if (to.length > 0) notices.push(ticketMail(ctx, settings, ticket, 'urgent', to));
  }
  if (ticket.severity === 'major') {
    const managers = emailsWithRole(
      settings.staff,
      ticket.type === 'complaint' ? ['manager', 'gm'] : ['manager'],
    );
    const to = [...heads, ...managers];
    if (to.length > 0) notices.push(ticketMail(ctx, settings, ticket, 'major', to));
  }
  if (ticket.repeatOf && heads.length > 0) notices.push(ticketMail(ctx, settings, ticket, 'repeat', heads));
  return notices;
}
