import type vm from 'node:vm';
import { CacheService } from './cache';
import { Clock } from './clock';
import { copyState } from './clone';
import { type ConcurrentJob, runConcurrently, type Settled } from './concurrency';
import { CallCounter } from './counter';
import { AuthMode, ChartType, type Enum } from './enums';
import type { Faults } from './faults';
import { answers, Form, FormApp, FormsWorld, type ResponseModel } from './forms';
import { SpreadsheetView } from './harness';
import { HtmlService } from './html';
import { type LatencyOption, latencyModel } from './latency';
import { LockService, LockTable } from './lock';
import { Console, Logger } from './logger';
import { MailApp, MailState, type SentMail } from './mail';
import { InProcessMembrane } from './membrane';
import { PropertiesService, PropertiesStores } from './properties';
import { type Execution, type LogEntry, Runtime, ServiceObject, SIMPLE_TRIGGER_LIMIT_MS } from './runtime';
import { checkScriptRunCall, checkScriptRunResult, ScriptRunError, transferCopy } from './script-run';
import { Session } from './session';
import { toA1 } from './spreadsheet/a1';
import { SheetsWorld, SpreadsheetApp } from './spreadsheet/app';
import { User } from './spreadsheet/extras';
import type { Range } from './spreadsheet/range';
import type { Spreadsheet } from './spreadsheet/spreadsheet';
import type { UiState } from './spreadsheet/ui';
import { nextScheduled, ScriptApp, Trigger, type TriggerRecord, TriggerTable } from './triggers';
import { Utilities } from './utilities';
import { formatDate, wallClock } from './utilities-format';
import { bindGlobals, compile, newContext, topLevelFunctions } from './vm-loader';

export type { ConcurrentJob, Settled } from './concurrency';
export type { CellCounts } from './counter';
export { AuthMode, EventType, TriggerSource } from './enums';
export { Exception } from './errors';
export type { KillRecord } from './faults';
export { MAIL_QUOTA_MESSAGE, SERVER_ERROR_MESSAGE, TIME_LIMIT_MESSAGE } from './faults';
export type { CallInfo, LatencyModel, LatencyOption, LatencyTable } from './latency';
export { GOOGLE_LATENCY } from './latency';
export { LOCK_TIMEOUT_MESSAGE } from './lock';
export { EXECUTION_LIMIT_MS, SIMPLE_TRIGGER_LIMIT_MS } from './runtime';
export { ScriptRunError } from './script-run';
export { CELL_CHARS_MESSAGE, CELL_LIMIT_MESSAGE, MAX_CELL_CHARS, MAX_CELLS } from './spreadsheet/limits';

export interface EmulatorOptions {
  start?: Date;
  timeZone?: string;
  locale?: string;
  user?: string;
  /** Daily email recipients (100 consumer, 1,500 Workspace). */
  mailQuota?: number;
  /** Enforce Google's add-on trigger restrictions. */
  addOn?: boolean;
  /**
   * 'workspace' (default): everyone shares a Workspace domain policy, identities disclosed within a
   * domain. 'consumer': gmail-style accounts, no one else's email is disclosed to a trigger.
   */
  accounts?: 'consumer' | 'workspace';
  /**
   * Simulated time per service call: 'none' (default: the clock moves only when told), 'google' (per
   * method family, see latency.ts), a partial table over Google's, or a function of the call.
   */
  latency?: LatencyOption;
  /**
   * The minute new hourly triggers fire at. Google picks one at creation; by default the emulator picks
   * one from its id sequence, so it moves whenever setup makes one more sheet or form. Tests that assert
   * run times pin it.
   */
  hourlyMinute?: number;
}

export interface RunOptions {
  user?: string;
  authMode?: Enum;
  /** Whether the execution may show UI (false for installable triggers). Default true. */
  interactive?: boolean;
  /** Run-time limit: 6 min by default, 30 s for simple triggers (emu.editCells, emu.open). */
  timeLimitMs?: number;
  /** The person whose action caused the run (default: `user`); see Session.getActiveUser. */
  actor?: string;
}

