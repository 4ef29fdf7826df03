/**
 * Numbered versions of a list of items — a scorecard's (jobs/audits/forms.ts), a checklist's
 * (jobs/inspections/forms.ts) — kept so that a submission is scored on the version it answered. Every
 * distinct item is kept once, in a pool `<base>.items`; a version `<base>.v<n>` keeps its own fields
 * and the pool positions of its items. An edit of one cell adds one item to the pool and one short
 * version record (about 0.4 KB for 80 items), where a full copy per version (28 KB for an 80-item
 * scorecard in Chinese) would fill the 500 KB store after some fifteen edits. Both are written with
 * ./chunked-store.ts, so a pool longer than one property's 9 KB is kept in chunks.
 *
 * The pool only grows: positions that older versions hold stay valid, and a kill between the pool's
 * write and the version's leaves at most an item no version uses yet.
 */
import type { StorePort } from '../ports';
import { ChunkedValueError, readChunked, writeChunked } from './chunked-store';

const poolKey = (base: string): string => `${base}.items`;
const versionKey = (base: string, version: number): string => `${base}.v${version}`;

function readPool(store: StorePort, base: string): unknown[] {
  const saved = readChunked(store, poolKey(base));
  if (saved === null) return [];
  const pool = JSON.parse(saved) as unknown;
  return Array.isArray(pool) ? pool : [];
}

/** A stored version: its fields and its items, in order. */
export interface ItemVersion {
  fields: Record<string, unknown>;
  items: unknown[];
}

/** Keeps `version` of `base`: new items join the pool, the version lists its items' positions. */
export function saveItemVersion(
  store: StorePort,
  base: string,
  version: number,
  fields: Record<string, unknown>,
  items: readonly unknown[],
): void {
  const pool = readPool(store, base);
  const position = new Map(pool.map((item, i) => [JSON.stringify(item), i]));
  const added: unknown[] = [];
  const refs = items.map((item) => {
    const text = JSON.stringify(item);
    let at = position.get(text);
    if (at === undefined) {
      at = pool.length + added.length;
      position.set(text, at);
      added.push(item);
    }
    return at;
  });
  if (added.length > 0) writeChunked(store, poolKey(base), JSON.stringify([...pool, ...added]));
  const record = JSON.stringify({ ...fields, items: refs });
  if (store.get(versionKey(base, version)) !== record) writeChunked(store, versionKey(base, version), record);
}

/**
 * The version as saved, or null when it never was. A record whose items are objects rather than pool
 * positions (kept whole, before the pool) is returned as it is.
 */
export function loadItemVersion(store: StorePort, base: string, version: number): ItemVersion | null {
  const saved = readChunked(store, versionKey(base, version));
  if (saved === null) return null;
  const { items, ...fields } = JSON.parse(saved) as { items?: unknown };
  if (!Array.isArray(items)) return { fields, items: [] };
  if (!items.every((item) => typeof item === 'number')) return { fields, items };
  const pool = readPool(store, base);
  return {
    fields,
    items: items.map((at: number) => {
      if (!(at >= 0 && at < pool.length))
        throw new ChunkedValueError(poolKey(base), `version ${version} names item ${at} of ${pool.length}`);
      return pool[at];
    }),
  };
}
