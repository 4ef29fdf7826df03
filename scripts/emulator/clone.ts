/**
 * Copies the whole state of one emulator into a freshly constructed twin (Emulator.clone), so a test
 * harness can set a desk up once and hand every test its own copy instead of running setup again.
 *
 * The twin already has its own services, wired to each other by closures (`() => this.clock.ms()`)
 * that a copy could not re-point. So the copy goes in two passes:
 * 1. pair: walk both object graphs side by side from the two emulators; objects found at the same path
 *    with the same prototype are the same part (the source's runtime ↔ the twin's runtime, the bound
 *    spreadsheet's model ↔ the twin's). Containers (arrays, maps, sets) are paired but not entered.
 * 2. fill: every paired object of the twin takes the source's fields and contents, in place, so the
 *    twin's closures still see them; every other object reached (a sheet, a trigger) is copied, each
 *    once, so shared references stay shared. A reference to a paired object becomes its twin. Plain
 *    records of primitives (cells) are copied by value (see leafRecord).
 * Plain records are copied by their own enumerable string keys (the emulator's records have no others).
 * Frozen objects (enum values) are shared: scripts compare them by identity. Functions are never copied: a paired object keeps the twin's own (its closures point at the twin),
 * and a function held as data (a filter's criteria) is shared, as it holds no state of its own.
 */

type Obj = Record<PropertyKey, unknown>;

/**
 * A class may say how its instances are copied (SheetModel: the grid's rows are shared and copied on
 * their first write, so a copy costs the rows it changes); `copy` copies anything else it holds the
 * usual way.
 */
export const copyOwnState = Symbol('copyOwnState');
export interface CopiesOwnState {
  [copyOwnState](copy: <T>(value: T) => T): object;
}

function copiesOwnState(value: object): value is CopiesOwnState {
  return typeof (value as Partial<CopiesOwnState>)[copyOwnState] === 'function';
}

const objectProto = Object.prototype;

function isObject(value: unknown): value is object {
  return value !== null && typeof value === 'object';
}

function isContainer(value: object): boolean {
  return Array.isArray(value) || value instanceof Map || value instanceof Set || ArrayBuffer.isView(value);
}

class GraphCopy {
  /** Source object → its twin (paired) or copy. */
  private readonly twins = new Map<object, object>();
  private readonly paired: Array<[object, object]> = [];

  pair(source: object, twin: object): void {
    if (this.twins.has(source) || Object.isFrozen(source)) return;
    this.twins.set(source, twin);
    // An object both reach (a module-level table) is the same part already: nothing to fill.
    if (source === twin) return;
    this.paired.push([source, twin]);
    if (isContainer(source) || isDateLike(source) || source instanceof SharedArrayBuffer) return;
    for (const key of Reflect.ownKeys(source)) {
      const a = ownValue(source, key);
      const b = ownValue(twin, key);
      if (isObject(a) && isObject(b) && Object.getPrototypeOf(a) === Object.getPrototypeOf(b))
        this.pair(a, b);
    }
  }

  fillAll(): void {
    for (const [source, twin] of this.paired) this.fill(source, twin);
  }

  private fill(source: object, twin: object): void {
    if (source instanceof SharedArrayBuffer) {
      new Uint8Array(twin as SharedArrayBuffer).set(new Uint8Array(source));
      return;
    }
    if (ArrayBuffer.isView(source)) {
      const from = source as unknown as Uint8Array;
      const to = twin as unknown as Uint8Array;
      if (from.length === to.length && from.buffer instanceof SharedArrayBuffer) return; // filled via its buffer
      to.set(from);
      return;
    }
    if (isDateLike(source)) {
      (twin as Date).setTime((source as Date).getTime());
      return;
    }
    if (Array.isArray(source)) {
      const to = twin as unknown[];
      to.length = source.length;
      for (let i = 0; i < source.length; i++) to[i] = this.copy(source[i]);
      return;
    }
    if (source instanceof Map) {
      const to = twin as Map<unknown, unknown>;
      to.clear();
      for (const [k, v] of source) to.set(this.copy(k), this.copy(v));
      return;
    }
    if (source instanceof Set) {
      const to = twin as Set<unknown>;
      to.clear();
      for (const v of source) to.add(this.copy(v));
      return;
    }
    const from = source as Obj;
    const to = twin as Obj;
    for (const key of Reflect.ownKeys(twin)) {
      if (!Object.hasOwn(source, key) && typeof ownValue(twin, key) !== 'function') delete to[key];
    }
    for (const key of Reflect.ownKeys(source)) {
      const d = Object.getOwnPropertyDescriptor(source, key);
      if (!d || !('value' in d)) continue;
      if (typeof d.value === 'function') {
        if (typeof ownValue(twin, key) !== 'function') to[key] = d.value;
        continue;
      }
      const value = this.copy(from[key]);
      if (Object.hasOwn(twin, key)) to[key] = value;
      else Object.defineProperty(twin, key, { ...d, value });
    }
  }

