/**
 * A JSON value larger than one property. Google's PropertiesService holds at most 9 KB per value and
 * 500 KB per store (key + value, UTF-8; GOOGLE-FACTS.md, the emulator enforces both). A value that fits
 * is kept as it always was, in its own key. A larger one is kept in numbered chunks `chunk:0:key`,
 * `chunk:1:key`, … (the number first: keys hold names people type, so no suffix could be told apart
 * from another key — a template "Lobby" and one "Lobby #2"), with a header in `key` itself:
 * `#chunks <count> <length> <hash>`; every chunk starts with the same hash. Header and chunks are
 * written by ONE setProperties call, so a kill leaves the old value or the new one whole, never a mix
 * (StorePort.setAll); chunks the new value no longer needs are deleted after it (a kill in between
 * leaves chunks no header counts: they are ignored and deleted by the next write of that key). A read
 * takes every chunk from one getProperties snapshot and checks count, length and hash: a torn or stale
 * value is refused (ChunkedValueError), never used as if it were whole.
 *
 * Used by the inspection schedule state and its journal (jobs/inspections/state.ts), the item pools of
 * scorecard and checklist versions (jobs/item-versions.ts) and the form registry (forms/registry.ts).
 * What they cost the 500 KB store is measured in test/e2e/large-state.test.ts and stated in the README
 * (Inspections → Cost → Storage; Quality audits → Scorecards).
 */
import { AppError } from '../core/errors';
import { hashOf } from '../core/hash';
import type { StorePort } from '../ports';
import { utf8Bytes } from './mail';

/** Google's limit on one value, in UTF-8 bytes. */
const VALUE_BYTES = 9 * 1024;
/** Bytes of the value in one chunk: the limit less room for the chunk's hash stamp. */
const CHUNK_BYTES = 8 * 1024;
const HEADER = '#chunks ';

/** A value kept in chunks that cannot be read whole: a chunk missing, or from another write. */
export class ChunkedValueError extends AppError {
  constructor(key: string, why: string) {
    super('store.error.torn', {}, `stored value ${key} is incomplete: ${why}`);
  }
}

/** The value cut into pieces of at most CHUNK_BYTES, never inside a character (surrogate pairs stay whole). */
function pieces(value: string): string[] {
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const char of value) {
    const n = utf8Bytes(char);
    if (size + n > CHUNK_BYTES) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += n;
  }
  if (current !== '') parts.push(current);
  return parts;
}

const chunkKey = (key: string, i: number): string => `chunk:${i}:${key}`;
const CHUNK_NAME = /^chunk:\d+:/;
const isChunkOf = (key: string, name: string): boolean => {
  const match = CHUNK_NAME.exec(name);
  return match !== null && name.slice(match[0].length) === key;
};

/** The property's value, whole; null when there is none. Throws ChunkedValueError on a torn value. */
export function readChunked(store: StorePort, key: string): string | null {
  const saved = store.get(key);
  if (saved === null || !saved.startsWith(HEADER)) return saved;
  // Header and chunks from one snapshot: what one setProperties call wrote, or an older whole write.
  const snapshot = store.entries();
  const header = snapshot[key] ?? null;
  if (header === null || !header.startsWith(HEADER)) return header;
  const [count, length, hash] = header.slice(HEADER.length).split(' ');
  const n = Number(count);
  if (!Number.isInteger(n) || n < 1 || !hash) throw new ChunkedValueError(key, `bad header "${header}"`);
  let value = '';
  for (let i = 0; i < n; i++) {
    const chunk = snapshot[chunkKey(key, i)];
    if (chunk === undefined || !chunk.startsWith(`${hash}:`))
      throw new ChunkedValueError(key, `chunk ${i} of ${n} is missing or from another write`);
    value += chunk.slice(hash.length + 1);
  }
  if (String(value.length) !== length || hashOf(value) !== hash)
    throw new ChunkedValueError(key, 'length or hash differs from the header');
  return value;
}

/**
 * Keeps `value` under `key`: as it is when it fits one property, else in chunks written by one call.
 * Chunks left from a longer earlier value are deleted afterwards.
 */
export function writeChunked(store: StorePort, key: string, value: string): void {
  const stale = store.keys().filter((name) => isChunkOf(key, name));
  let written: Record<string, string>;
  if (utf8Bytes(value) <= VALUE_BYTES && !value.startsWith(HEADER)) {
    written = { [key]: value };
    store.set(key, value);
  } else {
    const parts = pieces(value);
    const hash = hashOf(value);
    written = { [key]: `${HEADER}${parts.length} ${value.length} ${hash}` };
    parts.forEach((part, i) => {
      written[chunkKey(key, i)] = `${hash}:${part}`;
    });
    store.setAll(written);
  }
  for (const name of stale) if (!(name in written)) store.delete(name);
}

/** Removes the value and its chunks: the header first, so a kill in between leaves no torn value. */
export function deleteChunked(store: StorePort, key: string): void {
  const saved = store.get(key);
  if (saved === null) return;
  store.delete(key);
  if (!saved.startsWith(HEADER)) return;
  for (const name of store.keys()) if (isChunkOf(key, name)) store.delete(name);
}
