import { Exception } from './errors';
import type { Execution } from './runtime';

/**
 * Faults a test injects on purpose, failing executions the way Google does. Each is armed for calls
 * made after it is set, by any execution (or, with `handler`, only by executions of that function),
 * and disarms itself once spent.
 */

/** Google's text when an execution passes its time limit (6 min; 30 s for simple triggers). */
export const TIME_LIMIT_MESSAGE = 'Exceeded maximum execution time';
/** Google's generic transient failure (reported for every service). */
export const SERVER_ERROR_MESSAGE = "We're sorry, a server error occurred. Please wait a bit and try again.";
export const MAIL_QUOTA_MESSAGE = 'Service invoked too many times for one day: email.';

export interface KillRecord {
  execution: number;
  handler: string;
  /** 'Service.method' of the call that did not happen. */
  call: string;
  at: Date;
  reason: 'killAtCall' | 'time limit';
}

interface Failure {
  key: string;
  skip: number;
  times: number;
  message: string | ((args: unknown[]) => string);
  handler?: string;
}

interface FaultHost {
  now(): Date;
  /** Google's message for a failed Sheets call names the document. */
  documentId(): string;
  /** Makes a simulated other execution hold a lock until the given time. */
  holdLock(key: string, untilMs: number): void;
  exhaustMailQuota(): void;
}

export class Faults {
  private killAt: { remaining: number; handler?: string } | undefined;
  private readonly failures: Failure[] = [];
  private lockTimeouts = 0;
  private readonly slow: Array<{
    key: string;
    ms: number;
    skip: number;
    times: number;
    handler?: string;
    when?: (args: unknown[]) => boolean;
  }> = [];
  /** Every execution killed so far (by killAtCall or by the time limit). */
  readonly kills: KillRecord[] = [];
  /** Service calls attempted so far, by executions' function name (what killAtCall counts). */
  private readonly attempts = new Map<string, number>();
  /** 'Service.method' of each call attempted since recordCalls(), by executions of its handler. */
  private log: { handler?: string; calls: string[] } | undefined;

  constructor(private readonly host: FaultHost) {}

  /**
   * The n-th service call from now (1 = the next one) kills the execution making it: that call and every
   * later call of the execution throw "Exceeded maximum execution time", and the run fails. What the
   * execution wrote before stays written, as on Google.
   */
  killAtCall(n: number, opts: { handler?: string } = {}): this {
    if (!Number.isInteger(n) || n < 1) throw new Error('faults.killAtCall: n is a call number from 1');
    this.killAt = { remaining: n, handler: opts.handler };
    return this;
  }

  /**
   * The next `times` calls of 'Service.method' (after skipping `after` of them) throw `message`
   * without doing anything. The default message is Google's: "Service Spreadsheets failed while
   * accessing document with id …" for the Sheets family, the generic server error otherwise.
   */
  failCall(
    method: string,
    opts: { times?: number; message?: string; after?: number; handler?: string } = {},
  ): this {
    if (!/^\w+\.\w+$/.test(method)) throw new Error(`faults.failCall: '${method}' is not 'Service.method'`);
    const service = method.slice(0, method.indexOf('.'));
    const sheets = /^(SpreadsheetApp|Spreadsheet|Sheet|Range|RangeList|TextFinder)$/.test(service);
    this.failures.push({
      key: method,
      skip: opts.after ?? 0,
      times: opts.times ?? 1,
      handler: opts.handler,
      message:
        opts.message ??
        (sheets
          ? () => `Service Spreadsheets failed while accessing document with id ${this.host.documentId()}.`
          : SERVER_ERROR_MESSAGE),
    });
    return this;
  }

  /**
   * The next `times` calls of 'Service.method' (after skipping `after`) are served at once, then their
   * answer takes `ms` of simulated time to come back, as when Google is slow: meanwhile other executions
   * run (runConcurrently) and may change what the call read, so a test can place an edit exactly between
   * a job's read and its write. `when` picks calls by their arguments (e.g. a read of many rows).
   */
  slowCall(
    method: string,
    ms: number,
    opts: { times?: number; after?: number; handler?: string; when?: (args: unknown[]) => boolean } = {},
  ): this {
    if (!/^\w+\.\w+$/.test(method)) throw new Error(`faults.slowCall: '${method}' is not 'Service.method'`);
    this.slow.push({
      key: method,
      ms,
      skip: opts.after ?? 0,
      times: opts.times ?? 1,
      handler: opts.handler,
      when: opts.when,
    });
    return this;
  }

  /** How long this call's answer is held back (consumes one armed slow call), 0 for none. */
  _delayOf(execution: Execution, key: string, args: unknown[]): number {
    const slow = this.slow.find(
      (f) =>
        f.key === key &&
        (f.handler === undefined || f.handler === execution.name) &&
        (f.when === undefined || f.when(args)),
    );
    if (!slow) return 0;
    if (slow.skip > 0) {
      slow.skip--;
      return 0;
    }
    slow.times--;
    if (slow.times <= 0) this.slow.splice(this.slow.indexOf(slow), 1);
    return slow.ms;
  }

