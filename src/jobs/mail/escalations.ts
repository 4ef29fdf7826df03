/**
 * Escalation emails (SPEC §5 ladder, issue 14 "Noise"): level 2 (breached) → the ticket's department
 * head; level 3 (breached by more than 1 wd, or any breach of a Major complaint) → the CS manager and the
 * GM (seed 000 L803: serious complaints go to 总办; seed 003 L407: report at once to the next level).
 * Level 1 (at risk) is not mailed: it goes into the assignee's daily digest. How far a ticket escalates,
 * and whether its levels are mailed at once or in the recipients' one summary a day, is ⚙ SLA policy's
 * escalation rule per type and severity (praise never escalates; only Major complaints go at once).
 *
 * A ticket that jumps levels notifies every level it passed, each once. One email per recipient,
 * listing all of that person's escalated tickets; each line says the ticket, the level in words, type
 * and category, the customer's issue (short) and name, assignee and department, the deadline missed
 * and when it was due, how late in business hours, the status, and links to the ticket's row. Phones
 * are not shown (a manager opens the row); text escaped by renderMail.
 *
 * Keys: an alert lists each (ticket, level) as `escalation:CMP-2026-00012:2`; the sweep's journal says
 * whom they were already mailed to. A summary is one event per recipient and day,
 * `escalation-summary:<email>:<date>`, indexed by the Outbox, so a re-run after a kill is a no-op.
 */

import { type BusinessCalendar, businessTimeBetween, formatDuration } from '../../core/calendar';
import type { TicketType } from '../../core/enums';
import { type MailLink, renderMail } from '../../core/mail-html';
import type { SlaStage } from '../../core/sla';
import { formatLocalDateTime } from '../../core/sla';
import { enumLabel, type Lang, type MessageKey, t } from '../../i18n';
import { render } from '../../i18n/render';
import { columnLabelOf } from '../../workbook/schema';
import { TICKETS, type TicketRow } from '../../workbook/schemas';
import type { JobContext } from '../context';
import { STAGE_DUE_COLUMN } from '../deadlines';
import type { DeskSettings } from '../settings';
import type { Mail } from './outbox';
import { departmentHeads, emailsWithRole, spreadsheetLink } from './recipients';

/** What an escalation line shows of its ticket. */
export type EscalatedTicket = Pick<
  TicketRow,
  'id' | 'type' | 'category' | 'customer' | 'description' | 'department' | 'assignee' | 'status'
>;

/** One ticket's escalation to tell: levels (from, to], the stage missed, and how late as of `lateAt`. */
export interface EscalationNotice {
  ticket: EscalatedTicket;
  /** The ticket's sheet row (for the link), or null when unknown. */
  row: number | null;
  from: number;
  to: number;
  stage: SlaStage | null;
  due: number | null;
  /** Lateness is measured up to here: now, or when the missed stage was done since. */
  lateAt: number;
}

/** The customer's issue in a line: the description's first 40 characters, on one line. */
const ISSUE_CHARS = 40;

/** Who hears about a level: heads of the ticket's department (the CS manager when it has none), or management. */
function recipientsOf(settings: DeskSettings, department: string, level: number): string[] {
  if (level === 2) {
    const heads = departmentHeads(settings.staff, department);
    return heads.length > 0 ? heads : emailsWithRole(settings.staff, ['manager']);
  }
  if (level === 3) return emailsWithRole(settings.staff, ['manager', 'gm']);
  return [];
}

/** The idempotency key of one escalation level of one ticket. */
function escalationKey(ticketId: string, level: number): string {
  return `escalation:${ticketId}:${level}`;
}

interface Listed {
  notice: EscalationNotice;
  /** The highest level this recipient is told about for the ticket. */
  level: number;
  keys: string[];
}

