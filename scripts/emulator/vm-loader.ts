import vm from 'node:vm';
import type { Realm } from './membrane';

/**
 * Runs inside each fresh context before the bundle: replaces Date with a shim whose no-argument
 * constructor and Date.now() read the simulated clock, and whose local-time methods (getHours, new
 * Date(y, m, d), setDate, toString, parsing of zone-less text) use the script's time zone (the
 * manifest's timeZone), not the host's — as Apps Script does. Returns the helpers the membrane needs
 * to create Dates and Errors that belong to this context's realm.
 */
export const PRELUDE = `(function (now, zone) {
  var RealDate = Date;
  var P = RealDate.prototype;
  var hostGet = { y: P.getFullYear, mo: P.getMonth, d: P.getDate, h: P.getHours, mi: P.getMinutes, s: P.getSeconds, ms: P.getMilliseconds };
  var fmt = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
  var longFmt = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'long' });
  var cache = new Map();
  /** Minutes east of UTC in the script zone at an instant (cached per quarter hour). */
  function offsetAt(t) {
    var key = Math.floor(t / 900000);
    var hit = cache.get(key);
    if (hit !== undefined) return hit;
    var q = key * 900000, parts = {};
    fmt.formatToParts(new RealDate(q)).forEach(function (p) { parts[p.type] = p.value; });
    var asUtc = RealDate.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
    var off = Math.round((asUtc - q) / 60000);
    if (cache.size > 5000) cache.clear();
    cache.set(key, off);
    return off;
  }
  function toUtc(localMs) {
    var t = localMs - offsetAt(localMs) * 60000;
    return localMs - offsetAt(t) * 60000;
  }
  function fromParts(y, mo, d, h, mi, s, ms) {
    var u = new RealDate(0);
    u.setUTCFullYear(y, mo, d);
    u.setUTCHours(h, mi, s, ms);
    return toUtc(u.getTime());
  }
  function local(date) { var t = date.getTime(); return new RealDate(t + offsetAt(t) * 60000); }
  function fields(date) {
    var l = local(date);
    return [l.getUTCFullYear(), l.getUTCMonth(), l.getUTCDate(), l.getUTCHours(), l.getUTCMinutes(), l.getUTCSeconds(), l.getUTCMilliseconds()];
  }
  function num(v, fallback) { return v === undefined ? fallback : Number(v); }
  function define(name, fn) { Object.defineProperty(P, name, { value: fn, writable: true, configurable: true }); }
  [['getFullYear', 'getUTCFullYear'], ['getMonth', 'getUTCMonth'], ['getDate', 'getUTCDate'], ['getDay', 'getUTCDay'],
   ['getHours', 'getUTCHours'], ['getMinutes', 'getUTCMinutes'], ['getSeconds', 'getUTCSeconds'], ['getMilliseconds', 'getUTCMilliseconds']]
    .forEach(function (pair) {
      var utc = P[pair[1]];
      define(pair[0], function () { if (isNaN(this.getTime())) return NaN; return utc.call(local(this)); });
    });
  define('getYear', function () { return this.getFullYear() - 1900; });
  define('getTimezoneOffset', function () { return isNaN(this.getTime()) ? NaN : -offsetAt(this.getTime()); });
  /** setX(...) in local time: replace fields from index i onward. */
  function setter(name, first, count) {
    define(name, function () {
      var f = isNaN(this.getTime()) ? (first === 0 ? [NaN, 0, 1, 0, 0, 0, 0] : null) : fields(this);
      if (!f) return NaN;
      if (first === 0 && isNaN(f[0])) f = [0, 0, 1, 0, 0, 0, 0];
      for (var k = 0; k < count && k < arguments.length; k++) f[first + k] = Number(arguments[k]);
      return this.setTime(fromParts(f[0], f[1], f[2], f[3], f[4], f[5], f[6]));
    });
  }
  setter('setFullYear', 0, 3); setter('setMonth', 1, 2); setter('setDate', 2, 1);
  setter('setHours', 3, 4); setter('setMinutes', 4, 3); setter('setSeconds', 5, 2); setter('setMilliseconds', 6, 1);
  var DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  function two(n) { return (n < 10 ? '0' : '') + n; }
  function dateText(d) { var f = fields(d); return DAYS[local(d).getUTCDay()] + ' ' + MONTHS[f[1]] + ' ' + two(f[2]) + ' ' + String(f[0]).padStart(4, '0'); }
  function timeText(d) {
    var f = fields(d), off = offsetAt(d.getTime()), a = Math.abs(off);
    var name = (longFmt.formatToParts(d).filter(function (p) { return p.type === 'timeZoneName'; })[0] || {}).value;
    return two(f[3]) + ':' + two(f[4]) + ':' + two(f[5]) + ' GMT' + (off < 0 ? '-' : '+') + two(Math.floor(a / 60)) + two(a % 60) + (name ? ' (' + name + ')' : '');
  }
  define('toString', function () { return isNaN(this.getTime()) ? 'Invalid Date' : dateText(this) + ' ' + timeText(this); });
  define('toDateString', function () { return isNaN(this.getTime()) ? 'Invalid Date' : dateText(this); });
  define('toTimeString', function () { return isNaN(this.getTime()) ? 'Invalid Date' : timeText(this); });
  ['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString'].forEach(function (name) {
    var real = P[name];
    define(name, function (locales, options) {
      var o = Object.assign({}, options || {});
      if (o.timeZone === undefined) o.timeZone = zone;
      return real.call(this, locales, o);
    });
  });
  /** Text with no zone of its own is local time ('2026-03-02 10:00', 'March 2, 2026'); ISO dates alone are UTC. */
  function parse(text) {
    var s = String(text), t = RealDate.parse(s);
    if (isNaN(t)) return t;
    if (/(Z|[+-]\\d\\d:?\\d\\d|GMT|UTC)\\s*(\\(.*\\))?$/i.test(s.trim()) || /^\\d{4}-\\d\\d(-\\d\\d)?$/.test(s.trim())) return t;
    var h = new RealDate(t);
    return fromParts(hostGet.y.call(h), hostGet.mo.call(h), hostGet.d.call(h), hostGet.h.call(h), hostGet.mi.call(h), hostGet.s.call(h), hostGet.ms.call(h));
  }
  function SimDate(a, b, c, d, e, f, g) {
    if (!new.target) return new RealDate(now()).toString();
    var n = arguments.length;
    if (n === 0) return new RealDate(now());
    if (n === 1) {
      if (typeof a === 'string') return new RealDate(parse(a));
      return new RealDate(a instanceof RealDate ? a.getTime() : a);
    }
    var y = Number(a);
    if (y >= 0 && y <= 99 && Math.floor(y) === y) y += 1900;
    return new RealDate(fromParts(y, Number(b), num(c, 1), num(d, 0), num(e, 0), num(f, 0), num(g, 0)));
  }
  SimDate.prototype = P;
  Object.defineProperty(P, 'constructor', { value: SimDate, writable: true, configurable: true });
  SimDate.now = function () { return now(); };
  SimDate.UTC = RealDate.UTC;
  SimDate.parse = parse;
  globalThis.Date = SimDate;
  return {
    date: function (ms) { return new RealDate(ms); },
    error: function (name, message) {
      var C = typeof globalThis[name] === 'function' && name.slice(-5) === 'Error' ? globalThis[name] : Error;
      var e = new C(message);
      if (e.name !== name) Object.defineProperty(e, 'name', { value: name, writable: true, configurable: true });
      return e;
    },
    newObject: function () { return {}; },
    newArray: function () { return []; },
    run: function (source) { return (0, eval)(source); }
  };
})`;