  /**
   * The next `times` lock acquisitions (waitLock or tryLock with a timeout) wait their whole timeout and
   * fail: waitLock throws Google's "Lock timeout: another process was holding the lock for too long.",
   * tryLock returns false.
   */
  lockTimeout(times = 1): this {
    this.lockTimeouts += times;
    return this;
  }

  /** Whether this acquisition is to time out (consumes one armed timeout). */
  _takeLockTimeout(): boolean {
    if (this.lockTimeouts <= 0) return false;
    this.lockTimeouts--;
    return true;
  }

  /** A simulated other execution holds the document lock (or the script lock) for `ms` from now. */
  holdLock(ms: number, which: 'document' | 'script' = 'document'): this {
    const key = which === 'document' ? `document:${this.host.documentId()}` : 'script';
    this.host.holdLock(key, this.host.now().getTime() + ms);
    return this;
  }

  /**
   * The next `times` MailApp.sendEmail calls fail: 'invalid' with Google's "Invalid email: <first
   * recipient>", 'quota' with "Service invoked too many times for one day: email." (the quota itself is
   * untouched: see exhaustMailQuota), or a message of your own.
   */
  failMail(opts: { times?: number; reason?: 'invalid' | 'quota' | string } = {}): this {
    const reason = opts.reason ?? 'invalid';
    const message =
      reason === 'invalid'
        ? (args: unknown[]) => `Invalid email: ${firstRecipient(args)}`
        : reason === 'quota'
          ? MAIL_QUOTA_MESSAGE
          : reason;
    this.failures.push({ key: 'MailApp.sendEmail', skip: 0, times: opts.times ?? 1, message });
    return this;
  }

  /** Uses up today's email quota (it resets at midnight Pacific time, as Google's does). */
  exhaustMailQuota(): this {
    this.host.exhaustMailQuota();
    return this;
  }

  /** Disarms every fault not yet spent (kills already recorded stay in `kills`). */
  clear(): this {
    this.killAt = undefined;
    this.failures.length = 0;
    this.slow.length = 0;
    this.lockTimeouts = 0;
    return this;
  }

  /** Whether any fault is still armed. */
  get armed(): boolean {
    return (
      this.killAt !== undefined || this.failures.length > 0 || this.slow.length > 0 || this.lockTimeouts > 0
    );
  }

  /**
   * From now on, remembers which 'Service.method' each call attempted (of `handler` only, if given) is,
   * in order — the calls killAtCall would count. Returns that list (it grows); off again with stopRecording.
   */
  recordCalls(handler?: string): readonly string[] {
    this.log = { handler, calls: [] };
    return this.log.calls;
  }

  stopRecording(): void {
    this.log = undefined;
  }

  /** Service calls attempted so far by executions of `handler` (all executions without one). */
  callsMade(handler?: string): number {
    if (handler !== undefined) return this.attempts.get(handler) ?? 0;
    let n = 0;
    for (const v of this.attempts.values()) n += v;
    return n;
  }

  /** Consulted before each service call; throws if this call is to fail or kill. */
  _beforeCall(execution: Execution, key: string, args: unknown[]): void {
    this.attempts.set(execution.name, (this.attempts.get(execution.name) ?? 0) + 1);
    if (this.log && (this.log.handler === undefined || this.log.handler === execution.name))
      this.log.calls.push(key);
    const kill = this.killAt;
    if (kill && (kill.handler === undefined || kill.handler === execution.name)) {
      kill.remaining--;
      if (kill.remaining === 0) {
        this.killAt = undefined;
        throw this.kill(execution, key, 'killAtCall');
      }
    }
    const failure = this.failures.find(
      (f) => f.key === key && (f.handler === undefined || f.handler === execution.name),
    );
    if (!failure) return;
    if (failure.skip > 0) {
      failure.skip--;
      return;
    }
    failure.times--;
    if (failure.times <= 0) this.failures.splice(this.failures.indexOf(failure), 1);
    throw new Exception(typeof failure.message === 'function' ? failure.message(args) : failure.message);
  }

  /** Marks the execution dead; every later call it makes throws the same error. */
  kill(execution: Execution, key: string, reason: KillRecord['reason']): Exception {
    const error = new Exception(TIME_LIMIT_MESSAGE);
    execution.killed = error;
    this.kills.push({
      execution: execution.id,
      handler: execution.name,
      call: key,
      at: this.host.now(),
      reason,
    });
    return error;
  }
}

function firstRecipient(args: unknown[]): string {
  const a = args[0];
  const to = a !== null && typeof a === 'object' && 'to' in a ? (a as { to: unknown }).to : a;
  return (
    String(to ?? '')
      .split(',')[0]
      ?.trim() ?? ''
  );
}
