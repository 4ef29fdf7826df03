/** The product's StorePort over a map of the emulator's properties (its 9 KB / 500 KB limits and all). */
import type { Emulator } from '../../scripts/emulator';
import { Properties } from '../../scripts/emulator/properties';
import { readChunked } from '../../src/jobs/chunked-store';
import type { StorePort } from '../../src/ports';
import { documentProperties } from './desk';

export function propertiesStore(map: Map<string, string>): StorePort {
  const properties = new Properties(map);
  return {
    get: (key) => properties.getProperty(key),
    set: (key, value) => void properties.setProperty(key, value),
    setAll: (values) => void properties.setProperties(values),
    delete: (key) => void properties.deleteProperty(key),
    keys: () => properties.getKeys(),
    entries: () => properties.getProperties(),
  };
}

/**
 * A document property of the desk as the product reads it: whole, from its chunks when it has them
 * (src/jobs/chunked-store.ts; a long form's registry record, a long checklist's state); throws if torn.
 */
export function storedValue(emu: Emulator, key: string): string | null {
  return readChunked(propertiesStore(documentProperties(emu)), key);
}

/** The name of chunk `i` of a value kept in chunks (as src/jobs/chunked-store.ts names them). */
export const chunkName = (key: string, i: number): string => `chunk:${i}:${key}`;

/** The names of the chunks of `key` among these property names. */
export function chunksOf(names: Iterable<string>, key: string): string[] {
  return [...names].filter((name) => /^chunk:\d+:/.test(name) && name.replace(/^chunk:\d+:/, '') === key);
}