  /** The twin of a paired object, else a copy (made once per source object). */
  copy<T>(value: T): T {
    if (!isObject(value)) return value;
    const leaf = leafRecord(value);
    if (leaf) return leaf as T;
    const known = this.twins.get(value);
    if (known) return known as T;
    // Frozen objects (enum values, constant tables) are module-level singletons compared by identity.
    if (Object.isFrozen(value)) return value;
    if (copiesOwnState(value)) {
      const own = value[copyOwnState]((v) => this.copy(v));
      this.twins.set(value, own);
      return own as T;
    }
    const out = this.blank(value);
    if (out === value) return value;
    this.twins.set(value, out);
    this.fillCopy(value, out);
    return out as T;
  }

  private blank(value: object): object {
    if (Array.isArray(value)) return new Array(value.length);
    if (isDateLike(value)) return new Date((value as Date).getTime());
    if (value instanceof Map) return new Map();
    if (value instanceof Set) return new Set();
    if (value instanceof RegExp || value instanceof WeakMap || value instanceof WeakSet) return value;
    if (ArrayBuffer.isView(value)) return (value as unknown as Uint8Array).slice();
    return Object.create(Object.getPrototypeOf(value)) as object;
  }

  private fillCopy(source: object, out: object): void {
    if (Array.isArray(source)) {
      const to = out as unknown[];
      for (let i = 0; i < source.length; i++) {
        const v: unknown = source[i];
        to[i] = isObject(v) ? this.copy(v) : v;
      }
      return;
    }
    if (source instanceof Map) {
      for (const [k, v] of source) (out as Map<unknown, unknown>).set(this.copy(k), this.copy(v));
      return;
    }
    if (source instanceof Set) {
      for (const v of source) (out as Set<unknown>).add(this.copy(v));
      return;
    }
    if (isDateLike(source) || ArrayBuffer.isView(source)) return;
    const to = out as Obj;
    if (Object.getPrototypeOf(source) === objectProto) {
      for (const key in source) {
        const v = (source as Obj)[key];
        to[key] = isObject(v) ? this.copy(v) : v;
      }
      return;
    }
    for (const key of Reflect.ownKeys(source)) {
      if (Object.hasOwn(out, key)) continue;
      const d = Object.getOwnPropertyDescriptor(source, key);
      if (!d) continue;
      if ('value' in d) d.value = this.copy(d.value);
      Object.defineProperty(out, key, d);
    }
  }
}

/**
 * A copy of a plain record whose fields are all primitives (a cell, a cache entry), or null for any
 * other object. Such records are copied by value wherever they are found, without the identity lookup
 * (the emulator never shares one between two places); that keeps copying 100,000 cells cheap.
 */
function leafRecord(value: object): Obj | null {
  if (Object.getPrototypeOf(value) !== objectProto || Object.isFrozen(value)) return null;
  const out: Obj = {};
  for (const key in value) {
    const v = (value as Obj)[key];
    if (v !== null && (typeof v === 'object' || typeof v === 'function')) return null;
    out[key] = v;
  }
  return out;
}

function ownValue(target: object, key: PropertyKey): unknown {
  const d = Object.getOwnPropertyDescriptor(target, key);
  return d && 'value' in d ? d.value : undefined;
}

/** A Date of any realm (a script's Date is not `instanceof` the host's). */
function isDateLike(value: object): boolean {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** Makes `twin` (a new emulator built with the same options and script) a copy of `source`. */
export function copyState(source: object, twin: object): void {
  const graph = new GraphCopy();
  graph.pair(source, twin);
  graph.fillAll();
}
