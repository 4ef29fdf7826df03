/**
 * The daily digest (SPEC §6): one email per person, never one per ticket, at the ⚙ General digest hour
 * on working days. Each person gets their overdue, due-today and at-risk tickets (escalation level 1
 * lands here, SPEC §5) and the callbacks due, with a pre-filled callback-form link; managers and the GM
 * also get the Major complaints received since the last digest and the desk's deadlines due today that
 * are not late yet (so they can be chased before they breach). Phones masked, text escaped
 * (renderMail). Nothing to say → no email.
 *
 * What each mail is for (a morning plan, a summary before leaving: seed 004 L256, L276): the digest is
 * the day's work, the 16:00 escalation summary (./escalation-summary) the escalations. So the digest lists
 * no breach or escalation news: a ticket already late is in no manager list of the digest, and each
 * escalation is told once, in the summary (or at once for Major complaints and Urgent tickets).
 *
 * Idempotent per day: each person's digest is enqueued with the key digest:<email>:<date> under the
 * document lock, so a run cut short by a kill enqueues again only what was not (the keys of the others
 * make theirs a no-op); a run cut short by the time budget saves a cursor of who is done. Each list shows at most 30 rows,
 * then "+N more — open the sheet" (a manager's digest stays well within a cell's 50,000 characters).
 */

import { callbackOwnerOf } from '../../core/callbacks/owner';
import { isCallbackDue } from '../../core/callbacks/window';
import { type MailCell, type MailSection, renderMail } from '../../core/mail-html';
import type { Budget, Slot } from '../../core/schedule';
import type { StaffMember } from '../../core/settings';
import { formatLocalDateTime, SLA_STAGES, type SlaStage } from '../../core/sla';
import { maskPhone } from '../../core/text';
import { OPEN_STATUSES } from '../../core/tickets';
import { callbackPrefill } from '../../forms/callback';
import { registeredForm } from '../../forms/registry';
import { type MessageKey, t } from '../../i18n';
import { render } from '../../i18n/render';
import type { FormInfo } from '../../ports';
import { columnLabelOf } from '../../workbook/schema';
import { TICKETS, type TicketRow } from '../../workbook/schemas';
import { pointsAtRiskByPerson, pointsAtRiskSection } from '../assessment/digest-section';
import { auditSampleSection, openSamplesByAuditor } from '../audits/digest-section';
import type { JobContext } from '../context';
import { STAGE_COLUMNS, STAGE_DONE_COLUMN, STAGE_DUE_COLUMN } from '../deadlines';
import { inspectionDigest } from '../inspections/daily';
import type { RunCounts } from '../run-log';
import type { DeskSettings } from '../settings';
import { ticketRowLink } from './escalations';
import { type EnqueueResult, enqueueMail, type Mail } from './outbox';
import { spreadsheetLink } from './recipients';

const DIGEST_KEYS = [
  'id',
  'status',
  'type',
  'severity',
  'category',
  'customer',
  'phone',
  'department',
  'assignee',
  'receivedBy',
  'receivedAt',
  ...STAGE_COLUMNS,
  'callbackDue',
  'callbackState',
  'slaState',
] as const;

type DigestTicket = Pick<TicketRow, (typeof DIGEST_KEYS)[number]>;

const CURSOR_KEY = 'digest.cursor';
/** Rows per list in one digest; the rest are counted and linked to the sheet. */
export const DIGEST_LIST_ROWS = 30;
const DIGEST_LOCK_MS = 30_000;
const MANAGER_ROLES: ReadonlySet<StaffMember['role']> = new Set<StaffMember['role']>(['manager', 'gm']);
const OPEN: ReadonlySet<string> = new Set(OPEN_STATUSES);

export interface DigestWindow {
  /** The digest's day, [start, end): "due today". */
  slot: Slot;
  /** Managers see what happened after this instant (the previous digest). */
  since: number;
  /** When the digest is written (later than the slot when a missed run is caught up). */
  now: number;
}

interface OpenStageDue {
  stage: SlaStage;
  due: number;
}

/** Open stages of a ticket with their due instants, from the deadline columns the sweep keeps current. */
function openStages(ticket: DigestTicket): OpenStageDue[] {
  const stages: OpenStageDue[] = [];
  for (const stage of SLA_STAGES) {
    const due = ticket[STAGE_DUE_COLUMN[stage]];
    if (due instanceof Date && !(ticket[STAGE_DONE_COLUMN[stage]] instanceof Date))
      stages.push({ stage, due: due.getTime() });
  }
  return stages;
}

