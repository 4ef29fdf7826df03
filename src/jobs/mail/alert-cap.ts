/**
 * The daily cap on immediate escalation alerts (SPEC §10 noise budget: immediate only for Major
 * complaints and Urgent tickets — and not without end). Each person gets at most ⚙ General
 * `alertsPerPersonPerDay` alert mails a calendar day (spreadsheet time zone); from the run that would
 * send one more, that person's alerts of the day are held and go into the next escalation summary
 * instead (that day's 16:00 summary, or the next one when held after it). Nothing is lost: the level is
 * still recorded (column and History) by the sweep, and the summary reads it from History.
 *
 * One document property, `escalation.alerts`: per day, the alerts enqueued to each person and the
 * instant from which each capped person's alerts were held. The summary lists an escalation that ⚙ SLA
 * policy sends at once for a person only when it was recorded at or after that instant — so a level is
 * told once, by the alert or by the summary. It is written in the sweep's locked step before the levels
 * and History rows: a kill before it re-derives the same escalations and holds them again. A kill
 * between an alert's enqueue and this write leaves that alert uncounted (one more alert that day,
 * never one lost).
 */
import { dateKeyOf, zoneOf } from '../../core/calendar';
import type { StorePort } from '../../ports';
import type { DeskSettings } from '../settings';
import type { Mail } from './outbox';

const STATE_KEY = 'escalation.alerts';
/** Days kept: a summary after a long holiday (up to 9 days without a working day) still finds them. */
const KEEP_DAYS = 14;

interface DayState {
  /** Alert mails enqueued to each person that day. */
  sent: Record<string, number>;
  /** From this instant that day, the person's alerts were held for the summary. */
  heldFrom: Record<string, number>;
}

type AlertState = Record<string, DayState>;

function readState(store: StorePort): AlertState {
  try {
    const parsed = JSON.parse(store.get(STATE_KEY) ?? '{}') as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as AlertState) : {};
  } catch {
    return {};
  }
}

function dayOf(settings: DeskSettings, instant: number): string {
  return dateKeyOf(zoneOf(settings.timeZone).toLocal(instant).dayNumber);
}

/** The alerts of one run, split into those that go now and the recipients held for the summary. */
export interface CappedAlerts {
  send: Mail[];
  held: string[];
  /** Records what was sent and held; call in the locked step once the mails are enqueued. */
  record(enqueued: readonly Mail[]): void;
}

export function capAlerts(
  store: StorePort,
  settings: DeskSettings,
  mails: readonly Mail[],
  now: number,
): CappedAlerts {
  const cap = settings.general.alertsPerPersonPerDay;
  const day = dayOf(settings, now);
  const state = readState(store);
  const today: DayState = state[day] ?? { sent: {}, heldFrom: {} };
  const send: Mail[] = [];
  const held: string[] = [];
  for (const mail of mails) {
    // An alert has one recipient (escalationMails writes one mail per person).
    const email = mail.to[0] ?? '';
    if ((today.sent[email] ?? 0) >= cap || today.heldFrom[email] !== undefined) held.push(email);
    else send.push(mail);
  }
  return {
    send,
    held,
    record(enqueued) {
      if (enqueued.length === 0 && held.length === 0) return;
      for (const mail of enqueued)
        for (const email of mail.to) today.sent[email] = (today.sent[email] ?? 0) + 1;
      for (const email of held) today.heldFrom[email] = Math.min(today.heldFrom[email] ?? now, now);
      const oldest = dayOf(settings, now - KEEP_DAYS * 86_400_000);
      const kept: AlertState = { [day]: today };
      for (const [key, value] of Object.entries(state)) if (key >= oldest && key !== day) kept[key] = value;
      store.set(STATE_KEY, JSON.stringify(kept));
    },
  };
}

/**
 * Whether an escalation that ⚙ SLA policy sends at once, recorded at `at`, was held from `email` by the
 * cap (and so belongs in the summary).
 */
export function heldFromAlerts(
  store: StorePort,
  settings: DeskSettings,
): (email: string, at: number) => boolean {
  const state = readState(store);
  return (email, at) => {
    const from = state[dayOf(settings, at)]?.heldFrom[email];
    return from !== undefined && at >= from;
  };
}