export interface ExecutionRecord {
  id: number;
  name: string;
  user: string;
  authMode: string;
  at: Date;
  error?: Error;
  /** Simulated run time: service-call latency, sleeps and lock waits. */
  elapsedMs?: number;
}

class ChartsService extends ServiceObject {
  readonly _service = 'Charts';
  readonly ChartType = ChartType;
}

const _HOUR = 3600000;

export class Emulator {
  readonly clock: Clock;
  readonly counts = new CallCounter();
  readonly runtime: Runtime;
  readonly sheets: SheetsWorld;
  readonly formsWorld: FormsWorld;
  readonly spreadsheet: SpreadsheetView;
  readonly properties = new PropertiesStores();
  readonly mail: { outbox: SentMail[]; remaining(): number };
  readonly htmlFiles = new Map<string, string>();
  /** Users who have authorized the script; getAuthorizationInfo reports REQUIRED for others. */
  readonly authorizedUsers = new Set<string>();
  /** Every execution run by the emulator, with its error if it failed (trigger failures do not throw). */
  readonly executions: ExecutionRecord[] = [];
  private readonly triggerTable: TriggerTable;
  private readonly locks: LockTable;
  /** Cache entries can go early on Google: `evict(key?)` drops one key (or all) from every cache. */
  readonly cache: { evict(key?: string): number };
  private readonly globals: Record<string, ServiceObject>;
  private code = '';
  private script: vm.Script | undefined;
  private readonly options: EmulatorOptions;

  constructor(options: EmulatorOptions = {}) {
    this.options = { ...options };
    const user = options.user ?? 'owner@example.com';
    this.clock = new Clock(options.start ?? new Date('2026-03-02T01:00:00Z'));
    this.runtime = new Runtime(
      this.clock,
      this.counts,
      user,
      options.timeZone ?? 'Asia/Shanghai',
      options.locale ?? 'zh_CN',
      options.addOn ?? true,
      options.accounts ?? 'workspace',
    );
    this.runtime.latency = latencyModel(options.latency);
    this.locks = new LockTable(() => this.clock.ms());
    this.runtime.hourlyMinute = options.hourlyMinute;
    this.authorizedUsers.add(user);
    this.sheets = new SheetsWorld(this.runtime);
    this.formsWorld = new FormsWorld(this.runtime, this.sheets);
    this.spreadsheet = new SpreadsheetView(this.sheets, () => this.sheets.active);
    const documentId = (): string => this.sheets.active.id;
    this.triggerTable = new TriggerTable(this.runtime, documentId);
    const mailState = new MailState(this.runtime, options.mailQuota ?? 100);
    this.runtime.faultHost.documentId = documentId;
    this.runtime.faultHost.holdLock = (key, until) => this.locks.holdFor(key, until);
    this.runtime.faultHost.exhaustMailQuota = () => mailState.exhaust();
    this.mail = { outbox: mailState.outbox, remaining: () => mailState.remaining() };
    const cacheService = new CacheService(this.runtime, documentId);
    this.cache = { evict: (key) => cacheService._evict(key) };
    this.globals = {
      SpreadsheetApp: new SpreadsheetApp(this.sheets),
      FormApp: new FormApp(this.formsWorld),
      ScriptApp: new ScriptApp(this.runtime, this.triggerTable, this.authorizedUsers, this.runtime.newId()),
      LockService: new LockService(this.runtime, this.locks, documentId),
      PropertiesService: new PropertiesService(this.runtime, this.properties, documentId),
      CacheService: cacheService,
      MailApp: new MailApp(this.runtime, mailState),
      Session: new Session(this.runtime),
      Utilities: new Utilities(this.runtime),
      HtmlService: new HtmlService(this.htmlFiles),
      Logger: new Logger(this.runtime),
      console: new Console(this.runtime),
      Charts: new ChartsService(),
    };
  }