/**
 * Who calls the customer back: the first receiver (首问负责, seed 003 L359 `1.3.2.6`) — the CS desk does
 * the tracking callback (seed 000 L765, L785) — else the assignee; the assessment charges the same person
 * for a missed one (core/callbacks/owner.ts, ⚙ General callbackByReceiver).
 */
function callbackOwner(settings: DeskSettings, ticket: DigestTicket): string {
  return callbackOwnerOf(ticket, settings.staff, settings.general.callbackByReceiver);
}

/** A pre-filled callback-form link (ticket and caller), or null while the callback form does not exist. */
function callbackLink(
  ctx: JobContext,
  form: FormInfo | null,
  ticketId: string,
  staffName: string,
): string | null {
  if (!form) return null;
  try {
    const url = ctx.ports.forms.prefilledUrl(form.id, callbackPrefill(ctx.lang, ticketId, staffName));
    return url === '' ? null : url;
  } catch (error) {
    ctx.ports.log.error('callback form link failed', error);
    return null;
  }
}

class DigestWriter {
  private readonly form: FormInfo | null;

  constructor(
    private readonly ctx: JobContext,
    private readonly settings: DeskSettings,
    /** Each ticket's sheet row, for its "Open ticket" link. */
    private readonly rowOf: ReadonlyMap<DigestTicket, number>,
  ) {
    this.form = registeredForm(ctx.ports.store, 'form.callback');
  }

  /** A short "Open ticket" / "打开工单" link to the ticket's row (never a bare URL in the table). */
  private openLink(ticket: DigestTicket): MailCell {
    const href = ticketRowLink(this.ctx, this.rowOf.get(ticket) ?? null);
    return href ? { text: this.text('escalation.openRow'), href } : '';
  }

  private text(key: string, params?: Record<string, string | number>): string {
    return t(this.ctx.lang, key as MessageKey, params);
  }

  private when(instant: number): string {
    return render(this.ctx.lang, formatLocalDateTime(this.settings.calendar, instant));
  }

  private enumLabel(name: string, code: string): string {
    return code === '' ? '' : this.text(`enum.${name}.${code}`);
  }

  private stageLabel(stage: SlaStage): string {
    return columnLabelOf(TICKETS, STAGE_DUE_COLUMN[stage], this.ctx.lang);
  }

  private columns(keys: string[]): string[] {
    return keys.map((key) => this.text(`digest.col.${key}`));
  }

  private stageTable(
    heading: string,
    items: Array<{ ticket: DigestTicket; stage: OpenStageDue }>,
    withOwner: boolean,
  ): MailSection | null {
    if (items.length === 0) return null;
    const keys = [
      'id',
      'type',
      'category',
      'customer',
      'phone',
      'deadline',
      'due',
      ...(withOwner ? ['assignee', 'department'] : ['status']),
      'open',
    ];
    const rows = items.map(({ ticket, stage }) => [
      ticket.id,
      this.enumLabel('ticketType', ticket.type),
      ticket.category,
      ticket.customer,
      maskPhone(ticket.phone),
      this.stageLabel(stage.stage),
      this.when(stage.due),
      ...(withOwner ? [ticket.assignee, ticket.department] : [this.enumLabel('status', ticket.status)]),
      this.openLink(ticket),
    ]);
    return { heading: this.text(heading), table: { columns: this.columns(keys), rows } };
  }

