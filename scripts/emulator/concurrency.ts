import path from 'node:path';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { Enum, enumByKey } from './enums';
import { templateCode } from './html';
import type { LockTable } from './lock';
import { callService, exposedConstants, exposedMethods, isDate, isPlainObject } from './membrane';
import { type Execution, Pending, type Runtime, ServiceObject } from './runtime';
import { PRELUDE } from './vm-loader';

/**
 * Runs executions truly concurrently: each in a worker thread with its own vm context, all service
 * calls served here, one at a time, by the same service objects as in-process runs. A call that must
 * wait (waitLock, sleep) is parked; when every live execution is parked, simulated time jumps to the
 * earliest deadline.
 */

export type ConcurrentJob =
  | { name: string; event?: unknown; user?: string; authMode?: Enum }
  | (() => unknown);
export type Settled = { status: 'fulfilled'; value: unknown } | { status: 'rejected'; reason: Error };

interface Live {
  index: number;
  execution: Execution;
  worker: Worker;
  port: MessagePort;
  state: 'starting' | 'ready' | 'running' | 'blocked' | 'done';
  handles: Map<number, ServiceObject>;
  ids: Map<ServiceObject, number>;
}
interface Parked {
  live: Live;
  pending: Pending;
}

const WORKER_FILE = path.join(__dirname, 'worker.cjs');
const STALL_MS = 30000;

export interface ConcurrencyHost {
  runtime: Runtime;
  locks: LockTable;
  code: string;
  globals: Record<string, ServiceObject>;
  defaultUser: string;
  authModeFull: Enum;
}

function out(live: Live, v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (v instanceof Enum) return { $e: [v.type, v.name()] };
  if (isDate(v)) return new Date(v.getTime());
  if (v instanceof ServiceObject) {
    let id = live.ids.get(v);
    if (id === undefined) {
      id = live.handles.size + 1;
      live.handles.set(id, v);
      live.ids.set(v, id);
    }
    const c: Record<string, unknown> = {};
    for (const [k, x] of exposedConstants(v)) c[k] = out(live, x);
    // A template's code travels with its handle: the worker renders scriptlets in its own context.
    const t = v._service === 'HtmlTemplate' ? templateCode(String(Reflect.get(v, '_source'))) : undefined;
    return { $h: id, s: v._service, m: exposedMethods(v), c, t };
  }
  if (Array.isArray(v)) return v.map((x) => out(live, x));
  const o: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) o[k] = out(live, x);
  return { $o: o };
}

function into(live: Live, v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (isDate(v)) return new Date(v.getTime());
  if (Array.isArray(v)) return v.map((x) => into(live, x));
  if (!isPlainObject(v)) return v;
  if (typeof v.$h === 'number') {
    const target = live.handles.get(v.$h);
    if (!target) throw new Error(`emulator: unknown handle ${v.$h}`);
    return target;
  }
  if (Array.isArray(v.$e)) return enumByKey(String(v.$e[0]), String(v.$e[1]));
  const src = isPlainObject(v.$o) ? v.$o : v;
  const o: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(src)) o[k] = into(live, x);
  return o;
}

