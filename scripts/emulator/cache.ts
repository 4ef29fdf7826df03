import { Exception } from './errors';
import { type Runtime, ServiceObject } from './runtime';

interface Entry {
  value: string;
  expires: number;
}

const MAX_VALUE = 100 * 1024;
const MAX_KEY = 250;
const MAX_TTL = 21600;

/** A cache whose entries expire on the simulated clock. */
export class Cache extends ServiceObject {
  readonly _service = 'Cache';
  constructor(
    private readonly runtime: Runtime,
    private readonly entries: Map<string, Entry>,
  ) {
    super();
  }
  private live(key: string): Entry | undefined {
    const e = this.entries.get(key);
    if (e && e.expires <= this.runtime.clock.ms()) {
      this.entries.delete(key);
      return undefined;
    }
    return e;
  }
  get(key: string): string | null {
    return this.live(String(key))?.value ?? null;
  }
  getAll(keys: string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const k of keys) {
      const e = this.live(String(k));
      if (e) out[k] = e.value;
    }
    return out;
  }
  put(key: string, value: string, expirationInSeconds = 600): void {
    const k = String(key);
    const v = String(value);
    if (k.length > MAX_KEY) throw new Exception('Argument too large: key');
    if (Buffer.byteLength(v, 'utf8') > MAX_VALUE) throw new Exception('Argument too large: value');
    // Google silently caps the time to live at six hours.
    const ttl = Math.min(Math.max(1, expirationInSeconds), MAX_TTL);
    this.entries.set(k, { value: v, expires: this.runtime.clock.ms() + ttl * 1000 });
  }
  putAll(values: Record<string, string>, expirationInSeconds = 600): void {
    for (const [k, v] of Object.entries(values)) this.put(k, v, expirationInSeconds);
  }
  remove(key: string): void {
    this.entries.delete(String(key));
  }
  removeAll(keys: string[]): void {
    for (const k of keys) this.entries.delete(String(k));
  }
}

export class CacheService extends ServiceObject {
  readonly _service = 'CacheService';
  private readonly caches = new Map<string, Map<string, Entry>>();
  constructor(
    private readonly runtime: Runtime,
    private readonly documentId: () => string,
  ) {
    super();
  }
  private cache(scope: string): Cache {
    let entries = this.caches.get(scope);
    if (!entries) {
      entries = new Map();
      this.caches.set(scope, entries);
    }
    return new Cache(this.runtime, entries);
  }
  /**
   * Evicts `key` from every cache (or everything): Google may drop an entry before it expires, so code
   * must survive a miss. Returns how many entries went.
   */
  _evict(key?: string): number {
    let n = 0;
    for (const entries of this.caches.values()) {
      if (key === undefined) {
        n += entries.size;
        entries.clear();
      } else if (entries.delete(key)) n++;
    }
    return n;
  }
  getScriptCache(): Cache {
    return this.cache('script');
  }
  getDocumentCache(): Cache {
    return this.cache(`document:${this.documentId()}`);
  }
  getUserCache(): Cache {
    return this.cache(`user:${this.runtime.current.user}`);
  }
}