/**
 * Node resolves a global of a vm context (`Array`, `Math`, `Date`, `SpreadsheetApp`) through the
 * context's interceptors on every use: some 20 times slower than in a plain script, and the bundle
 * uses its built-ins everywhere. A top-level `let X = globalThis.X` in a script run first makes `X` a
 * lexical binding of the context (ECMAScript's global lexical environment, shared by every later
 * script), which V8 resolves directly — the same value, and the global property stays as it was.
 * Run after the prelude (its Date) and after the services are installed. Names that cannot be lexical
 * (non-configurable: undefined, NaN, Infinity) and `eval`/`globalThis` are left alone. A script that
 * declares one of the names itself is evaluated without them (Emulator.execute); one that replaces a
 * built-in through `globalThis.X = …` would not see it by the bare name (README, not emulated).
 * Worker executions (runConcurrently) are evaluated without them.
 */
const GLOBALS_IN_CONTEXT = `Object.getOwnPropertyNames(globalThis).filter(function (name) {
  var d = Object.getOwnPropertyDescriptor(globalThis, name);
  return /^[A-Za-z_$][\\w$]*$/.test(name) && name !== 'eval' && name !== 'globalThis' && d && d.configurable && 'value' in d;
})`;

/** The script that binds `names` lexically (see GLOBALS_IN_CONTEXT). */
function lexicalBindings(names: readonly string[]): string {
  return names.length === 0 ? '' : `let ${names.map((name) => `${name} = globalThis.${name}`).join(', ')};`;
}

const bindingScripts = new Map<string, vm.Script>();

/**
 * Binds the context's globals lexically, once per context (a second run would redeclare them), after
 * the services are installed. The names are the same for every context of a process and set of
 * services, so they are found once and the binding script compiled once.
 */
export function bindGlobals(context: vm.Context): void {
  const found = Object.keys(context).sort().join(',');
  let script = bindingScripts.get(found);
  if (!script) {
    const names = vm.runInContext(GLOBALS_IN_CONTEXT, context) as string[];
    script = new vm.Script(lexicalBindings(names), { filename: 'globals.js' });
    bindingScripts.set(found, script);
  }
  script.runInContext(context);
}

/** A context holding only standard built-ins: no require, process, setTimeout or fetch. */
export function newContext(now: () => number, timeZone = 'UTC'): { context: vm.Context; realm: Realm } {
  const context = vm.createContext({}, { codeGeneration: { strings: true, wasm: false } });
  const install: unknown = vm.runInContext(PRELUDE, context);
  if (typeof install !== 'function') throw new Error('vm-loader: prelude did not evaluate to a function');
  const realm = install(now, timeZone) as Realm;
  return { context, realm };
}

const compiled = new Map<string, { filename: string; script: vm.Script }>();

/**
 * Compiled once per process (a test file makes many emulators of one bundle), run in a fresh context per
 * execution (Apps Script re-evaluates the project each time).
 */
export function compile(code: string, filename = 'Code.js'): vm.Script {
  const hit = compiled.get(code);
  if (hit?.filename === filename) return hit.script;
  if (compiled.size >= 4) compiled.clear();
  const script = new vm.Script(code, { filename });
  compiled.set(code, { filename, script });
  return script;
}

/** The names of the functions a script defines at top level (evaluated once in a scratch context). */
export function topLevelFunctions(script: vm.Script): ReadonlySet<string> {
  let names = functionNames.get(script);
  if (!names) {
    const { context } = newContext(() => Date.now());
    script.runInContext(context);
    const scope = context as Record<string, unknown>;
    names = new Set(Object.getOwnPropertyNames(scope).filter((name) => typeof scope[name] === 'function'));
    functionNames.set(script, names);
  }
  return names;
}

const functionNames = new WeakMap<vm.Script, ReadonlySet<string>>();
