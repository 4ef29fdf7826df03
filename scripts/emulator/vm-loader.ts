import vm from 'node:vm';
import type { Realm } from './membrane';

/**
 * Runs inside each fresh context before the bundle: replaces Date with a shim whose no-argument
 * constructor and Date.now() read the simulated clock, and returns the helpers the membrane needs to
 * create Dates and Errors that belong to this context's realm.
 */
export const PRELUDE = `(function (now) {
  var RealDate = Date;
  function SimDate() {
    if (!new.target) return new RealDate(now()).toString();
    return arguments.length === 0 ? new RealDate(now()) : new (Function.prototype.bind.apply(RealDate, [null].concat(Array.prototype.slice.call(arguments))))();
  }
  SimDate.prototype = RealDate.prototype;
  Object.defineProperty(RealDate.prototype, 'constructor', { value: SimDate, writable: true, configurable: true });
  SimDate.now = function () { return now(); };
  SimDate.UTC = RealDate.UTC;
  SimDate.parse = RealDate.parse;
  globalThis.Date = SimDate;
  return {
    date: function (ms) { return new RealDate(ms); },
    error: function (name, message) {
      var C = typeof globalThis[name] === 'function' && name.slice(-5) === 'Error' ? globalThis[name] : Error;
      var e = new C(message);
      if (e.name !== name) Object.defineProperty(e, 'name', { value: name, writable: true, configurable: true });
      return e;
    },
    newObject: function () { return {}; }
  };
})`;

/** A context holding only standard built-ins: no require, process, setTimeout or fetch. */
export function newContext(now: () => number): { context: vm.Context; realm: Realm } {
  const context = vm.createContext({}, { codeGeneration: { strings: true, wasm: false } });
  const install: unknown = vm.runInContext(PRELUDE, context);
  if (typeof install !== 'function') throw new Error('vm-loader: prelude did not evaluate to a function');
  const realm = install(now) as Realm;
  return { context, realm };
}

/** Compiled once, run in a fresh context per execution (Apps Script re-evaluates the project each time). */
export function compile(code: string, filename = 'Code.js'): vm.Script {
  return new vm.Script(code, { filename });
}
