/**
 * The month itself: setup, then day by day the contacts, the staff rounds and the callback sessions in
 * time order, with the clock advanced between them so the hourly scheduler fires at every simulated
 * hour (emu.advanceTo). One progress line per day.
 */
import { createCalendar, defaultCalendarConfig } from '../../src/core/calendar';
import { parseDateKey } from '../../src/core/calendar/civil';
import { chinaHolidayMap } from '../../src/core/calendar/config';
import { Emulator } from '../emulator';
import { AuditDesk } from './audits';
import { CallbackDesk } from './callbacks';
import { ContactDesk } from './contacts';
import { DeskView } from './desk-view';
import { Staff } from './handling';
import { InspectionRounds } from './inspections';
import { MeritDesk } from './merits';
import type { SimOptions } from './options';
import { Random } from './random';
import type { SimEvent, World } from './world';

export const TIME_ZONE = 'Asia/Shanghai';
export const OWNER = 'owner@example.com';
const HOUR = 3_600_000;
/** Weekends and holidays still get some contacts (a duty phone, the customer form). */
const DAY_OFF_SHARE = 0.25;

export interface Simulation {
  emu: Emulator;
  world: World;
  /** Simulated instants of the first and last moment simulated. */
  began: Date;
  ended: Date;
}

function newWorld(emu: Emulator, options: SimOptions): World {
  const view = new DeskView(emu, options.lang);
  return {
    emu,
    lang: options.lang,
    random: new Random(options.seed),
    view,
    calendar: createCalendar(defaultCalendarConfig(TIME_ZONE)),
    staff: view.staff(),
    categories: view.categories(),
    activity: {
      contacts: 0,
      badInput: 0,
      edits: 0,
      refusedEdits: 0,
      panelActions: 0,
      panelRefused: 0,
      panelQueues: 0,
      assignments: 0,
      callbacks: 0,
      audits: 0,
      appeals: 0,
      calibrationScores: 0,
      merits: 0,
      callbackNote: '',
    },
  };
}

const HOLIDAY_NAMES_EN = chinaHolidayMap('en');

function dayLine(world: World, dayNumber: number, contacts: number, mailsBefore: number): string {
  const day = world.calendar.day(dayNumber);
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][day.weekday % 7];
  const kind =
    day.special?.kind === 'holiday'
      ? `holiday (${HOLIDAY_NAMES_EN.get(day.dateKey)?.name ?? day.special.name})`
      : day.special?.kind === 'workday'
        ? 'make-up working day'
        : day.intervals.length > 0
          ? 'working day'
          : 'weekend';
  const open = world.view
    .tickets()
    .tickets.filter(
      (ticket) => ticket.status !== null && !['resolved', 'closed', 'cancelled'].includes(ticket.status),
    ).length;
  const mails = world.emu.mail.outbox.length - mailsBefore;
  return `${weekday} ${day.dateKey}  ${kind.padEnd(26)} ${String(contacts).padStart(3)} contacts  ${String(open).padStart(4)} open  ${String(mails).padStart(3)} emails`;
}

/**
 * Node frees the vm contexts of finished executions only when its event loop turns; a month of
 * executions in one synchronous loop would hold gigabytes. Yielding once per simulated day keeps memory flat.
 */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Runs setup and `options.days` days on the bundle; `progress` gets one line per simulated day. */
export async function simulate(
  bundle: string,
  options: SimOptions,
  progress: (line: string) => void = () => {},
): Promise<Simulation> {
  const calendar = createCalendar(defaultCalendarConfig(TIME_ZONE));
  const firstDay = parseDateKey(options.start);
  if (firstDay === null) throw new Error(`simulation: bad start date ${options.start}`);
  const began = new Date(calendar.zone.toInstant(firstDay, 8 * HOUR));
  const emu = new Emulator({
    start: began,
    timeZone: TIME_ZONE,
    locale: options.lang === 'zh-CN' ? 'zh_CN' : 'en_US',
    user: OWNER,
    mailQuota: 1500,
    addOn: true,
    // Service calls take Google-like time (scripts/emulator/latency.ts), as on Google.
    latency: 'google',
  });
  emu.load(bundle);
  emu.run('menuSetup', undefined, { interactive: true });

  const world = newWorld(emu, options);
  const contacts = new ContactDesk(world);
  const staff = new Staff(world);
  const callbacks = new CallbackDesk(world);
  const audits = new AuditDesk(world);
  const inspections = new InspectionRounds(world, options.seed);
  const merits = new MeritDesk(world);
  for (let d = 0; d < options.days; d++) {
    const dayNumber = firstDay + d;
    const working = calendar.day(dayNumber).intervals.length > 0;
    const mean = working ? options.perDay : options.perDay * DAY_OFF_SHARE;
    const count = world.random.around(mean, mean * 0.15);
    const events: SimEvent[] = [
      ...contacts.plan(dayNumber, count, working),
      ...staff.rounds(dayNumber, working),
      ...callbacks.sessions(dayNumber, working),
      ...audits.sessions(dayNumber, working),
      ...inspections.rounds(dayNumber, d, working),
      ...merits.plan(dayNumber, working),
    ].filter((event) => event.at >= began.getTime());
    // Stable sort: events at the same instant keep their planned order.
    events.sort((a, b) => a.at - b.at);
    const mailsBefore = emu.mail.outbox.length;
    for (const event of events) {
      emu.advanceTo(new Date(event.at));
      event.act();
    }
    emu.advanceTo(new Date(calendar.zone.toInstant(dayNumber + 1, 0)));
    progress(dayLine(world, dayNumber, count, mailsBefore));
    await yieldToEventLoop();
  }
  // The morning after: the 08:00 digest and the reports of the period just ended are built.
  const ended = new Date(calendar.zone.toInstant(firstDay + options.days, 9 * HOUR));
  emu.advanceTo(ended);
  return { emu, world, began, ended };
}