  /**
   * An independent copy of this emulator as it is now: spreadsheets, forms, properties, triggers, mail,
   * caches, locks, clock, counters, executions and injected faults (clone.ts). For test harnesses that
   * set a desk up once and give each test its own; the copy behaves exactly as the original would.
   * Not during an execution.
   */
  clone(): Emulator {
    if (this.runtime.current.name !== 'harness')
      throw new Error('emulator: clone() between executions, not during one');
    const twin = new Emulator(this.options);
    if (this.script) twin.load(this.code);
    copyState(this, twin);
    // The one function-valued setting (copyState keeps the twin's own functions): latency models hold no state.
    twin.runtime.latency = this.runtime.latency;
    return twin;
  }

  /** Changes the per-call latency from now on (e.g. a harness's setup in no time, then 'google'). */
  setLatency(option: LatencyOption): void {
    this.runtime.latency = latencyModel(option);
  }

  /** Faults injected on purpose: killAtCall, failCall, lockTimeout, holdLock, failMail (see faults.ts). */
  get faults(): Faults {
    return this.runtime.faults;
  }

  get logs(): LogEntry[] {
    return this.runtime.logs;
  }
  get ui(): UiState {
    return this.sheets.ui;
  }
  /** Installable triggers with their owners (uncounted). */
  get triggers(): TriggerRecord[] {
    return this.triggerTable.list.map((t) => ({ ...t }));
  }

  /** A person deletes a trigger by hand (the project's Triggers page); false if there is none with that uid. */
  deleteTrigger(uid: string): boolean {
    const index = this.triggerTable.list.findIndex((t) => t.uid === uid);
    if (index < 0) return false;
    this.triggerTable.list.splice(index, 1);
    return true;
  }
  get forms(): Map<string, import('./forms').FormModel> {
    return this.formsWorld.forms;
  }

  /** Loads the script (e.g. dist/Code.js). It is re-evaluated in a fresh context for each execution. */
  load(code: string): this {
    this.code = code;
    this.script = compile(code);
    return this;
  }

  /** Runs a top-level function as one new execution. Exceptions propagate. */
  run(name: string, event?: unknown, opts: RunOptions = {}): unknown {
    return this.runWith(name, [event], opts);
  }

  private runWith(name: string, args: readonly unknown[], opts: RunOptions): unknown {
    const execution = this.runtime.newExecution(
      opts.user ?? this.runtime.defaultUser,
      opts.authMode ?? AuthMode.FULL,
      { interactive: opts.interactive ?? true, name, limitMs: opts.timeLimitMs, actor: opts.actor },
    );
    const record: ExecutionRecord = {
      id: execution.id,
      name,
      user: execution.user,
      authMode: String(execution.authMode),
      at: this.clock.now(),
    };
    this.executions.push(record);
    try {
      const result = this.runtime.as(execution, () => this.execute(name, args));
      // A killed execution fails even if the script caught the error (on Google it cannot).
      if (execution.killed) throw execution.killed;
      return result;
    } catch (e) {
      record.error = execution.killed ?? hostError(e);
      throw record.error;
    } finally {
      record.elapsedMs = this.runtime.elapsed(execution);
      this.locks.releaseAll(execution.id);
    }
  }

  /**
   * A `google.script.run.name(...args)` call from a dialog or sidebar (script-run.ts): checked as Google
   * checks it, then run as one execution of the user at the keyboard (FULL, interactive). Returns the
   * copy the page's success handler receives; throws what its failure handler would get.
   */
  scriptRun(name: string, args: readonly unknown[] = [], opts: { user?: string } = {}): unknown {
    checkScriptRunCall(name, args);
    if (!this.defines(name)) throw new ScriptRunError(`Script function not found: ${name}`);
    const result = this.runWith(name, transferCopy(args) as unknown[], {
      user: opts.user,
      authMode: AuthMode.FULL,
    });
    return checkScriptRunResult(name, result);
  }

