import type { BookLevel } from '../domain/bookWalk';
import { positive } from './numbers';

/** A book side of `[price, size, …]` levels (both venues), sizes converted by `sizeOf`; null when any level is unreadable. */
export function levelsOf(side: unknown, sizeOf: (price: number, size: number) => number = (_, size) => size): BookLevel[] | null {
  if (!Array.isArray(side)) return null;
  const levels: BookLevel[] = [];
  for (const level of side) {
    const price = Array.isArray(level) ? positive(level[0]) : null;
    const size = Array.isArray(level) ? positive(level[1]) : null;
    if (price === null || size === null) return null;
    levels.push({ price, size: sizeOf(price, size) });
  }
  return levels;
}