/** Recipient → the tickets they are told about, each with the highest level they hear of. */
function byRecipient(
  settings: DeskSettings,
  notices: readonly EscalationNotice[],
  told: (email: string, ticketId: string, level: number) => boolean,
): Map<string, Map<string, Listed>> {
  const result = new Map<string, Map<string, Listed>>();
  for (const notice of notices) {
    for (let level = notice.from + 1; level <= notice.to; level++) {
      for (const email of recipientsOf(settings, notice.ticket.department, level)) {
        if (told(email, notice.ticket.id, level)) continue;
        const tickets = result.get(email) ?? new Map<string, Listed>();
        result.set(email, tickets);
        const listed = tickets.get(notice.ticket.id) ?? { notice, level, keys: [] };
        listed.level = Math.max(listed.level, level);
        listed.keys.push(escalationKey(notice.ticket.id, level));
        tickets.set(notice.ticket.id, listed);
      }
    }
  }
  return result;
}

/** A level in words: "Breached: department head" / "已超时：部门负责人". */
export function levelWords(lang: Lang, level: number): string {
  return level >= 1 && level <= 3 ? t(lang, `escalation.level.${level}` as MessageKey) : '';
}

/** The description on one line, cut to ISSUE_CHARS characters. */
function shortIssue(description: string): string {
  const line = description.replace(/\s+/g, ' ').trim();
  const chars = [...line];
  return chars.length <= ISSUE_CHARS ? line : `${chars.slice(0, ISSUE_CHARS - 1).join('')}…`;
}

/** The Tickets sheet's id, per execution (one property read, not one per line). */
const ticketSheetIds = new WeakMap<JobContext, string>();

/** A link to the ticket's row in Tickets (the sheet's id is remembered once; no Sheets call after). */
export function ticketRowLink(ctx: JobContext, row: number | null): string {
  const base = spreadsheetLink(ctx);
  if (!base || row === null) return base;
  let id: string | null = ticketSheetIds.get(ctx) ?? null;
  if (id === null) {
    const key = 'sheet.id.tickets';
    id = ctx.ports.store.get(key);
    if (id === null) {
      const sheet = ctx.findSheet(TICKETS);
      if (sheet) {
        id = String(sheet.id());
        ctx.ports.store.set(key, id);
      }
    }
    if (id !== null) ticketSheetIds.set(ctx, id);
  }
  return id === null ? base : `${base}#gid=${id}&range=A${row}`;
}

/**
 * Nine columns, so a line fits a mail pane (a browser test renders it at 900 px): type with category,
 * assignee with department, the deadline missed with when it was due.
 */
const COLUMNS = ['id', 'level', 'type', 'issue', 'assignee', 'stage', 'late', 'status', 'open'] as const;

/** "a · b", or whichever is not empty. */
function joined(...parts: string[]): string {
  return parts.filter((part) => part !== '').join(' · ');
}

function lines(
  ctx: JobContext,
  calendar: BusinessCalendar,
  tickets: Map<string, Listed>,
): Array<Array<string | MailLink>> {
  const { lang } = ctx;
  // How late, in business hours (one decimal): "6.5 bh" / "6.5 工作小时".
  const late = (due: number | null, until: number): string => {
    if (due === null) return '';
    const hours = Math.round(businessTimeBetween(calendar, due, until) / 360_000) / 10;
    return render(lang, formatDuration({ amount: Math.max(0, hours), unit: 'bh' }));
  };
  return [...tickets.values()].map(({ notice: { ticket, stage, due, row, lateAt }, level }) => {
    const link = ticketRowLink(ctx, row);
    return [
      ticket.id,
      levelWords(lang, level),
      joined(
        ticket.type === '' ? '' : enumLabel(lang, 'ticketType', ticket.type as TicketType),
        ticket.category,
      ),
      joined(shortIssue(ticket.description), ticket.customer),
      joined(ticket.assignee, ticket.department),
      stage === null
        ? ''
        : t(lang, 'escalation.stageDue', {
            stage: columnLabelOf(TICKETS, STAGE_DUE_COLUMN[stage], lang),
            due: due === null ? '' : render(lang, formatLocalDateTime(calendar, due)),
          }),
      late(due, lateAt),
      ticket.status === '' ? '' : enumLabel(lang, 'status', ticket.status),
      link ? { text: t(lang, 'escalation.openRow'), href: link } : '',
    ];
  });
}

/** Lines of one summary; the rest are counted and linked to the sheet (a day of thousands stays readable). */
const SUMMARY_LINES = 50;

