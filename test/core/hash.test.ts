/**
 * The one home of the small hashes (src/core/hash.ts). Their values name properties and order samples
 * that earlier versions stored, so each must give exactly what the copy it replaced gave: FNV-1a's
 * published vectors, and the replaced loops, kept here as oracles, over arbitrary text.
 */
import fc from 'fast-check';
import { fnv1a, hashOf } from '../../src/core/hash';

/** The audit sample's and the inspection fingerprint's first pass, as they were written. */
function oldSampleHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The inspection fingerprint's two passes, as they were written. */
function oldFingerprintPasses(text: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    a = Math.imul(a ^ text.charCodeAt(i), 0x01000193) >>> 0;
    b = Math.imul(b ^ text.charCodeAt(text.length - 1 - i), 0x811c9dc5) >>> 0;
  }
  return [a, b];
}

/** The Outbox's hash of recipient lists, as it was written. */
function oldOutboxHash(text: string): string {
  let hash = 5381;
  for (let i = 0; i < text.length; i++) hash = ((hash * 33) ^ text.charCodeAt(i)) >>> 0;
  return hash.toString(36);
}

describe('core/hash', () => {
  it('fnv1a gives FNV-1a 32-bit published values', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });

  it('each replaced copy gives the same value as before, on any text (surrogate pairs included)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => {
        expect(fnv1a(text)).toBe(oldSampleHash(text));
        const [a, b] = oldFingerprintPasses(text);
        expect(fnv1a(text)).toBe(a);
        expect(fnv1a(text.split('').reverse().join(''), 0x01000193, 0x811c9dc5)).toBe(b);
        expect(hashOf(text)).toBe(oldOutboxHash(text));
      }),
      { numRuns: 300 },
    );
  });
});
