/** Small stable string hashes (not cryptographic): property names, samples, version fingerprints. */

/** FNV-1a, 32 bits: the same text gives the same number on every run and in every order of reading. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
