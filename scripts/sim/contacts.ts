/**
 * Customers contacting the desk: a day's calls, visits, emails and letters, logged by front-line staff
 * through the intake form at the time they happen (or a little later, with "Received at" filled in).
 */
import type { Channel, TicketType } from '../../src/core/enums';
import { type IntakeQuestionKey, intakeQuestionTitle } from '../../src/forms/intake';
import { type MessageKey, t } from '../../src/i18n';
import { type Customer, newCustomer } from './people';
import { description, urgentDescription } from './stories';
import { formIdOf, type SimEvent, type World } from './world';

const TYPES: ReadonlyArray<readonly [TicketType, number]> = [
  ['complaint', 25],
  ['inquiry', 30],
  ['suggestion', 8],
  ['repair', 30],
  ['praise', 7],
];

const CHANNELS: ReadonlyArray<readonly [Channel, number]> = [
  ['phone', 55],
  ['walkIn', 18],
  ['online', 12],
  ['email', 8],
  ['letter', 2],
  ['other', 5],
];

/** Share of phone calls logged after the call, with "Received at" typed in. */
const LOGGED_LATER = 0.15;
/** Share of contacts typed with a wrong phone number. */
const TYPO_RATE = 0.02;
/** Share of complaints from a customer who complained before about the same category (repeat). */
const REPEAT_RATE = 0.06;

const MINUTE = 60_000;

/** Calls cluster mid-morning and mid-afternoon; a duty phone takes the odd evening call. */
const WORKING_HOURS: ReadonlyArray<readonly [number, number]> = [
  [8, 3],
  [9, 10],
  [10, 12],
  [11, 9],
  [12, 3],
  [13, 6],
  [14, 10],
  [15, 10],
  [16, 8],
  [17, 6],
  [18, 2],
  [19, 1],
  [20, 1],
];
const DAY_OFF_HOURS: ReadonlyArray<readonly [number, number]> = [
  [9, 2],
  [10, 3],
  [11, 3],
  [13, 2],
  [14, 3],
  [15, 3],
  [16, 2],
  [17, 1],
];

interface PastComplaint {
  customer: Customer;
  category: string;
}

export class ContactDesk {
  private serial = 0;
  private readonly complaints: PastComplaint[] = [];

  constructor(private readonly world: World) {}

  /** The contacts of one local day, as events at their instants. */
  plan(dayNumber: number, count: number, working: boolean): SimEvent[] {
    const { random, calendar } = this.world;
    const events: SimEvent[] = [];
    for (let i = 0; i < count; i++) {
      const hour = random.weighted(working ? WORKING_HOURS : DAY_OFF_HOURS);
      const received = calendar.zone.toInstant(dayNumber, (hour * 60 + random.int(0, 59)) * MINUTE);
      const answers = this.answers(received);
      const loggedLater = answers.channel === this.label('channel', 'phone') && random.chance(LOGGED_LATER);
      const at = loggedLater ? received + random.int(10, 90) * MINUTE : received;
      if (loggedLater) answers.receivedAt = this.localText(received);
      events.push({ at, act: () => this.submit(answers) });
    }
    return events;
  }

  private label(name: 'channel' | 'ticketType' | 'severity', code: string): string {
    return t(this.world.lang, `enum.${name}.${code}` as MessageKey);
  }

  private localText(instant: number): string {
    const local = new Date(instant + this.world.calendar.zone.offsetAt(instant)).toISOString();
    return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
  }

  private answers(received: number): Partial<Record<IntakeQuestionKey, string | string[]>> {
    const { random, lang, categories, staff } = this.world;
    const type = random.weighted(TYPES);
    const repairs = categories.filter((category) => category.label.includes(' / '));
    const repeat = type === 'complaint' && this.complaints.length > 0 && random.chance(REPEAT_RATE);
    const earlier = repeat ? random.pick(this.complaints) : null;
    const category =
      earlier?.category ?? random.pick(type === 'repair' && repairs.length > 0 ? repairs : categories).label;
    const customer = earlier?.customer ?? newCustomer(lang, random, ++this.serial);
    if (type === 'complaint' && !repeat) this.complaints.push({ customer, category });
    const frontLine = staff.filter(
      (member) => member.department === this.frontDesk() && member.role !== 'manager',
    );
    const major = (type === 'complaint' && random.chance(0.12)) || (type === 'repair' && random.chance(0.1));
    // Every third serious repair is an emergency (a burst pipe, people stuck in a lift): Urgent, with its
    // own words. Decided without a further draw (its 24×7 deadlines still change how the month unfolds).
    const urgent = type === 'repair' && major && this.serial % 3 === 0;
    const answers: Partial<Record<IntakeQuestionKey, string | string[]>> = {
      receivedBy: random.pick(frontLine.length > 0 ? frontLine : staff).name,
      channel: this.label('channel', random.weighted(CHANNELS)),
      type: this.label('ticketType', type),
      category,
      severity: this.label('severity', urgent ? 'urgent' : major ? 'major' : 'general'),
      customer: customer.name,
      description: urgent
        ? urgentDescription(lang, category, random)
        : description(lang, type, category, random),
    };
    const typo = random.chance(TYPO_RATE);
    if (typo) this.world.activity.badInput++;
    answers.phone = typo ? customer.phone.replace(/\s/g, '').slice(0, 7) : customer.phone;
    if (customer.email !== '') answers.email = customer.email;
    if (type !== 'inquiry') answers.address = customer.address;
    if ((type === 'complaint' || type === 'repair') && random.chance(0.2)) {
      answers.orderNo = `HT-${new Date(received).getUTCFullYear()}-${String(random.int(1, 9999)).padStart(4, '0')}`;
    }
    // Half the praise names the person praised (a merit for them, seed 001 L609).
    if (type === 'praise' && random.chance(0.5)) answers.personComplained = random.pick(staff).name;
    if (type === 'complaint') {
      if (random.chance(0.25)) answers.personComplained = random.pick(staff).name;
      if (random.chance(0.03)) answers.flags = [t(lang, 'form.intake.flag.compensation')];
      else if (random.chance(0.02)) answers.flags = [t(lang, 'form.intake.flag.safety')];
    }
    return answers;
  }

  /** The department of the CS manager: the people who answer the phone. */
  private frontDesk(): string {
    return this.world.staff.find((member) => member.role === 'manager')?.department ?? '';
  }

  private submit(answers: Partial<Record<IntakeQuestionKey, string | string[]>>): void {
    const { emu, lang } = this.world;
    const byTitle: Record<string, string | string[]> = {};
    for (const [key, value] of Object.entries(answers)) {
      if (value !== undefined) byTitle[intakeQuestionTitle(lang, key as IntakeQuestionKey)] = value;
    }
    emu.submitForm(formIdOf(this.world, 'form.intake'), byTitle);
    this.world.activity.contacts++;
  }
}
