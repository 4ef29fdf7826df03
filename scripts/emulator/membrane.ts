import { checkAuthorization } from './auth';
import { Enum } from './enums';
import { templateCode } from './html';
import { Pending, type Runtime, ServiceObject } from './runtime';

/**
 * The boundary between host services and script code. The script sees facades: objects with only the
 * public methods and constants of a service, whose calls are counted, whose values are copied (so a
 * script can never mutate host state by reference), and whose Dates and Errors belong to the
 * script's own realm (so `instanceof Date` / `instanceof Error` hold inside the vm context).
 */

const methodCache = new Map<object, string[]>();

/** Public method names of a service class: own prototype chain up to ServiceObject, minus '_x'. */
export function exposedMethods(target: ServiceObject): string[] {
  const proto: object | null = Object.getPrototypeOf(target);
  if (!proto) return [];
  const cached = methodCache.get(proto);
  if (cached) return cached;
  const names = new Set<string>();
  for (let p: object | null = proto; p && p !== ServiceObject.prototype; p = Object.getPrototypeOf(p)) {
    for (const name of Object.getOwnPropertyNames(p)) {
      if (name === 'constructor' || name.startsWith('_')) continue;
      const d = Object.getOwnPropertyDescriptor(p, name);
      if (d && typeof d.value === 'function') names.add(name);
    }
  }
  const list = [...names];
  methodCache.set(proto, list);
  return list;
}

/** Constants a service exposes as properties: own fields named in UpperCamelCase (enum holders). */
export function exposedConstants(target: ServiceObject): Array<[string, unknown]> {
  return Object.entries(target).filter(([name]) => /^[A-Z]/.test(name));
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** Counts and performs one call on a host service object. May return a Pending. */
export function callService(
  runtime: Runtime,
  target: ServiceObject,
  method: string,
  args: unknown[],
): unknown {
  if (!exposedMethods(target).includes(method)) {
    throw new TypeError(`${method} is not a function on ${target._service}`);
  }
  const service = target._service;
  runtime.beforeCall(service, method, args);
  checkAuthorization(runtime.current, service, method);
  runtime.counter.record(service, method);
  const fn: unknown = Reflect.get(target, method);
  if (typeof fn !== 'function') throw new TypeError(`${service}.${method} is not a function`);
  let cells = 0;
  try {
    const result = runtime.counter.during(service, method, () => {
      try {
        return Reflect.apply(fn, target, args);
      } finally {
        cells = runtime.counter.activeCells() + runtime.takeScanned();
      }
    });
    const delay =
      result instanceof Pending ? 0 : runtime.faults._delayOf(runtime.current, `${service}.${method}`, args);
    if (delay <= 0) return result;
    const until = runtime.clock.ms() + delay;
    return new Pending(
      until,
      () => (runtime.clock.ms() >= until ? { value: result } : null),
      () => result,
    );
  } finally {
    runtime.afterCall(service, method, cells);
  }
}

/** What a realm must provide so values can be re-created inside it. */
export interface Realm {
  date(ms: number): Date;
  error(name: string, message: string): Error;
  newObject(): Record<string, unknown>;
  /** An empty array of the realm: what a script gets back is `instanceof Array` there, as on Google. */
  newArray(): unknown[];
  /** Evaluates source in the context's global scope (HtmlTemplate scriptlets see the script's globals). */
  run(source: string): unknown;
}

/** Facades for one vm context, used by in-process executions (emu.run). */
export class InProcessMembrane {
  private readonly facades = new WeakMap<ServiceObject, object>();
  private readonly targets = new WeakMap<object, ServiceObject>();
  private readonly protos = new Map<object, object>();

  constructor(
    private readonly runtime: Runtime,
    private readonly realm: Realm,
  ) {}

  toScript(value: unknown): unknown {
    if (value === null || typeof value !== 'object') return value;
    // Arrays first (a getValues grid is arrays of arrays), built in the script's realm, element by element.
    if (Array.isArray(value)) {
      const out = this.realm.newArray();
      for (let i = 0; i < value.length; i++) out.push(this.toScript(value[i]));
      return out;
    }
    if (value instanceof Enum) return value;
    if (isDate(value)) return this.realm.date(value.getTime());
    if (value instanceof ServiceObject) return this.facade(value);
    const out = this.realm.newObject();
    for (const [k, v] of Object.entries(value)) out[k] = this.toScript(v);
    return out;
  }

  toHost(value: unknown): unknown {
    if (value === null || typeof value !== 'object') return value;
    // A script's array becomes a host array (a facade is never an array); `map` would keep the script's realm.
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      for (let i = 0; i < value.length; i++) out.push(this.toHost(value[i]));
      return out;
    }
    const target = this.targets.get(value);
    if (target) return target;
    if (value instanceof Enum) return value;
    if (isDate(value)) return new Date(value.getTime());
    if (isPlainObject(value)) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = this.toHost(v);
      return out;
    }
    return value;
  }

  private facade(target: ServiceObject): object {
    const existing = this.facades.get(target);
    if (existing) return existing;
    const facade: Record<string, unknown> = Object.create(this.proto(target));
    for (const [name, constant] of exposedConstants(target)) facade[name] = this.toScript(constant);
    this.facades.set(target, facade);
    this.targets.set(facade, target);
    return facade;
  }

  private proto(target: ServiceObject): object {
    const key: object = Object.getPrototypeOf(target);
    const cached = this.protos.get(key);
    if (cached) return cached;
    const proto: Record<string, unknown> = {};
    const membrane = this;
    for (const method of exposedMethods(target)) {
      proto[method] = function (this: object, ...args: unknown[]): unknown {
        const host = membrane.targets.get(this);
        if (!host) throw membrane.realm.error('TypeError', `Illegal invocation of ${method}`);
        if (method === 'evaluate' && host._service === 'HtmlTemplate') {
          // Scriptlets run here, in the script's context, with the template's fields as variables.
          const render = membrane.realm.run(templateCode(String(Reflect.get(host, '_source'))));
          const html = (render as (vars: object) => string)({ ...this });
          return membrane.invoke(host, method, [html]);
        }
        return membrane.invoke(host, method, args);
      };
    }
    const name = target._service;
    proto.toString = () => name;
    this.protos.set(key, proto);
    return proto;
  }

  private invoke(target: ServiceObject, method: string, args: unknown[]): unknown {
    try {
      const hostArgs = args.map((a) => this.toHost(a));
      let result = callService(this.runtime, target, method, hostArgs);
      if (result instanceof Pending) result = this.runtime.settleInline(result);
      return this.toScript(result);
    } catch (e) {
      throw this.scriptError(e);
    }
  }

  scriptError(e: unknown): unknown {
    if (e instanceof Error) return this.realm.error(e.name, e.message);
    return e;
  }
}
