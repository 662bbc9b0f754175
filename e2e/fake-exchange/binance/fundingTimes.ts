import { hashSeed, unitAt } from '../core/prng.ts';

const MINUTE_MS = 60_000;
const MAX_LAG_MS = 16;

/**
 * The `fundingTime` Binance records a settlement at: a few milliseconds past the hour, the same
 * for every symbol settled then (1791273600001 for BTCUSDT on 2026-10-07, 1781078400011 across
 * symbols on 2026-06-10, in clients' captures), drawn here from the seed per settlement, 0-15 ms.
 * The gaps between settlements are then not whole hours: round them.
 */
export function recordedFundingTime(seed: number, settlementTime: number): number {
  return settlementTime + Math.floor(unitAt(hashSeed(seed, 'funding time lag'), settlementTime / MINUTE_MS, 0) * MAX_LAG_MS);
}
