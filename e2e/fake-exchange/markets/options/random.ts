/**
 * Seeded randomness for the options model. Two kinds of draw:
 * - `mulberry32(seed)`: a stream, for parameters drawn once (a coin's smile);
 * - `unitAt(hash, a, b)`: a stateless draw for a point (an option's quote in one time bucket), so
 *   the same option at the same time gets the same number whatever was asked before, and the hot
 *   path does integer mixing only (no strings, no allocation).
 */

export type Random = () => number;

/** mulberry32: tiny, fast, plenty for market noise; returns [0, 1). */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a of `text` started from `seed`: the root hash of one option, one coin, ... */
export function hashText(seed: number, text: string): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Uniform [0, 1) for (root hash, a, b), e.g. (option, time bucket, which draw). murmur3's finaliser mixes. */
export function unitAt(hash: number, a: number, b: number): number {
  let h = (hash ^ Math.imul(a | 0, 0x9e3779b1) ^ Math.imul(b | 0, 0x85ebca6b)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}