  /** Whether the loaded script defines a top-level function of that name. */
  defines(name: string): boolean {
    return this.script !== undefined && topLevelFunctions(this.script).has(name);
  }

  private execute(name: string, args: readonly unknown[]): unknown {
    const script = this.script;
    if (!script) throw new Error('emulator: load() a script first');
    const evaluate = (lexical: boolean) => {
      const { context, realm } = newContext(() => this.clock.ms(), this.runtime.timeZone);
      const membrane = new InProcessMembrane(this.runtime, realm);
      const scope = context as Record<string, unknown>;
      for (const [key, service] of Object.entries(this.globals)) scope[key] = membrane.toScript(service);
      if (lexical) bindGlobals(context);
      script.runInContext(context);
      return { membrane, scope };
    };
    let evaluated: ReturnType<typeof evaluate>;
    try {
      evaluated = evaluate(!redeclares.has(script));
    } catch (e) {
      // The script declares a global of its own name (`function escape()`): nothing of it ran yet (the
      // check precedes its first statement); evaluate it as it is, without the bindings, from now on.
      if (redeclares.has(script) || !redeclaration(e)) throw e;
      redeclares.add(script);
      evaluated = evaluate(false);
    }
    const { membrane, scope } = evaluated;
    const fn = scope[name];
    if (typeof fn !== 'function') throw new Error(`Script function not found: ${name}`);
    return membrane.toHost(fn(...args.map((arg) => membrane.toScript(arg))));
  }

  /** Runs jobs as truly concurrent executions (one worker thread each); results like Promise.allSettled. */
  runConcurrently(jobs: ConcurrentJob[]): Settled[] {
    if (!this.script) throw new Error('emulator: load() a script first');
    return runConcurrently(
      {
        runtime: this.runtime,
        locks: this.locks,
        code: this.code,
        globals: this.globals,
        defaultUser: this.runtime.defaultUser,
        authModeFull: AuthMode.FULL,
      },
      jobs,
    );
  }

  /** Moves the clock to `date`, firing time-driven triggers at their due times on the way. */
  advanceTo(date: Date): void {
    const target = date.getTime();
    for (;;) {
      const due = this.triggerTable.list
        .filter((t) => t.eventType === 'CLOCK' && t.nextDue !== undefined && t.nextDue <= target)
        .sort((a, b) => (a.nextDue ?? 0) - (b.nextDue ?? 0))[0];
      if (!due || due.nextDue === undefined) break;
      if (due.nextDue > this.clock.ms()) this.clock.set(new Date(due.nextDue));
      if (due.schedule) due.nextDue = nextScheduled(due.schedule, this.clock.ms(), due.nextDue);
      else if (due.periodMs)
        due.nextDue += Math.max(
          due.periodMs,
          Math.ceil((this.clock.ms() - due.nextDue + 1) / due.periodMs) * due.periodMs,
        );
      else this.triggerTable.list.splice(this.triggerTable.list.indexOf(due), 1);
      this.fire(due, this.timeEvent(due));
    }
    if (target > this.clock.ms()) this.clock.set(date);
  }

  advance(ms: number): void {
    this.advanceTo(new Date(this.clock.ms() + ms));
  }

  private timeEvent(t: TriggerRecord): Record<string, unknown> {
    const now = this.clock.now();
    const f = (p: string): number => Number(formatDate(now, 'UTC', p));
    return {
      authMode: AuthMode.FULL,
      'day-of-month': f('d'),
      'day-of-week': f('u'),
      hour: f('H'),
      minute: f('m'),
      month: f('M'),
      second: f('s'),
      timezone: 'UTC',
      triggerUid: t.uid,
      'week-of-year': Math.ceil(((now.getTime() - Date.UTC(now.getUTCFullYear(), 0, 1)) / 86400000 + 1) / 7),
      year: f('yyyy'),
    };
  }

