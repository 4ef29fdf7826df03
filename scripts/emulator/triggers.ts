import { AuthMode, AuthorizationStatus, type Enum, EventType, TriggerSource, WeekDay } from './enums';
import { Exception } from './errors';
import { type Runtime, ServiceObject } from './runtime';
import { ianaZone } from './utilities';
import { wallClock, zonedTime } from './utilities-format';

const HOUR = 3600000;
const MAX_PER_USER = 20;

export interface TriggerRecord {
  uid: string;
  handler: string;
  eventType: 'CLOCK' | 'ON_OPEN' | 'ON_EDIT' | 'ON_FORM_SUBMIT' | 'ON_CHANGE';
  source: 'SPREADSHEETS' | 'CLOCK' | 'FORMS';
  sourceId: string | null;
  /** Installable triggers run as the user who created them. */
  owner: string;
  /** Clock triggers: period and next due time (ms). Google picks a fixed minute offset at creation. */
  periodMs?: number;
  nextDue?: number;
  /** Daily/weekly clock triggers: a wall-clock time in a zone, every `days` days (DST-proof). */
  schedule?: DaySchedule;
  /** The document an add-on trigger belongs to (clock triggers too, for the one-per-type rule). */
  documentId: string;
}

export interface DaySchedule {
  days: number;
  hour: number;
  minute: number;
  /** 0 = Sunday … 6 = Saturday, for weekly triggers on a given day. */
  weekday?: number;
  timeZone: string;
}

const WEEKDAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];

/** The first firing of a day schedule strictly after `afterMs`. */
export function nextScheduled(s: DaySchedule, afterMs: number, fromMs = afterMs): number {
  const w = wallClock(new Date(fromMs), s.timeZone);
  let day = w.day;
  if (s.weekday !== undefined) day += (s.weekday - w.weekday + 7) % 7;
  for (;;) {
    const at = zonedTime(w.year, w.month, day, s.hour, s.minute, s.timeZone);
    if (at > afterMs) return at;
    day += s.days;
  }
}

const KIND_NAME: Record<TriggerRecord['eventType'], string> = {
  CLOCK: 'time-based',
  ON_OPEN: 'open',
  ON_EDIT: 'edit',
  ON_FORM_SUBMIT: 'form submit',
  ON_CHANGE: 'change',
};

export class TriggerTable {
  readonly list: TriggerRecord[] = [];
  constructor(
    private readonly runtime: Runtime,
    private readonly documentId: () => string,
  ) {}

  add(spec: Omit<TriggerRecord, 'uid' | 'owner' | 'documentId'>): TriggerRecord {
    const owner = this.runtime.current.user;
    const documentId = this.documentId();
    const mine = this.list.filter((t) => t.owner === owner);
    if (mine.length >= MAX_PER_USER) {
      throw new Exception(
        'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
      );
    }
    if (this.runtime.addOn) {
      if (spec.periodMs !== undefined && spec.periodMs < HOUR) {
        throw new Exception('The recurrence interval for an Add-on trigger must be at least one hour.');
      }
      if (mine.some((t) => t.eventType === spec.eventType && t.documentId === documentId)) {
        throw new Exception(
          `This add-on has created too many ${KIND_NAME[spec.eventType]} triggers in this document for this Google user account.`,
        );
      }
    }
    const record: TriggerRecord = {
      ...spec,
      uid: String(this.runtime.nextNumber() * 1000003 + 7000000),
      owner,
      documentId,
    };
    this.list.push(record);
    return record;
  }
}

export class Trigger extends ServiceObject {
  readonly _service = 'Trigger';
  constructor(readonly _record: TriggerRecord) {
    super();
  }
  getUniqueId(): string {
    return this._record.uid;
  }
  getHandlerFunction(): string {
    return this._record.handler;
  }
  getEventType(): Enum {
    return EventType[this._record.eventType];
  }
  getTriggerSource(): Enum {
    return TriggerSource[this._record.source];
  }
  getTriggerSourceId(): string | null {
    return this._record.sourceId;
  }
}

