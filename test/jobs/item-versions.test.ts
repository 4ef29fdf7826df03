/**
 * jobs/item-versions.ts against the emulator's document properties: each distinct item is kept once
 * however many versions share it; a pool longer than one property's 9 KB goes in chunks; a version kept
 * whole before the pool is still read.
 */
import { VALUE_LIMIT } from '../../scripts/emulator/properties';
import { loadItemVersion, saveItemVersion } from '../../src/jobs/item-versions';
import { chunksOf, propertiesStore as storeOn } from '../helpers/properties-store';

const bytes = (map: Map<string, string>) =>
  [...map].reduce((sum, [k, v]) => sum + Buffer.byteLength(k) + Buffer.byteLength(v), 0);
const items = (n: number, max = 5) =>
  Array.from({ length: n }, (_, i) => [
    `第${Math.floor(i / 10) + 1}部分`,
    `检查项目第${i + 1}条：地面清洁无污渍`,
    max,
  ]);

describe('item versions', () => {
  it('200 items: the pool goes in chunks; a second version changing one item adds one item and a short record', () => {
    const map = new Map<string, string>();
    const store = storeOn(map);
    const v1 = items(200);
    saveItemVersion(store, 'card.A', 1, { scope: 'audit' }, v1);
    expect(chunksOf(map.keys(), 'card.A.items').length).toBeGreaterThan(1);
    for (const value of map.values()) expect(Buffer.byteLength(value)).toBeLessThanOrEqual(VALUE_LIMIT);
    const before = bytes(map);
    const v2 = v1.map((item, i) => (i === 199 ? [item[0], item[1], 10] : item));
    saveItemVersion(store, 'card.A', 2, { scope: 'section' }, v2);
    expect(bytes(map) - before).toBeLessThan(1_200);
    expect(loadItemVersion(store, 'card.A', 1)).toEqual({ fields: { scope: 'audit' }, items: v1 });
    expect(loadItemVersion(store, 'card.A', 2)).toEqual({ fields: { scope: 'section' }, items: v2 });
    expect(loadItemVersion(store, 'card.A', 3)).toBeNull();
    // Saving a version again as it is writes nothing.
    const snapshot = new Map(map);
    saveItemVersion(store, 'card.A', 2, { scope: 'section' }, v2);
    expect(map).toEqual(snapshot);
  });

  it('reads a version kept whole (items as objects) as it is', () => {
    const map = new Map<string, string>([
      ['card.B.v1', JSON.stringify({ name: 'B', items: [{ key: 'x', max: 5 }] })],
    ]);
    expect(loadItemVersion(storeOn(map), 'card.B', 1)).toEqual({
      fields: { name: 'B' },
      items: [{ key: 'x', max: 5 }],
    });
  });

  it('a version naming an item the pool does not have is refused, never read short', () => {
    const map = new Map<string, string>();
    const store = storeOn(map);
    saveItemVersion(store, 'card.C', 1, {}, items(3));
    map.set('card.C.items', JSON.stringify(items(2)));
    expect(() => loadItemVersion(store, 'card.C', 1)).toThrow(/names item 2 of 2/);
  });
});