  /** The sections of one person's digest; empty when there is nothing to say. */
  sections(
    person: StaffMember,
    tickets: readonly DigestTicket[],
    window: DigestWindow,
    news: ManagerNews,
  ): MailSection[] {
    const { start, end } = window.slot;
    const { now } = window;
    const overdue: Array<{ ticket: DigestTicket; stage: OpenStageDue }> = [];
    const dueToday: Array<{ ticket: DigestTicket; stage: OpenStageDue }> = [];
    const atRisk: Array<{ ticket: DigestTicket; stage: OpenStageDue }> = [];
    const callbacks: DigestTicket[] = [];
    for (const ticket of tickets) {
      if (isCallbackDue(ticket.callbackState) && callbackOwner(this.settings, ticket) === person.name)
        callbacks.push(ticket);
      if (!OPEN.has(ticket.status) || ticket.assignee !== person.name) continue;
      const stages = openStages(ticket).sort((a, b) => a.due - b.due);
      const late = stages.find((stage) => stage.due < now);
      const today = stages.find((stage) => stage.due >= now && stage.due >= start && stage.due < end);
      const breached = late ?? (ticket.slaState === 'breached' ? stages[0] : undefined);
      if (breached) overdue.push({ ticket, stage: breached });
      else if (today) dueToday.push({ ticket, stage: today });
      else if (ticket.slaState === 'atRisk' && stages.length > 0) atRisk.push({ ticket, stage: stages[0] });
    }
    const sections: Array<MailSection | null> = [
      this.stageTable('digest.section.overdue', overdue, false),
      this.stageTable('digest.section.dueToday', dueToday, false),
      this.stageTable('digest.section.atRisk', atRisk, false),
      this.callbackSection(person, callbacks),
    ];
    if (MANAGER_ROLES.has(person.role)) sections.push(...this.managerSections(person, news));
    return sections
      .filter((section): section is MailSection => section !== null)
      .map((section) => this.capped(section));
  }

  /** A list longer than DIGEST_LIST_ROWS shows its first rows and "+N more — open the sheet". */
  capped(section: MailSection): MailSection {
    const rows = section.table?.rows ?? [];
    if (!section.table || rows.length <= DIGEST_LIST_ROWS) return section;
    const text = this.text('mail.list.more', { count: rows.length - DIGEST_LIST_ROWS });
    const link = spreadsheetLink(this.ctx);
    return {
      ...section,
      table: { ...section.table, rows: rows.slice(0, DIGEST_LIST_ROWS) },
      ...(link ? { more: { text, href: link } } : { paragraphs: [...(section.paragraphs ?? []), text] }),
    };
  }

  private callbackSection(person: StaffMember, callbacks: readonly DigestTicket[]): MailSection | null {
    if (callbacks.length === 0) return null;
    const rows = callbacks.map((ticket): MailCell[] => {
      const form = callbackLink(this.ctx, this.form, ticket.id, person.name);
      return [
        ticket.id,
        ticket.customer,
        maskPhone(ticket.phone),
        this.enumLabel('callbackState', ticket.callbackState),
        ticket.callbackDue instanceof Date ? this.when(ticket.callbackDue.getTime()) : '',
        // The pre-filled form's ~300-character URL behind two words, so the table stays readable.
        form ? { text: this.text('digest.logCallback'), href: form } : this.text('digest.noForm'),
        this.openLink(ticket),
      ];
    });
    return {
      heading: this.text('digest.section.callbacks'),
      table: { columns: this.columns(['id', 'customer', 'phone', 'state', 'due', 'link', 'open']), rows },
    };
  }

  private managerSections(person: StaffMember, news: ManagerNews): Array<MailSection | null> {
    const major: MailSection | null =
      news.major.length === 0
        ? null
        : {
            heading: this.text('digest.section.major'),
            table: {
              columns: this.columns([
                'id',
                'category',
                'customer',
                'phone',
                'assignee',
                'department',
                'status',
              ]),
              rows: news.major.map((ticket) => [
                ticket.id,
                ticket.category,
                ticket.customer,
                maskPhone(ticket.phone),
                ticket.assignee,
                ticket.department,
                this.enumLabel('status', ticket.status),
              ]),
            },
          };
    // Their own tickets are in "Your tickets due today" already.
    const others = news.dueToday.filter(({ ticket }) => ticket.assignee !== person.name);
    return [major, this.stageTable('digest.section.deskDueToday', others, true)];
  }

  mail(person: StaffMember, window: DigestWindow, sections: MailSection[]): Mail {
    const subject = this.text('digest.subject', { date: window.slot.label });
    const link = spreadsheetLink(this.ctx);
    const rendered = renderMail({
      title: subject,
      intro: this.text('digest.intro', { name: person.name }),
      sections,
      link: link ? { href: link, text: this.text('notify.openSheet') } : undefined,
      footer: this.text('notify.footer'),
    });
    return {
      keys: [`digest:${person.email}:${window.slot.label}`],
      to: [person.email],
      subject,
      htmlBody: rendered.html,
      textBody: rendered.text,
      reason: this.text('digest.reason'),
    };
  }
}

interface ManagerNews {
  /** The desk's open deadlines due later today, on tickets with no deadline missed yet. */
  dueToday: Array<{ ticket: DigestTicket; stage: OpenStageDue }>;
  major: DigestTicket[];
}