interface HasId {
  getId(): string;
}
const idOf = (x: unknown): string =>
  typeof x === 'string'
    ? x
    : typeof (x as HasId | null)?.getId === 'function'
      ? (x as HasId).getId()
      : String(x);

class SourceTriggerBuilder extends ServiceObject {
  readonly _service: string;
  private eventType: TriggerRecord['eventType'] | undefined;
  constructor(
    private readonly table: TriggerTable,
    private readonly handler: string,
    private readonly source: 'SPREADSHEETS' | 'FORMS',
    private readonly sourceId: string,
  ) {
    super();
    this._service = source === 'FORMS' ? 'FormTriggerBuilder' : 'SpreadsheetTriggerBuilder';
  }
  onOpen(): this {
    this.eventType = 'ON_OPEN';
    return this;
  }
  onEdit(): this {
    this.eventType = 'ON_EDIT';
    return this;
  }
  onChange(): this {
    this.eventType = 'ON_CHANGE';
    return this;
  }
  onFormSubmit(): this {
    this.eventType = 'ON_FORM_SUBMIT';
    return this;
  }
  create(): Trigger {
    if (!this.eventType) throw new Exception('Missing event type for trigger.');
    return new Trigger(
      this.table.add({
        handler: this.handler,
        eventType: this.eventType,
        source: this.source,
        sourceId: this.sourceId,
      }),
    );
  }
}

const EVERY_MINUTES = [1, 5, 10, 15, 30];

class ClockTriggerBuilder extends ServiceObject {
  readonly _service = 'ClockTriggerBuilder';
  private periodMs: number | undefined;
  private hour: number | undefined;
  private minute: number | undefined;
  private atMs: number | undefined;
  private date: [number, number, number] | undefined;
  private weekday: number | undefined;
  private zone: string | undefined;
  constructor(
    private readonly runtime: Runtime,
    private readonly table: TriggerTable,
    private readonly handler: string,
  ) {
    super();
  }
  everyMinutes(n: number): this {
    if (!EVERY_MINUTES.includes(n)) throw new Exception('Minutes must be one of 1, 5, 10, 15 or 30.');
    this.periodMs = n * 60000;
    return this;
  }
  everyHours(n: number): this {
    if (![1, 2, 4, 6, 8, 12].includes(n)) throw new Exception('Hours must be one of 1, 2, 4, 6, 8 or 12.');
    this.periodMs = n * HOUR;
    return this;
  }
  everyDays(n: number): this {
    this.periodMs = n * 24 * HOUR;
    return this;
  }
  everyWeeks(n: number): this {
    this.periodMs = n * 7 * 24 * HOUR;
    return this;
  }
  /** Daily (or every n days / weeks) at this hour of the trigger's time zone. */
  atHour(hour: number): this {
    if (!(hour >= 0 && hour <= 23)) throw new Exception('Hour must be between 0 and 23.');
    this.hour = hour;
    return this;
  }
  nearMinute(minute: number): this {
    this.minute = minute;
    return this;
  }
  onWeekDay(day: Enum): this {
    this.weekday = WEEKDAYS.indexOf(String(day));
    if (this.weekday < 0) throw new Exception('Invalid argument: day');
    return this;
  }
  /** The zone atHour, onWeekDay and atDate are read in (default: the script's). */
  inTimezone(timezone: string): this {
    this.zone = ianaZone(String(timezone));
    return this;
  }
  after(durationMilliseconds: number): this {
    this.atMs = this.runtime.clock.ms() + durationMilliseconds;
    return this;
  }
  at(date: Date): this {
    this.atMs = new Date(date).getTime();
    return this;
  }
  /** Midnight of that date in the trigger's zone (or atHour's hour, if given). */
  atDate(year: number, month: number, day: number): this {
    this.date = [year, month, day];
    return this;
  }
  create(): Trigger {
    const now = this.runtime.clock.ms();
    const zone = this.zone ?? ianaZone(this.runtime.timeZone);
    let nextDue = this.atMs;
    let period = this.periodMs;
    let schedule: DaySchedule | undefined;
    if (this.date) {
      const [y, m, d] = this.date;
      nextDue = zonedTime(y, m, d, this.hour ?? 0, this.minute ?? 0, zone);
      period = undefined;
    } else if (nextDue === undefined && period !== undefined) {
      // A fixed offset chosen at creation, like Google's: hourly triggers fire at some minute each hour.
      const offsetMinute = this.minute ?? this.runtime.hourlyMinute ?? (this.runtime.nextNumber() * 37) % 60;
      const days = period / (24 * HOUR);
      if (period >= 24 * HOUR && Number.isInteger(days)) {
        schedule = {
          days,
          hour: this.hour ?? wallClock(new Date(now), zone).hour,
          minute: offsetMinute,
          weekday: this.weekday,
          timeZone: zone,
        };
        nextDue = nextScheduled(schedule, now);
      } else {
        nextDue = Math.floor(now / HOUR) * HOUR + (period >= HOUR ? offsetMinute * 60000 : 0);
        while (nextDue <= now) nextDue += period;
      }
    }
    if (nextDue === undefined) throw new Exception('Missing trigger schedule.');
    return new Trigger(
      this.table.add({
        handler: this.handler,
        eventType: 'CLOCK',
        source: 'CLOCK',
        sourceId: null,
        periodMs: period,
        nextDue,
        schedule,
      }),
    );
  }
}