/** Most serious first: the higher level, then the longer late. */
function bySeriousness(a: Listed, b: Listed): number {
  const lateness = (listed: Listed) =>
    listed.notice.due === null ? 0 : listed.notice.lateAt - listed.notice.due;
  return (
    b.level - a.level || lateness(b) - lateness(a) || a.notice.ticket.id.localeCompare(b.notice.ticket.id)
  );
}

function composed(
  ctx: JobContext,
  settings: DeskSettings,
  email: string,
  all: Map<string, Listed>,
  text: { subject: string; intro: string; reason: string; keys: string[] },
  limit = Number.POSITIVE_INFINITY,
): Mail {
  const { lang } = ctx;
  const link = spreadsheetLink(ctx);
  const columns = COLUMNS.map((key) => t(lang, `escalation.col.${key}` as MessageKey));
  const listed = [...all.entries()];
  const shown = new Map(
    listed.length <= limit ? listed : listed.sort((a, b) => bySeriousness(a[1], b[1])).slice(0, limit),
  );
  const more = listed.length - shown.size;
  const moreText = t(lang, 'mail.list.more', { count: more });
  const mail = renderMail({
    title: text.subject,
    intro: text.intro,
    sections: [
      {
        table: { columns, rows: lines(ctx, settings.calendar, shown) },
        ...(more === 0 ? {} : link ? { more: { text: moreText, href: link } } : { paragraphs: [moreText] }),
      },
    ],
    link: link ? { href: link, text: t(lang, 'notify.openSheet') } : undefined,
    footer: t(lang, 'notify.footer'),
  });
  return {
    keys: text.keys,
    to: [email],
    subject: text.subject,
    htmlBody: mail.html,
    textBody: mail.text,
    reason: text.reason,
  };
}

/** Alerts sent at once (the sweep): one mail per recipient, keyed by each (ticket, level) it tells. */
export function escalationMails(
  ctx: JobContext,
  settings: DeskSettings,
  notices: readonly EscalationNotice[],
  /** Whether this recipient was already told of this level of this ticket (the sweep's journal). */
  told: (email: string, ticketId: string, level: number) => boolean = () => false,
): Mail[] {
  const { lang } = ctx;
  const mails: Mail[] = [];
  for (const [email, tickets] of byRecipient(settings, notices, told)) {
    if (tickets.size === 0) continue;
    mails.push(
      composed(ctx, settings, email, tickets, {
        subject: t(lang, 'escalation.subject', { count: tickets.size }),
        intro: t(lang, 'escalation.intro'),
        reason: t(lang, 'escalation.reason'),
        keys: [...tickets.values()].flatMap((listed) => listed.keys),
      }),
    );
  }
  return mails;
}

/** The day's summaries (one per recipient): key escalation-summary:<email>:<date>. */
export function escalationSummaryMails(
  ctx: JobContext,
  settings: DeskSettings,
  notices: readonly EscalationNotice[],
  date: string,
  /** Whether a level goes in this person's summary: as a summary line, as an alert the cap held, or not. */
  listed: (email: string, ticketId: string, level: number) => 'summary' | 'held' | false = () => 'summary',
): Mail[] {
  const { lang } = ctx;
  const mails: Mail[] = [];
  const heldTickets = new Map<string, Set<string>>();
  const skip = (email: string, ticketId: string, level: number): boolean => {
    const how = listed(email, ticketId, level);
    if (how === 'held') heldTickets.set(email, (heldTickets.get(email) ?? new Set()).add(ticketId));
    return how === false;
  };
  for (const [email, tickets] of byRecipient(settings, notices, skip)) {
    if (tickets.size === 0) continue;
    const held = heldTickets.get(email)?.size ?? 0;
    const intro = t(lang, 'escalation.summary.intro');
    mails.push(
      composed(
        ctx,
        settings,
        email,
        tickets,
        {
          subject: t(lang, 'escalation.summary.subject', { date, count: tickets.size }),
          intro:
            held === 0
              ? intro
              : `${intro} ${t(lang, 'escalation.summary.held', { count: held, cap: settings.general.alertsPerPersonPerDay })}`,
          reason: t(lang, 'escalation.summary.reason'),
          keys: [`escalation-summary:${email}:${date}`],
        },
        SUMMARY_LINES,
      ),
    );
  }
  return mails;
}