/**
 * What managers read in the morning: the Major complaints received since the last digest, and what is
 * due today across the desk. A ticket with a deadline already missed is left out: its escalation is the
 * summary's (or the alert's) to tell, once.
 */
function managerNews(tickets: readonly DigestTicket[], window: DigestWindow): ManagerNews {
  const { now } = window;
  const { start, end } = window.slot;
  const dueToday: ManagerNews['dueToday'] = [];
  const major: DigestTicket[] = [];
  for (const ticket of tickets) {
    if (!OPEN.has(ticket.status)) continue;
    const stages = openStages(ticket).sort((a, b) => a.due - b.due);
    const late = ticket.slaState === 'breached' || stages.some((stage) => stage.due < now);
    const today = stages.find((stage) => stage.due >= start && stage.due < end);
    if (!late && today) dueToday.push({ ticket, stage: today });
    const received = ticket.receivedAt instanceof Date ? ticket.receivedAt.getTime() : 0;
    if (
      ticket.type === 'complaint' &&
      ticket.severity === 'major' &&
      received > window.since &&
      received <= now
    )
      major.push(ticket);
  }
  return { dueToday, major };
}

interface DigestCursor {
  label: string;
  done: string[];
}

function readCursor(ctx: JobContext, label: string): Set<string> {
  const saved = ctx.ports.store.get(CURSOR_KEY);
  if (!saved) return new Set();
  try {
    const cursor = JSON.parse(saved) as DigestCursor;
    return cursor.label === label ? new Set(cursor.done) : new Set();
  } catch {
    return new Set();
  }
}

export interface DigestOutcome {
  counts: RunCounts;
  complete: boolean;
}

export function runDigest(
  ctx: JobContext,
  settings: DeskSettings,
  window: DigestWindow,
  budget: Budget,
): DigestOutcome {
  const read = ctx.table<TicketRow>(TICKETS).readRows(DIGEST_KEYS).rows;
  const rowOf = new Map(read.map(({ row, values }) => [values as DigestTicket, row]));
  const tickets = read.map((row) => row.values).filter((ticket) => ticket.id !== '');
  const people = settings.staff.filter((person) => person.active && person.email !== '');
  const needsNews = people.some((person) => MANAGER_ROLES.has(person.role));
  const news = needsNews ? managerNews(tickets, window) : { dueToday: [], major: [] };
  const writer = new DigestWriter(ctx, settings, rowOf);
  const samples = openSamplesByAuditor(ctx);
  const inspections = inspectionDigest(ctx, settings, window);
  const risks = pointsAtRiskByPerson(ctx, settings);
  const done = readCursor(ctx, window.slot.label);
  const delivery: EnqueueResult = { sent: 0, queued: 0, duplicates: 0 };
  let digests = 0;
  let complete = true;
  // One locked step for the digests enqueued and the cursor: a kill anywhere leaves the people done
  // recorded by their digest keys, so the next run's enqueue of theirs is a no-op.
  ctx.ports.lock.withDocumentLock(DIGEST_LOCK_MS, () => {
    for (const person of people) {
      if (done.has(person.email)) continue;
      if (budget.exhausted()) {
        complete = false;
        break;
      }
      const sections = writer.sections(person, tickets, window, news);
      const sample = auditSampleSection(ctx, settings, person, samples);
      if (sample) sections.push(writer.capped(sample));
      sections.push(...inspections.sectionsFor(person).map((section) => writer.capped(section)));
      const risk = pointsAtRiskSection(ctx, person, risks);
      if (risk) sections.push(writer.capped(risk));
      if (sections.length > 0) {
        const result = enqueueMail(ctx, [writer.mail(person, window, sections)]);
        delivery.sent += result.sent;
        delivery.queued += result.queued;
        digests += 1;
      }
      done.add(person.email);
    }
    // The cursor lets the next run skip who is done when time ran out.
    if (complete) ctx.ports.store.delete(CURSOR_KEY);
    else
      ctx.ports.store.set(
        CURSOR_KEY,
        JSON.stringify({ label: window.slot.label, done: [...done] } satisfies DigestCursor),
      );
  });
  return {
    complete,
    counts: {
      people: people.length,
      digests,
      mailsSent: delivery.sent,
      mailsQueued: delivery.queued,
    },
  };
}
