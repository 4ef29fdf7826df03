'use strict';
// One concurrent execution: runs the bundle in its own vm context on its own thread. Every service call
// is a synchronous request to the main thread, which owns all state (see concurrency.ts): post the
// request, ring the shared doorbell, sleep on our slot until the main thread answers.
const { workerData, receiveMessageOnPort } = require('node:worker_threads');
const vm = require('node:vm');

const { port, clockBuffer, syncBuffer, slot, prelude, timeZone, code, job, globals } = workerData;
const sync = new Int32Array(syncBuffer);
const clock = new Float64Array(clockBuffer);

/** How long a woken worker waits for the reply message to arrive on its port. */
const REPLY_GRACE_MS = 10_000;

function request(message) {
  Atomics.store(sync, slot, 0);
  port.postMessage(message);
  Atomics.add(sync, 0, 1);
  Atomics.notify(sync, 0);
  Atomics.wait(sync, slot, 0);
  // The main thread posts the reply before it rings our slot, but on a loaded machine the message can
  // become receivable a moment after the wake-up: poll for it (briefly) before calling the main thread dead.
  let reply = receiveMessageOnPort(port);
  for (let waited = 0; !reply && waited < REPLY_GRACE_MS; waited += 5) {
    Atomics.wait(sync, slot, 1, 5);
    reply = receiveMessageOnPort(port);
  }
  if (!reply) throw new Error('emulator worker: no reply from the main thread');
  return reply.message;
}

const context = vm.createContext({}, { codeGeneration: { strings: true, wasm: false } });
const realm = vm.runInContext(prelude, context)(() => clock[0], timeZone);
const facades = new Map();
const enums = new Map();

function enumValue(type, key) {
  const id = `${type}.${key}`;
  let e = enums.get(id);
  if (!e) {
    e = Object.freeze({ name: () => key, toString: () => key, toJSON: () => key, __enum: [type, key] });
    enums.set(id, e);
  }
  return e;
}

function fromMain(v) {
  if (v === null || typeof v !== 'object') return v;
  if (v instanceof Date) return realm.date(v.getTime());
  if (Array.isArray(v)) {
    // Built in the script's realm (map would keep this thread's): instanceof Array holds in the script.
    const out = realm.newArray();
    for (let i = 0; i < v.length; i++) out.push(fromMain(v[i]));
    return out;
  }
  if (v.$e) return enumValue(v.$e[0], v.$e[1]);
  if (v.$h !== undefined) return facade(v);
  if (v.$o) {
    const o = realm.newObject();
    for (const k of Object.keys(v.$o)) o[k] = fromMain(v.$o[k]);
    return o;
  }
  return v;
}

const handleOf = new WeakMap();
function toMain(v) {
  if (v === null || typeof v !== 'object') return typeof v === 'function' ? undefined : v;
  if (Object.prototype.toString.call(v) === '[object Date]') return new Date(v.getTime());
  if (Array.isArray(v)) return v.map(toMain);
  if (handleOf.has(v)) return { $h: handleOf.get(v) };
  if (v.__enum) return { $e: v.__enum };
  const o = {};
  for (const k of Object.keys(v)) o[k] = toMain(v[k]);
  return { $o: o };
}

function facade(d) {
  const cached = facades.get(d.$h);
  if (cached) return cached;
  const o = {};
  for (const m of d.m) {
    o[m] = (...args) => {
      const reply = request({ t: 'call', h: d.$h, m, a: args.map(toMain) });
      if (reply.t === 'err') throw realm.error(reply.name, reply.message);
      return fromMain(reply.v);
    };
  }
  if (d.t !== undefined) {
    // HtmlTemplate.evaluate: scriptlets run in this context, with the template's fields as variables.
    o.evaluate = () => {
      const render = vm.runInContext(d.t, context);
      const vars = {};
      for (const k of Object.keys(o)) if (typeof o[k] !== 'function') vars[k] = o[k];
      const reply = request({ t: 'call', h: d.$h, m: 'evaluate', a: [render(vars)] });
      if (reply.t === 'err') throw realm.error(reply.name, reply.message);
      return fromMain(reply.v);
    };
  }
  o.toString = () => d.s;
  for (const k of Object.keys(d.c)) o[k] = fromMain(d.c[k]);
  facades.set(d.$h, o);
  handleOf.set(o, d.$h);
  return o;
}

function finish(message) {
  port.postMessage(message);
  Atomics.add(sync, 0, 1);
  Atomics.notify(sync, 0);
}

try {
  for (const name of Object.keys(globals)) context[name] = fromMain(globals[name]);
  if (code) vm.runInContext(code, context, { filename: 'Code.js' });
  // Wait at the start line so that every execution begins together.
  request({ t: 'ready' });
  let result;
  if (job.source) {
    result = vm.runInContext(`(${job.source})()`, context, { filename: 'job.js' });
  } else {
    const fn = context[job.name];
    if (typeof fn !== 'function') throw new Error(`Script function not found: ${job.name}`);
    result = fn(fromMain(job.event));
  }
  finish({ t: 'done', ok: true, v: toMain(result) });
} catch (e) {
  const err = e && typeof e === 'object' ? e : new Error(String(e));
  finish({
    t: 'done',
    ok: false,
    name: err.name || 'Error',
    message: err.message || String(e),
    stack: err.stack || '',
  });
}