export function runConcurrently(host: ConcurrencyHost, jobs: ConcurrentJob[]): Settled[] {
  const { runtime } = host;
  const sync = new Int32Array(new SharedArrayBuffer(4 * (jobs.length + 1)));
  const results: Settled[] = new Array<Settled>(jobs.length);
  const parked: Parked[] = [];

  const lives: Live[] = jobs.map((job, index) => {
    const spec = typeof job === 'function' ? undefined : job;
    const execution = runtime.newExecution(
      spec?.user ?? host.defaultUser,
      spec?.authMode ?? host.authModeFull,
      {
        interactive: false,
        name: spec?.name ?? 'job',
      },
    );
    execution.concurrent = true;
    const { port1, port2 } = new MessageChannel();
    const live: Live = {
      index,
      execution,
      worker: undefined as unknown as Worker,
      port: port1,
      state: 'starting',
      handles: new Map(),
      ids: new Map(),
    };
    const globals: Record<string, unknown> = {};
    for (const [name, service] of Object.entries(host.globals)) globals[name] = out(live, service);
    const payload = spec ? { name: spec.name, event: out(live, spec.event) } : { source: job.toString() };
    live.worker = new Worker(WORKER_FILE, {
      workerData: {
        port: port2,
        clockBuffer: runtime.clock.buffer,
        syncBuffer: sync.buffer,
        slot: index + 1,
        prelude: PRELUDE,
        timeZone: runtime.timeZone,
        code: host.code,
        job: payload,
        globals,
      },
      transferList: [port2],
    });
    live.worker.unref();
    return live;
  });

  const reply = (live: Live, message: unknown): void => {
    live.port.postMessage(message);
    Atomics.store(sync, live.index + 1, 1);
    Atomics.notify(sync, live.index + 1);
  };
  const fail = (live: Live, e: unknown): void => {
    const err = e instanceof Error ? e : new Error(String(e));
    reply(live, { t: 'err', name: err.name, message: err.message });
  };
  const answer = (live: Live, compute: () => unknown): void => {
    try {
      const result = runtime.as(live.execution, compute);
      if (result instanceof Pending) {
        parked.push({ live, pending: result });
        live.state = 'blocked';
        return;
      }
      live.state = 'running';
      reply(live, { t: 'ret', v: out(live, result) });
    } catch (e) {
      live.state = 'running';
      fail(live, e);
    }
  };
  /** Retries parked calls in arrival order; with timeouts, also expires those past their deadline. */
  const repoll = (withTimeouts: boolean): boolean => {
    let progressed = false;
    for (const p of [...parked]) {
      const done = runtime.as(p.live.execution, () => p.pending.tryNow());
      const expired = !done && withTimeouts && runtime.clock.ms() >= p.pending.deadline;
      if (!done && !expired) continue;
      parked.splice(parked.indexOf(p), 1);
      progressed = true;
      runtime.resumed(p.live.execution);
      if (done) answer(p.live, () => done.value);
      else answer(p.live, () => p.pending.onTimeout());
    }
    return progressed;
  };
  const handle = (live: Live, message: Record<string, unknown>): void => {
    if (message.t === 'ready') {
      live.state = 'ready';
    } else if (message.t === 'call') {
      answer(live, () => {
        const target = live.handles.get(Number(message.h));
        if (!target) throw new Error('emulator: unknown handle');
        const args = Array.isArray(message.a) ? message.a.map((a) => into(live, a)) : [];
        return callService(runtime, target, String(message.m), args);
      });
    } else if (message.t === 'done') {
      live.state = 'done';
      host.locks.releaseAll(live.execution.id);
      const killed = live.execution.killed;
      if (killed) {
        results[live.index] = { status: 'rejected', reason: killed };
      } else if (message.ok) {
        results[live.index] = { status: 'fulfilled', value: into(live, message.v) };
      } else {
        const err = new Error(String(message.message));
        err.name = String(message.name);
        err.stack = String(message.stack);
        results[live.index] = { status: 'rejected', reason: err };
      }
      live.port.close();
      void live.worker.terminate();
    }
  };

  let started = false;
  let lastProgress = Date.now();
  for (;;) {
    const seen = Atomics.load(sync, 0);
    let progressed = false;
    for (const live of lives) {
      if (live.state === 'done') continue;
      for (
        let m = receiveMessageOnPort(live.port);
        m;
        m = (live.state as Live['state']) === 'done' ? undefined : receiveMessageOnPort(live.port)
      ) {
        handle(live, m.message as Record<string, unknown>);
        progressed = true;
      }
    }
    if (!started && lives.every((l) => l.state === 'ready' || l.state === 'done')) {
      started = true;
      for (const l of lives) if (l.state === 'ready') answer(l, () => undefined);
      progressed = true;
    }
    if (parked.length > 0 && repoll(false)) progressed = true;
    const live = lives.filter((l) => l.state !== 'done');
    if (live.length === 0) break;
    if (progressed) {
      lastProgress = Date.now();
      continue;
    }
    if (started && live.every((l) => l.state === 'blocked')) {
      const next = Math.min(...parked.map((p) => p.pending.nextChance()));
      if (next > runtime.clock.ms()) runtime.clock.set(new Date(next));
      repoll(true);
      continue;
    }
    if (Date.now() - lastProgress > STALL_MS) {
      for (const l of live) void l.worker.terminate();
      throw new Error('emulator: concurrent executions stalled (a worker died or never answered)');
    }
    Atomics.wait(sync, 0, seen, 100);
  }
  return results;
}
