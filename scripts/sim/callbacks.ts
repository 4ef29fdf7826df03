/**
 * Callbacks (回访): front-line staff call customers whose resolved tickets are due a callback and log
 * each attempt through the callback form, with mixed outcomes (not reached, SMS only, satisfaction 1–5).
 * The form's questions are recognised by their titles in the message catalog (`form.callback.*`), so
 * this follows the form setup builds instead of hard-coding it.
 */
import type { CallbackMethod } from '../../src/core/enums';
import { CATALOGS, LANGS, type MessageKey, t } from '../../src/i18n';
import type { ItemModel } from '../emulator/forms';
import type { TicketView } from './desk-view';
import { callbackComment } from './stories';
import { optionalFormId, type SimEvent, type World } from './world';

/** Local times of the two callback sessions on a working day. */
const SESSIONS = [10 * 60 + 30, 15 * 60 + 30];
/** Calls a session gets through: the front desk's three callers, a few minutes a call. */
const MAX_PER_SESSION = 20;

const METHODS: ReadonlyArray<readonly [CallbackMethod, number]> = [
  ['phone', 80],
  ['sms', 10],
  ['visit', 5],
  ['wechat', 5],
];
const SATISFACTION: ReadonlyArray<readonly [number, number]> = [
  [5, 45],
  [4, 35],
  [3, 12],
  [2, 5],
  [1, 3],
];

interface Attempt {
  ticketId: string;
  by: string;
  method: CallbackMethod;
  reached: boolean;
  satisfaction: number | null;
  resolved: boolean;
}

export class CallbackDesk {
  /** Ticket ID → local day of its last attempt: one try per ticket per day. */
  private readonly lastTry = new Map<string, number>();
  private readonly unknownQuestions = new Set<string>();

  constructor(private readonly world: World) {}

  sessions(dayNumber: number, working: boolean): SimEvent[] {
    if (!working) return [];
    const { zone } = this.world.calendar;
    return SESSIONS.map((minute) => ({
      at: zone.toInstant(dayNumber, minute * 60_000),
      act: () => this.session(dayNumber),
    }));
  }

  private session(dayNumber: number): void {
    const formId = optionalFormId(this.world, 'form.callback');
    if (formId === null) {
      this.world.activity.callbackNote =
        'setup created no callback form (form.callback): callbacks not simulated';
      return;
    }
    const form = this.world.emu.forms.get(formId);
    if (!form) return;
    this.world.activity.callbackNote = '';
    const now = this.world.emu.clock.ms();
    // The desk works its queue as the digest lists it: the window that closes first is called first.
    const closes = (ticket: TicketView) => ticket.callbackDue?.getTime() ?? Number.POSITIVE_INFINITY;
    const due = this.world.view
      .tickets()
      .tickets.filter((ticket) => this.isDue(ticket, now) && this.lastTry.get(ticket.id) !== dayNumber)
      .sort((a, b) => closes(a) - closes(b))
      .slice(0, MAX_PER_SESSION);
    const callers = this.callers();
    for (const ticket of due) {
      this.lastTry.set(ticket.id, dayNumber);
      // Whoever took the call calls the customer back (the digest lists it as theirs); the others
      // share the rest.
      const caller = callers.includes(ticket.receivedBy)
        ? ticket.receivedBy
        : this.world.random.pick(callers);
      const attempt = this.attempt(ticket, caller);
      try {
        this.world.emu.submitForm(formId, this.answers(form.items, attempt));
        this.world.activity.callbacks++;
      } catch (error) {
        this.world.activity.callbackNote = `callback form not answerable: ${(error as Error).message}`;
        return;
      }
    }
    if (this.unknownQuestions.size > 0) {
      this.world.activity.callbackNote = `callback questions not recognised: ${[...this.unknownQuestions].join(', ')}`;
    }
  }

  private isDue(ticket: TicketView, now: number): boolean {
    if (ticket.status !== 'resolved') return false;
    const state = ticket.callbackState;
    if (state === 'due' || state === 'overdue' || state === 'invalid') return true;
    return state === 'waiting' && ticket.callbackOpen !== null && ticket.callbackOpen.getTime() <= now;
  }

  private callers(): string[] {
    const { staff } = this.world;
    const frontDesk = staff.find((member) => member.role === 'manager')?.department;
    const team = staff.filter((member) => member.department === frontDesk && member.role !== 'manager');
    return (team.length > 0 ? team : staff).map((member) => member.name);
  }

  private attempt(ticket: TicketView, by: string): Attempt {
    const { random } = this.world;
    const method = random.weighted(METHODS);
    const reached = method !== 'sms' && random.chance(0.8);
    const satisfaction = reached ? random.weighted(SATISFACTION) : null;
    return {
      ticketId: ticket.id,
      by,
      method,
      reached,
      satisfaction,
      resolved: satisfaction === null || satisfaction >= 3 || random.chance(0.3),
    };
  }

  /** The answer to each question the form has, by what the question asks. */
  private answers(items: readonly ItemModel[], attempt: Attempt): Record<string, string | string[]> {
    const { lang } = this.world;
    const yesNo = (yes: boolean) => t(lang, yes ? 'enum.yesNo.yes' : 'enum.yesNo.no');
    const byMeaning: Record<string, string> = {
      ticketId: attempt.ticketId,
      by: attempt.by,
      method: t(lang, `enum.callbackMethod.${attempt.method}` as MessageKey),
      reached: yesNo(attempt.reached),
      satisfaction: attempt.satisfaction === null ? '' : String(attempt.satisfaction),
      issueResolved: yesNo(attempt.resolved),
      comments: callbackComment(lang, attempt.reached, attempt.satisfaction ?? 0),
      confirmation: t(lang, attempt.reached ? 'enum.confirmation.verbal' : 'enum.confirmation.none'),
    };
    const answers: Record<string, string | string[]> = {};
    for (const item of items) {
      const meaning = meaningOf(item.title);
      const value = meaning === null ? undefined : byMeaning[meaning];
      if (value === undefined) {
        if (item.required) this.unknownQuestions.add(item.title);
        continue;
      }
      if (value === '') continue;
      const choice =
        item.choices.length > 0 ? item.choices.find((c) => c === value || c.startsWith(value)) : value;
      if (choice !== undefined) answers[item.title] = item.type === 'CHECKBOX' ? [choice] : choice;
    }
    return answers;
  }
}

/** Meaning of a callback-form question from its catalog key (`form.callback.q.<meaning>`), either language. */
function meaningOf(title: string): string | null {
  const aliases: Record<string, string> = {
    ticket: 'ticketId',
    staff: 'by',
    caller: 'by',
    resolved: 'issueResolved',
    comment: 'comments',
  };
  for (const lang of LANGS) {
    for (const [key, text] of Object.entries(CATALOGS[lang])) {
      if (text !== title || !key.startsWith('form.callback.')) continue;
      const meaning = key.slice(key.lastIndexOf('.') + 1);
      return aliases[meaning] ?? meaning;
    }
  }
  return null;
}
