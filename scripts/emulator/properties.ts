import { Exception } from './errors';
import { type Runtime, ServiceObject } from './runtime';

/** Google's limits: 9 KB per value, 500 KB per store (key + value, UTF-8). */
export const VALUE_LIMIT = 9 * 1024;
export const STORE_LIMIT = 500 * 1024;

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

export class Properties extends ServiceObject {
  readonly _service = 'Properties';
  constructor(readonly _store: Map<string, string>) {
    super();
  }
  private size(without?: string): number {
    let n = 0;
    for (const [k, v] of this._store) if (k !== without) n += bytes(k) + bytes(v);
    return n;
  }
  private check(entries: Array<[string, string]>): void {
    let added = 0;
    for (const [k, v] of entries) {
      if (bytes(v) > VALUE_LIMIT) throw new Exception('Argument too large: value');
      added += bytes(k) + bytes(v);
    }
    const kept = entries.reduce(
      (n, [k]) => n - (this._store.has(k) ? bytes(k) + bytes(this._store.get(k) ?? '') : 0),
      this.size(),
    );
    if (kept + added > STORE_LIMIT) {
      throw new Exception(
        'You have exceeded the property storage quota. Please remove some properties and try again.',
      );
    }
  }
  getProperty(key: string): string | null {
    return this._store.get(String(key)) ?? null;
  }
  setProperty(key: string, value: unknown): this {
    const entry: [string, string] = [String(key), String(value)];
    this.check([entry]);
    this._store.set(...entry);
    return this;
  }
  setProperties(properties: Record<string, unknown>, deleteAllOthers = false): this {
    const entries = Object.entries(properties).map(([k, v]): [string, string] => [k, String(v)]);
    if (deleteAllOthers) {
      const backup = new Map(this._store);
      this._store.clear();
      try {
        this.check(entries);
      } catch (e) {
        for (const [k, v] of backup) this._store.set(k, v);
        throw e;
      }
    } else {
      this.check(entries);
    }
    for (const [k, v] of entries) this._store.set(k, v);
    return this;
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this._store);
  }
  getKeys(): string[] {
    return [...this._store.keys()];
  }
  deleteProperty(key: string): this {
    this._store.delete(String(key));
    return this;
  }
  deleteAllProperties(): this {
    this._store.clear();
    return this;
  }
}

/** Script properties are shared; document properties belong to the bound file; user ones to the user. */
export class PropertiesStores {
  readonly script = new Map<string, string>();
  readonly document = new Map<string, Map<string, string>>();
  readonly user = new Map<string, Map<string, string>>();

  static of(map: Map<string, Map<string, string>>, key: string): Map<string, string> {
    let store = map.get(key);
    if (!store) {
      store = new Map();
      map.set(key, store);
    }
    return store;
  }
}

export class PropertiesService extends ServiceObject {
  readonly _service = 'PropertiesService';
  constructor(
    private readonly runtime: Runtime,
    private readonly stores: PropertiesStores,
    private readonly documentId: () => string,
  ) {
    super();
  }
  getScriptProperties(): Properties {
    return new Properties(this.stores.script);
  }
  getDocumentProperties(): Properties {
    return new Properties(PropertiesStores.of(this.stores.document, this.documentId()));
  }
  getUserProperties(): Properties {
    return new Properties(PropertiesStores.of(this.stores.user, this.runtime.current.user));
  }
}