class TriggerBuilder extends ServiceObject {
  readonly _service = 'TriggerBuilder';
  constructor(
    private readonly runtime: Runtime,
    private readonly table: TriggerTable,
    private readonly handler: string,
  ) {
    super();
  }
  forSpreadsheet(sheet: unknown): SourceTriggerBuilder {
    return new SourceTriggerBuilder(this.table, this.handler, 'SPREADSHEETS', idOf(sheet));
  }
  forForm(form: unknown): SourceTriggerBuilder {
    return new SourceTriggerBuilder(this.table, this.handler, 'FORMS', idOf(form));
  }
  timeBased(): ClockTriggerBuilder {
    return new ClockTriggerBuilder(this.runtime, this.table, this.handler);
  }
}

class AuthorizationInfo extends ServiceObject {
  readonly _service = 'AuthorizationInfo';
  constructor(private readonly required: boolean) {
    super();
  }
  getAuthorizationStatus(): Enum {
    return this.required ? AuthorizationStatus.REQUIRED : AuthorizationStatus.NOT_REQUIRED;
  }
  getAuthorizationUrl(): string | null {
    return this.required ? 'https://script.google.com/macros/d/emulated/authorize' : null;
  }
}

export class ScriptApp extends ServiceObject {
  readonly _service = 'ScriptApp';
  readonly AuthMode = AuthMode;
  readonly AuthorizationStatus = AuthorizationStatus;
  readonly EventType = EventType;
  readonly TriggerSource = TriggerSource;
  readonly WeekDay = WeekDay;
  constructor(
    private readonly runtime: Runtime,
    private readonly table: TriggerTable,
    /** Users who have authorized the script (the harness can revoke to test the REQUIRED path). */
    private readonly authorized: Set<string>,
    private readonly scriptId: string,
  ) {
    super();
  }
  newTrigger(functionName: string): TriggerBuilder {
    return new TriggerBuilder(this.runtime, this.table, String(functionName));
  }
  getProjectTriggers(): Trigger[] {
    const user = this.runtime.current.user;
    return this.table.list.filter((t) => t.owner === user).map((t) => new Trigger(t));
  }
  getUserTriggers(document: unknown): Trigger[] {
    const id = idOf(document);
    const user = this.runtime.current.user;
    return this.table.list.filter((t) => t.owner === user && t.sourceId === id).map((t) => new Trigger(t));
  }
  deleteTrigger(trigger: Trigger): void {
    const i = this.table.list.findIndex((t) => t.uid === trigger._record.uid);
    if (i >= 0) this.table.list.splice(i, 1);
  }
  getAuthorizationInfo(_authMode: Enum): AuthorizationInfo {
    return new AuthorizationInfo(!this.authorized.has(this.runtime.current.user));
  }
  getOAuthToken(): string {
    return `ya29.emulated-${Buffer.from(this.runtime.current.user).toString('hex').slice(0, 16)}`;
  }
  getScriptId(): string {
    return this.scriptId;
  }
}