  /** Installable triggers run as their owner; a failure is recorded (Google emails it), not thrown. */
  private fire(t: TriggerRecord, event: unknown, interactive = false, actor?: string): void {
    try {
      this.run(t.handler, event, { user: t.owner, authMode: AuthMode.FULL, interactive, actor });
    } catch {
      // recorded in this.executions by run()
    }
  }

  private activeHost(): Spreadsheet {
    return this.sheets.open(this.sheets.active);
  }

  /**
   * A respondent submits the form: stores a FormResponse, appends its row to the destination sheet,
   * then fires onFormSubmit triggers. With opts.defer, returns the trigger runs as jobs instead
   * (for runConcurrently) without firing them.
   */
  submitForm(
    formId: string,
    answersByTitle: Record<string, string | string[]>,
    opts: { email?: string; defer?: boolean } = {},
  ): {
    responseId: string;
    row: number;
    sheetName: string;
    jobs: Array<{ name: string; event: unknown; user: string }>;
  } {
    const form = this.formsWorld.get(formId);
    if (!form.accepting) throw new Error('emulator: the form is not accepting responses');
    for (const title of Object.keys(answersByTitle)) {
      if (!form.items.some((i) => i.title === title))
        throw new Error(`emulator: the form has no question "${title}"`);
    }
    const missing = form.items.find((i) => i.required && answers(i) && !answersByTitle[i.title]?.length);
    if (missing) throw new Error(`emulator: required question "${missing.title}" has no answer`);
    const response: ResponseModel = {
      id: `2_ABaOnu${this.runtime.newId().slice(0, 30)}`,
      timestamp: this.clock.now(),
      email: opts.email ?? '',
      answers: form.items
        .filter((i) => answers(i) && answersByTitle[i.title] !== undefined)
        .map((i) => ({ itemId: i.id, value: answersByTitle[i.title] ?? '' })),
    };
    const placed = this.formsWorld.record(form, response);
    const jobs: Array<{ name: string; event: unknown; user: string }> = [];
    const dest = this.formsWorld.destination(form);
    for (const t of this.triggerTable.list) {
      if (t.eventType !== 'ON_FORM_SUBMIT') continue;
      if (t.source === 'SPREADSHEETS' && dest && placed && t.sourceId === dest.ss.id) {
        jobs.push({
          name: t.handler,
          user: t.owner,
          event: this.sheetSubmitEvent(t, dest.ss.id, placed.sheetName, placed.row),
        });
      } else if (t.source === 'FORMS' && t.sourceId === form.id) {
        const formObj = new Form(this.formsWorld, form);
        jobs.push({
          name: t.handler,
          user: t.owner,
          event: {
            authMode: AuthMode.FULL,
            response: formObj.getResponse(response.id),
            source: formObj,
            triggerUid: t.uid,
          },
        });
      }
    }
    if (!opts.defer) {
      for (const job of jobs) {
        const t = this.triggerTable.list.find((x) => x.handler === job.name && x.owner === job.user);
        if (t) this.fire(t, job.event);
      }
    }
    return { responseId: response.id, row: placed?.row ?? 0, sheetName: placed?.sheetName ?? '', jobs };
  }

  private sheetSubmitEvent(
    t: TriggerRecord,
    ssId: string,
    sheetName: string,
    row: number,
  ): Record<string, unknown> {
    const ss = this.sheets.open(this.sheets.byId(ssId));
    const sheet = ss.getSheetByName(sheetName);
    if (!sheet) throw new Error('emulator: response sheet vanished');
    const width = Math.max(1, sheet.getLastColumn());
    const headers = sheet.getRange(1, 1, 1, width).getValues()[0] ?? [];
    const range = sheet.getRange(row, 1, 1, width);
    // The text the response sheet shows, in the spreadsheet's locale and zone; a title used twice
    // gives every value under it, as Google's namedValues do.
    const values = range.getDisplayValues()[0] ?? [];
    const namedValues: Record<string, string[]> = {};
    headers.forEach((h, j) => {
      const key = String(h);
      const list = namedValues[key] ?? [];
      list.push(values[j] ?? '');
      namedValues[key] = list;
    });
    return { authMode: AuthMode.FULL, namedValues, range, source: ss, triggerUid: t.uid, values };
  }

