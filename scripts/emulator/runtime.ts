import type { Clock } from './clock';
import type { CallCounter } from './counter';
import { AuthMode, type Enum } from './enums';
import type { Exception } from './errors';
import { Faults } from './faults';
import { type LatencyModel, latencyModel } from './latency';

/** One run of the script: Apps Script gives each its own lock identity, user and authorization mode. */
export interface Execution {
  readonly id: number;
  readonly user: string;
  readonly authMode: Enum;
  /** Whether a user is looking at the document (menus, dialogs): false for installable triggers. */
  readonly interactive: boolean;
  /** The person whose action started it (the editor of an edit, the user of a menu); `user` runs it. */
  readonly actor: string;
  /** The function run ('onEdit', 'hourly'…), or 'job' for a function job. */
  readonly name: string;
  /** Google's limit on this execution's run time: 6 min, 30 s for simple triggers. */
  readonly limitMs: number;
  /** Simulated time when it started, and its own time now (start + latency + waits). */
  readonly startMs: number;
  localMs: number;
  /** Runs in a worker beside others: its own time is not the shared clock (see concurrency.ts). */
  concurrent: boolean;
  /** Set once the execution is dead (time limit or killAtCall): every later call throws it. */
  killed?: Exception;
}

export interface ExecutionOptions {
  interactive?: boolean;
  actor?: string;
  name?: string;
  limitMs?: number;
}

/** Google's limits: developers.google.com/apps-script/guides/services/quotas (script runtime). */
export const EXECUTION_LIMIT_MS = 6 * 60 * 1000;
export const SIMPLE_TRIGGER_LIMIT_MS = 30 * 1000;

/**
 * Base of every object the script can hold. Only public methods whose names do not start with '_'
 * cross into the script (see membrane.ts); fields stay on the host side.
 */
export abstract class ServiceObject {
  /** The Apps Script class name used in call counts ('Range', 'Sheet', ...). */
  abstract readonly _service: string;
}

/**
 * A service call that cannot complete yet (a lock wait, a sleep). In-process it settles at once by
 * moving the clock; in a worker execution the scheduler parks it until tryNow() succeeds or the
 * simulated clock reaches its deadline.
 */
export class Pending {
  constructor(
    readonly deadline: number,
    readonly tryNow: () => { value: unknown } | null,
    readonly onTimeout: () => unknown,
    /** The earliest time before the deadline at which tryNow may succeed (a lock another holds until then). */
    readonly wake: () => number | undefined = () => undefined,
  ) {}

  /** When to look again: the deadline, or earlier if something may change before it. */
  nextChance(): number {
    const w = this.wake();
    return w === undefined ? this.deadline : Math.min(w, this.deadline);
  }
}

export interface LogEntry {
  at: Date;
  level: 'log' | 'info' | 'warn' | 'error';
  message: string;
}

/** Everything the services share: the clock, the call counter, the execution being served. */
export class Runtime {
  current: Execution;
  private nextExecution = 1;
  private counter_ = 0;
  readonly logs: LogEntry[] = [];
  readonly faults: Faults;
  latency: LatencyModel = latencyModel('none');
  /** Hooks the Emulator fills in for the faults it owns (locks, mail, the bound document). */
  readonly faultHost = {
    documentId: (): string => '',
    holdLock: (_key: string, _untilMs: number): void => {},
    exhaustMailQuota: (): void => {},
  };

  constructor(
    readonly clock: Clock,
    readonly counter: CallCounter,
    readonly defaultUser: string,
    readonly timeZone: string,
    readonly locale: string,
    readonly addOn: boolean,
    /** Consumer (gmail.com) accounts disclose no one else's email; Workspace discloses within a domain. */
    readonly accounts: 'consumer' | 'workspace' = 'workspace',
  ) {
    this.faults = new Faults({
      now: () => this.clock.now(),
      documentId: () => this.faultHost.documentId(),
      holdLock: (key, until) => this.faultHost.holdLock(key, until),
      exhaustMailQuota: () => this.faultHost.exhaustMailQuota(),
    });
    this.current = this.newExecution(defaultUser, AuthMode.FULL, { name: 'harness' });
  }

