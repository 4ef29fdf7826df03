/**
 * jobs/chunked-store.ts against the emulator's document properties (9 KB per value, 500 KB per store,
 * setProperties all or none): a value of any size round-trips; a torn or stale value is refused, never
 * read as if whole; chunks a shorter value no longer needs are deleted.
 */
import fc from 'fast-check';
import { STORE_LIMIT, VALUE_LIMIT } from '../../scripts/emulator/properties';
import { ChunkedValueError, deleteChunked, readChunked, writeChunked } from '../../src/jobs/chunked-store';
import { chunkName, chunksOf, propertiesStore as storeOn } from '../helpers/properties-store';

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');
/** Chinese text with emoji (surrogate pairs, 4 bytes in UTF-8) scattered through it. */
const mixed = (n: number) =>
  Array.from({ length: n }, (_, i) => (i % 7 === 0 ? '🏢' : '电梯轿厢内清洁无污渍'[i % 10])).join('');

describe('chunked store', () => {
  it('keeps a value that fits as a plain property, and one of 30 KB in chunks of at most 9 KB each', () => {
    const map = new Map<string, string>();
    const store = storeOn(map);
    writeChunked(store, 'small', '{"a":1}');
    expect(map.get('small')).toBe('{"a":1}');
    const big = JSON.stringify({ text: mixed(10_000) });
    expect(bytes(big)).toBeGreaterThan(3 * VALUE_LIMIT);
    writeChunked(store, 'big', big);
    expect(map.get('big')).toMatch(/^#chunks \d+ /);
    const chunks = chunksOf(map.keys(), 'big');
    expect(chunks.length).toBeGreaterThan(3);
    for (const key of chunks) expect(bytes(map.get(key) ?? '')).toBeLessThanOrEqual(VALUE_LIMIT);
    expect(readChunked(store, 'big')).toBe(big);
    expect(readChunked(store, 'small')).toBe('{"a":1}');
    expect(readChunked(store, 'none')).toBeNull();
  });

  it('round-trips any text, whatever its characters and wherever the chunk boundaries fall', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 12_000 }), fc.nat(3), (text, repeat) => {
        const store = storeOn(new Map());
        const value = JSON.stringify(text.repeat(repeat + 1));
        writeChunked(store, 'k', value);
        expect(readChunked(store, 'k')).toBe(value);
      }),
      { numRuns: 40 },
    );
  });

  it('a shorter value deletes the chunks it no longer needs; a delete removes header and chunks', () => {
    const map = new Map<string, string>();
    const store = storeOn(map);
    writeChunked(store, 'k', JSON.stringify(mixed(12_000)));
    const many = chunksOf(map.keys(), 'k').length;
    writeChunked(store, 'k', JSON.stringify(mixed(4_000)));
    const fewer = chunksOf(map.keys(), 'k').length;
    expect(fewer).toBeLessThan(many);
    expect(readChunked(store, 'k')).toBe(JSON.stringify(mixed(4_000)));
    writeChunked(store, 'k', '[]');
    expect([...map.keys()]).toEqual(['k']);
    writeChunked(store, 'k', JSON.stringify(mixed(12_000)));
    deleteChunked(store, 'k');
    expect([...map.keys()]).toEqual([]);
  });

  it('never takes another key for a chunk: names people type may end in "#2" or ":1" (a template "Lobby" and one "Lobby #2")', () => {
    const map = new Map<string, string>();
    const store = storeOn(map);
    writeChunked(store, 'inspection.schedule.a|lobby#2', '{"other":true}');
    writeChunked(store, 'inspection.schedule.a|lobby:1', '{"other":true}');
    writeChunked(store, 'inspection.schedule.a|lobby', JSON.stringify(mixed(12_000)));
    writeChunked(store, 'inspection.schedule.a|lobby', '{}');
    deleteChunked(store, 'inspection.schedule.a|lobby');
    expect([...map.keys()].sort()).toEqual([
      'inspection.schedule.a|lobby#2',
      'inspection.schedule.a|lobby:1',
    ]);
  });

  it('refuses a torn value: a chunk missing, or one left from another write', () => {
    const map = new Map<string, string>();
    const store = storeOn(map);
    writeChunked(store, 'k', JSON.stringify(mixed(12_000)));
    const saved = new Map(map);
    map.delete(chunkName('k', 1));
    expect(() => readChunked(store, 'k')).toThrow(ChunkedValueError);
    // A chunk from an earlier value of the same size: the hash stamps differ.
    writeChunked(store, 'k', JSON.stringify(mixed(12_001)));
    map.set(chunkName('k', 0), saved.get(chunkName('k', 0)) ?? '');
    expect(() => readChunked(store, 'k')).toThrow(/from another write/);
    // A chunk altered in place keeps its stamp but not the value's hash.
    writeChunked(store, 'k', JSON.stringify(mixed(12_000)));
    map.set(chunkName('k', 2), `${map.get(chunkName('k', 2))?.slice(0, -1)}x`);
    expect(() => readChunked(store, 'k')).toThrow(/hash/);
  });

  it('a value the store cannot take leaves the old one whole (one setProperties call: all or none)', () => {
    const map = new Map<string, string>();
    const store = storeOn(map);
    const old = JSON.stringify(mixed(6_000));
    writeChunked(store, 'k', old);
    const before = new Map(map);
    expect(() => writeChunked(store, 'k', JSON.stringify(mixed(STORE_LIMIT / 2)))).toThrow(/quota/);
    expect(map).toEqual(before);
    expect(readChunked(store, 'k')).toBe(old);
  });
});