  /**
   * A user edits cells: writes them, then fires the simple onEdit (LIMITED) if the script defines one
   * and the installable edit triggers of the active spreadsheet (FULL, as their owners).
   */
  editCells(sheetName: string, a1: string, values: unknown[][], opts: { user?: string } = {}): void {
    const ss = this.activeHost();
    const sheet = ss.getSheetByName(sheetName);
    if (!sheet) throw new Error(`emulator: no sheet named "${sheetName}"`);
    const range: Range = sheet.getRange(a1);
    const single = range.getNumRows() === 1 && range.getNumColumns() === 1;
    const old = single ? range.getValue() : '';
    range.setValues(values);
    const user = opts.user ?? this.runtime.defaultUser;
    const base: Record<string, unknown> = { range, source: ss };
    // As Google sends them: text, only for a single-cell edit, absent when empty.
    if (single) {
      const value = range.getValue();
      if (value !== '') base.value = eventText(value, ss.getSpreadsheetTimeZone());
      if (old !== '') base.oldValue = eventText(old, ss.getSpreadsheetTimeZone());
    }
    const owner = this.runtime.defaultUser;
    if (this.defines('onEdit')) {
      try {
        this.run(
          'onEdit',
          {
            ...base,
            authMode: AuthMode.LIMITED,
            user: new User(this.runtime.discloses(user, owner) ? user : ''),
          },
          { user, authMode: AuthMode.LIMITED, timeLimitMs: SIMPLE_TRIGGER_LIMIT_MS },
        );
      } catch {
        // recorded in this.executions
      }
    }
    for (const t of this.triggerTable.list.filter(
      (x) => x.eventType === 'ON_EDIT' && x.sourceId === ss.getId(),
    )) {
      const who = new User(this.runtime.discloses(user, t.owner) ? user : '');
      this.fire(t, { ...base, authMode: AuthMode.FULL, triggerUid: t.uid, user: who }, true, user);
    }
  }

  /** What the user has selected: sheet name and A1 of the selected block (uncounted), or null. */
  selection(): { sheet: string; a1: string } | null {
    const selected = this.sheets.active.selection;
    const sheet = this.sheets.active.sheets.find((s) => s.id === selected?.sheetId);
    if (!selected || !sheet) return null;
    return { sheet: sheet.name, a1: toA1(...selected.box) };
  }

  /** A user opens the spreadsheet: simple onOpen (LIMITED, or NONE for an add-on not yet enabled). */
  open(opts: { user?: string; authMode?: Enum } = {}): void {
    const ss = this.activeHost();
    const user = opts.user ?? this.runtime.defaultUser;
    const authMode = opts.authMode ?? AuthMode.LIMITED;
    if (this.defines('onOpen'))
      this.run(
        'onOpen',
        { authMode, source: ss, user: new User(user) },
        { user, authMode, timeLimitMs: SIMPLE_TRIGGER_LIMIT_MS },
      );
    for (const t of this.triggerTable.list.filter(
      (x) => x.eventType === 'ON_OPEN' && x.sourceId === ss.getId(),
    )) {
      this.fire(t, { authMode: AuthMode.FULL, source: ss, triggerUid: t.uid, user: new User(user) }, true);
    }
  }