  newExecution(user: string, authMode: Enum, opts: ExecutionOptions = {}): Execution {
    const now = this.clock.ms();
    return {
      id: this.nextExecution++,
      user,
      authMode,
      interactive: opts.interactive ?? true,
      actor: opts.actor ?? user,
      name: opts.name ?? 'job',
      limitMs: opts.limitMs ?? EXECUTION_LIMIT_MS,
      startMs: now,
      localMs: now,
      concurrent: false,
    };
  }

  /**
   * Before each service call of the current execution: a dead execution stays dead; past its time limit
   * it dies now ("at the next service call", as on Google); then injected faults.
   */
  beforeCall(service: string, method: string, args: unknown[]): void {
    const e = this.current;
    if (e.killed) throw e.killed;
    if (!e.concurrent) e.localMs = Math.max(e.localMs, this.clock.ms());
    const key = `${service}.${method}`;
    if (e.localMs - e.startMs > e.limitMs) throw this.faults.kill(e, key, 'time limit');
    this.faults._beforeCall(e, key, args);
  }

  /** After a call: its latency passes on the execution's own clock, and on the shared clock. */
  afterCall(service: string, method: string, cells: number): void {
    const ms = this.latency({ service, method, cells });
    if (!(ms > 0)) return;
    const e = this.current;
    e.localMs += ms;
    if (e.localMs > this.clock.ms()) this.clock.set(new Date(e.localMs));
  }

  /** An execution that waited (lock, sleep) resumes at the shared clock's time. */
  resumed(e: Execution): void {
    e.localMs = Math.max(e.localMs, this.clock.ms());
  }

  /** Cells a server-side search (TextFinder) scanned in the call being served: they cost time, not transfer. */
  private scanned = 0;
  scan(cells: number): void {
    this.scanned += cells;
  }
  takeScanned(): number {
    const n = this.scanned;
    this.scanned = 0;
    return n;
  }

  /**
   * Whether Google tells `viewer`'s script who `person` is: always their own identity; on Workspace, a
   * person of the same domain; on consumer accounts, no one else
   * (developers.google.com/apps-script/reference/base/session#getActiveUser()).
   */
  discloses(person: string, viewer: string): boolean {
    if (person === '' || person === viewer) return true;
    if (this.accounts === 'consumer') return false;
    const domain = (email: string): string => email.slice(email.lastIndexOf('@') + 1).toLowerCase();
    return domain(person) === domain(viewer);
  }

  /** Elapsed simulated time of the current execution. */
  elapsed(e: Execution = this.current): number {
    return e.localMs - e.startMs;
  }

  /** The minute new hourly triggers fire at, when pinned (EmulatorOptions.hourlyMinute). */
  hourlyMinute: number | undefined = undefined;

  /** Sequence numbers for ids (sheet ids, trigger ids...): deterministic for a given script of calls. */
  nextNumber(): number {
    return ++this.counter_;
  }

  /** A Drive-style file id (44 characters), deterministic so runs with the same seed match. */
  /**
   * A Drive-like id (44 characters, starting with 1), deterministic per emulator. 32-bit integer math
   * (Math.imul, xorshift) keeps every step exact: plain multiplication overflows a double's 53 bits and
   * made ids collide. xorshift is a bijection, so different seeds never share a state.
   */
  newId(): string {
    const n = this.nextNumber();
    let x = Math.imul(n, 2654435761) >>> 0 || 1;
    let id = '1';
    const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    while (id.length < 44) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      x >>>= 0;
      id += abc.charAt(x & 63);
    }
    return id;
  }

  /** Runs fn while `execution` is the one being served; restores the previous one afterwards. */
  as<T>(execution: Execution, fn: () => T): T {
    const previous = this.current;
    this.current = execution;
    try {
      return fn();
    } finally {
      this.current = previous;
    }
  }

  log(level: LogEntry['level'], message: string): void {
    this.logs.push({ at: this.clock.now(), level, message });
  }

  /** In-process resolution of a Pending: nothing else runs meanwhile, so time simply passes. */
  settleInline(pending: Pending): unknown {
    for (;;) {
      const done = pending.tryNow();
      if (done) return done.value;
      if (this.clock.ms() >= pending.deadline) return pending.onTimeout();
      const next = Math.max(pending.nextChance(), this.clock.ms() + 1);
      this.clock.set(new Date(Math.min(next, pending.deadline)));
      this.resumed(this.current);
    }
  }
}
