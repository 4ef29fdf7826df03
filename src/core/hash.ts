/**
 * Small stable string hashes (not cryptographic), one home for them: the same text gives the same number
 * on every run and in any order of reading, so property names, samples and version fingerprints made by
 * an earlier version stay the same.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a, 32 bits (another offset and prime give an independent second hash of the same text). */
export function fnv1a(text: string, offset = FNV_OFFSET, prime = FNV_PRIME): number {
  let h = offset;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, prime) >>> 0;
  }
  return h;
}

/** A short hash in base 36 (djb2, xor variant), so a property name stays short whatever the list. */
export function hashOf(text: string): string {
  let hash = 5381;
  for (let i = 0; i < text.length; i++) hash = ((hash * 33) ^ text.charCodeAt(i)) >>> 0;
  return hash.toString(36);
}
