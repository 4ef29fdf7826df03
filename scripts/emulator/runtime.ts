import type { Clock } from './clock';
import type { CallCounter } from './counter';
import { AuthMode, type Enum } from './enums';

/** One run of the script: Apps Script gives each its own lock identity, user and authorization mode. */
export interface Execution {
  readonly id: number;
  readonly user: string;
  readonly authMode: Enum;
  /** Whether a user is looking at the document (menus, dialogs): false for installable triggers. */
  readonly interactive: boolean;
}

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
  ) {}
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

  constructor(
    readonly clock: Clock,
    readonly counter: CallCounter,
    readonly defaultUser: string,
    readonly timeZone: string,
    readonly locale: string,
    readonly addOn: boolean,
  ) {
    this.current = this.newExecution(defaultUser, AuthMode.FULL);
  }

  newExecution(user: string, authMode: Enum, interactive = true): Execution {
    return { id: this.nextExecution++, user, authMode, interactive };
  }

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
    const first = pending.tryNow();
    if (first) return first.value;
    if (pending.deadline > this.clock.ms()) this.clock.set(new Date(pending.deadline));
    const second = pending.tryNow();
    return second ? second.value : pending.onTimeout();
  }
}
