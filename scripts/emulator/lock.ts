import { Exception } from './errors';
import { Pending, type Runtime, ServiceObject } from './runtime';

/**
 * Who holds which lock. A lock belongs to an execution (not to a Lock object): it is re-entrant within
 * the execution and released when the execution ends. Waiters are served in arrival order by the
 * scheduler, which re-polls parked calls after every service call.
 */
/** The holder id of a simulated other execution (emu.faults.holdLock). */
const OTHER_EXECUTION = -1;

export class LockTable {
  private readonly holders = new Map<string, number>();
  /** Locks a simulated other execution holds, until when (simulated ms). */
  private readonly heldUntil = new Map<string, number>();

  constructor(private readonly now: () => number = () => 0) {}

  /** A simulated other execution takes the lock (when free, or after its current holder) until `untilMs`. */
  holdFor(key: string, untilMs: number): void {
    this.holders.set(key, OTHER_EXECUTION);
    this.heldUntil.set(key, untilMs);
  }

  /** When the simulated other execution lets go of this lock, if it holds it. */
  freeAt(key: string): number | undefined {
    return this.holders.get(key) === OTHER_EXECUTION ? this.heldUntil.get(key) : undefined;
  }

  tryAcquire(key: string, execution: number): boolean {
    if (this.holders.get(key) === OTHER_EXECUTION && this.now() >= (this.heldUntil.get(key) ?? 0)) {
      this.holders.delete(key);
      this.heldUntil.delete(key);
    }
    const holder = this.holders.get(key);
    if (holder !== undefined && holder !== execution) return false;
    this.holders.set(key, execution);
    return true;
  }
  holds(key: string, execution: number): boolean {
    return this.holders.get(key) === execution;
  }
  release(key: string, execution: number): void {
    if (this.holders.get(key) === execution) this.holders.delete(key);
  }
  releaseAll(execution: number): void {
    for (const [key, holder] of this.holders) if (holder === execution) this.holders.delete(key);
  }
}

export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

export class Lock extends ServiceObject {
  readonly _service = 'Lock';
  constructor(
    private readonly runtime: Runtime,
    private readonly table: LockTable,
    private readonly key: string,
  ) {
    super();
  }
  /** `acquired` is what the call returns on success: true for tryLock, nothing for waitLock. */
  private acquire(timeoutInMillis: number, acquired: boolean | undefined, onTimeout: () => unknown): unknown {
    const execution = this.runtime.current.id;
    const deadline = this.runtime.clock.ms() + Math.max(0, timeoutInMillis);
    // An injected timeout (emu.faults.lockTimeout): the whole timeout passes, then the call fails.
    if (this.runtime.faults._takeLockTimeout()) return new Pending(deadline, () => null, onTimeout);
    if (this.table.tryAcquire(this.key, execution)) return acquired;
    if (timeoutInMillis <= 0) return onTimeout();
    return new Pending(
      deadline,
      () => (this.table.tryAcquire(this.key, execution) ? { value: acquired } : null),
      onTimeout,
      () => this.table.freeAt(this.key),
    );
  }
  tryLock(timeoutInMillis: number): unknown {
    return this.acquire(Number(timeoutInMillis), true, () => false);
  }
  waitLock(timeoutInMillis: number): unknown {
    return this.acquire(Number(timeoutInMillis), undefined, () => {
      throw new Exception(LOCK_TIMEOUT_MESSAGE);
    });
  }
  releaseLock(): void {
    this.table.release(this.key, this.runtime.current.id);
  }
  hasLock(): boolean {
    return this.table.holds(this.key, this.runtime.current.id);
  }
}

export class LockService extends ServiceObject {
  readonly _service = 'LockService';
  constructor(
    private readonly runtime: Runtime,
    private readonly table: LockTable,
    private readonly documentId: () => string,
  ) {
    super();
  }
  getScriptLock(): Lock {
    return new Lock(this.runtime, this.table, 'script');
  }
  getDocumentLock(): Lock {
    return new Lock(this.runtime, this.table, `document:${this.documentId()}`);
  }
  getUserLock(): Lock {
    return new Lock(this.runtime, this.table, `user:${this.runtime.current.user}`);
  }
}