  /**
   * The user selects a range (and makes its sheet active), as before running a menu item:
   * getActiveRange/getActiveCell then return it. `current` is the cursor cell (default: the top left).
   */
  select(sheetName: string, a1: string, opts: { current?: string } = {}): void {
    const sheet = this.activeHost().getSheetByName(sheetName);
    if (!sheet) throw new Error(`emulator: no sheet named "${sheetName}"`);
    const range = sheet.getRange(a1);
    range.activate();
    if (opts.current) {
      const cell = sheet.getRange(opts.current);
      const sel = this.sheets.active.selection;
      if (sel) sel.current = [cell.getRow(), cell.getColumn()];
    }
  }

  /**
   * A person changes a sheet's structure (deletes or inserts rows or columns, sorts, adds a sheet…):
   * `action` does it on the uncounted host with that sheet active, then the installable ON_CHANGE
   * triggers fire with Google's event (developers.google.com/apps-script/guides/triggers/events#change:
   * authMode, changeType, source, triggerUid, user — the user only where Google discloses them). Script
   * changes never fire it, as on Google; edits of values go through editCells.
   */
  changeSheet(
    sheetName: string,
    changeType:
      | 'EDIT'
      | 'INSERT_ROW'
      | 'INSERT_COLUMN'
      | 'REMOVE_ROW'
      | 'REMOVE_COLUMN'
      | 'INSERT_GRID'
      | 'REMOVE_GRID'
      | 'FORMAT'
      | 'OTHER',
    action: (sheet: ReturnType<Spreadsheet['getSheetByName']> & object) => void,
    opts: { user?: string } = {},
  ): void {
    const ss = this.activeHost();
    const sheet = ss.getSheetByName(sheetName);
    if (!sheet) throw new Error(`emulator: no sheet named "${sheetName}"`);
    sheet.activate();
    action(sheet);
    const user = opts.user ?? this.runtime.defaultUser;
    for (const t of this.triggerTable.list.filter(
      (x) => x.eventType === 'ON_CHANGE' && x.sourceId === ss.getId(),
    )) {
      const who = new User(this.runtime.discloses(user, t.owner) ? user : '');
      this.fire(
        t,
        { authMode: AuthMode.FULL, changeType, source: ss, triggerUid: t.uid, user: who },
        false,
        user,
      );
    }
  }

  /** The Trigger object for a record, for harness code that wants Apps Script's view. */
  trigger(uid: string): Trigger | undefined {
    const t = this.triggerTable.list.find((x) => x.uid === uid);
    return t ? new Trigger(t) : undefined;
  }

  /** The execution serving service calls right now (for harness assertions). */
  get currentExecution(): Execution {
    return this.runtime.current;
  }
}

/**
 * A cell value as an edit event carries it: text; numbers as their digits, booleans TRUE/FALSE, dates
 * as Sheets serial numbers (days since 30 December 1899 in the spreadsheet's zone: the Sheets API's
 * SERIAL_NUMBER, developers.google.com/sheets/api/reference/rest/v4/DateTimeRenderOption).
 */
function eventText(v: unknown, timeZone: string): string {
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) {
    const w = wallClock(v, timeZone);
    const local = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) + (v.getTime() % 1000);
    return String((local - Date.UTC(1899, 11, 30)) / 86400000);
  }
  return String(v);
}

/** Scripts that declare a top-level name bound lexically by bindGlobals (vm-loader.ts). */
const redeclares = new WeakSet<object>();

/** The SyntaxError of a top-level declaration colliding with a lexical binding (any realm's). */
function redeclaration(e: unknown): boolean {
  const error = e as { name?: unknown; message?: unknown } | null;
  return error?.name === 'SyntaxError' && /has already been declared/.test(String(error.message));
}

function hostError(e: unknown): Error {
  if (e instanceof Error) return e;
  if (e !== null && typeof e === 'object' && 'message' in e) {
    const src = e as { name?: unknown; message?: unknown; stack?: unknown };
    const err = new Error(String(src.message));
    err.name = String(src.name ?? 'Error');
    if (typeof src.stack === 'string') err.stack = src.stack;
    return err;
  }
  return new Error(String(e));
}
