/**
 * Escalation emails (SPEC §5 ladder): level 2 (breached) → the ticket's department head; level 3
 * (breached by more than 1 wd, or any breach of a Major complaint) → the CS manager and the GM
 * (seed 000 L803: serious complaints go to 总办; seed 003 L407: report at once to the next level).
 * Level 1 (at risk) is not mailed: it goes into the assignee's daily digest.
 *
 * A ticket that jumps levels in one run notifies every level it passed, each once. One email per
 * recipient per run, listing all of that person's escalated tickets; phones masked, text escaped by
 * renderMail. Each (ticket, level) is an idempotency key (`escalation:CMP-2026-00012:2`), listed in the
 * mail's Outbox row; a sweep re-run after a kill re-derives the same escalations, and the sweep's
 * journal says whom they were already mailed to.
 */

import { businessTimeBetween, formatDuration } from '../../core/calendar';
import { renderMail } from '../../core/mail-html';
import type { SlaStage } from '../../core/sla';
import { formatLocalDateTime } from '../../core/sla';
import { maskPhone } from '../../core/text';
import { enumLabel, type MessageKey, t } from '../../i18n';
import { render } from '../../i18n/render';
import { columnLabelOf } from '../../workbook/schema';
import { TICKETS } from '../../workbook/schemas';
import type { JobContext } from '../context';
import { STAGE_DUE_COLUMN } from '../deadlines';
import type { DeskSettings } from '../settings';
import type { Escalation } from '../sweep-row';
import type { Mail } from './outbox';
import { departmentHeads, emailsWithRole, spreadsheetLink } from './recipients';

/** Who hears about a level: heads of the ticket's department (the CS manager when it has none), or management. */
function recipientsOf(settings: DeskSettings, escalation: Escalation, level: number): string[] {
  if (level === 2) {
    const heads = departmentHeads(settings.staff, escalation.ticket.department);
    return heads.length > 0 ? heads : emailsWithRole(settings.staff, ['manager']);
  }
  if (level === 3) return emailsWithRole(settings.staff, ['manager', 'gm']);
  return [];
}

function stageLabel(ctx: JobContext, stage: SlaStage | null): string {
  if (stage === null) return '';
  return columnLabelOf(TICKETS, STAGE_DUE_COLUMN[stage], ctx.lang);
}

/** The idempotency key of one escalation level of one ticket. */
function escalationKey(ticketId: string, level: number): string {
  return `escalation:${ticketId}:${level}`;
}

interface Listed {
  escalation: Escalation;
  /** The highest level this recipient is told about for the ticket. */
  level: number;
  keys: string[];
}

export function escalationMails(
  ctx: JobContext,
  settings: DeskSettings,
  escalations: readonly Escalation[],
  /** Whether this recipient was already told of this level of this ticket (the sweep's journal). */
  told: (email: string, ticketId: string, level: number) => boolean = () => false,
): Mail[] {
  const { lang } = ctx;
  // recipient → ticket id → the highest level this recipient is told about for that ticket
  const byRecipient = new Map<string, Map<string, Listed>>();
  for (const escalation of escalations) {
    for (let level = escalation.from + 1; level <= escalation.to; level++) {
      for (const email of recipientsOf(settings, escalation, level)) {
        const tickets = byRecipient.get(email) ?? new Map<string, Listed>();
        byRecipient.set(email, tickets);
        if (told(email, escalation.ticket.id, level)) continue;
        const listed = tickets.get(escalation.ticket.id) ?? { escalation, level, keys: [] };
        listed.level = Math.max(listed.level, level);
        listed.keys.push(escalationKey(escalation.ticket.id, level));
        tickets.set(escalation.ticket.id, listed);
      }
    }
  }
  const link = spreadsheetLink(ctx);
  const columns = [
    'id',
    'level',
    'type',
    'category',
    'customer',
    'phone',
    'department',
    'assignee',
    'stage',
    'due',
    'late',
    'status',
  ].map((key) => t(lang, `escalation.col.${key}` as MessageKey));
  const now = ctx.now().getTime();
  // How late, in the business hours the deadline was set in (one decimal): "6.5 bh" / "6.5 工作小时".
  const late = (due: number | null): string => {
    if (due === null) return '';
    const hours = Math.round(businessTimeBetween(settings.calendar, due, now) / 360_000) / 10;
    return render(lang, formatDuration({ amount: Math.max(0, hours), unit: 'bh' }));
  };
  const mails: Mail[] = [];
  for (const [email, tickets] of byRecipient) {
    if (tickets.size === 0) continue;
    const rows = [...tickets.values()].map(({ escalation: { ticket, stage, due }, level }) => [
      ticket.id,
      String(level),
      ticket.type === '' ? '' : enumLabel(lang, 'ticketType', ticket.type),
      ticket.category,
      ticket.customer,
      maskPhone(ticket.phone),
      ticket.department,
      ticket.assignee,
      stageLabel(ctx, stage),
      due === null ? '' : render(lang, formatLocalDateTime(settings.calendar, due)),
      late(due),
      ticket.status === '' ? '' : enumLabel(lang, 'status', ticket.status),
    ]);
    const subject = t(lang, 'escalation.subject', { count: rows.length });
    const mail = renderMail({
      title: subject,
      intro: t(lang, 'escalation.intro'),
      sections: [{ table: { columns, rows } }],
      link: link ? { href: link, text: t(lang, 'notify.openSheet') } : undefined,
      footer: t(lang, 'notify.footer'),
    });
    mails.push({
      keys: [...tickets.values()].flatMap((listed) => listed.keys),
      to: [email],
      subject,
      htmlBody: mail.html,
      textBody: mail.text,
      reason: t(lang, 'escalation.reason'),
    });
  }
  return mails;
}
