import { gaussian, type Random } from '../core/prng.ts';
import type { FundingTerms } from './instrument.ts';

const HOUR_MS = 3_600_000;

/** Binance and OKX charge 0.01 % interest per 8 h; a rate pinned there means "no premium". */
export function baselineRate(intervalHours: number): number {
  return 0.0001 * (intervalHours / 8);
}

/** Next settlement strictly after `now`, on the UTC grid of the interval (00:00, 08:00, 16:00 for 8 h). */
export function nextFundingTime(now: number, intervalHours: number): number {
  const interval = intervalHours * HOUR_MS;
  return Math.floor(now / interval) * interval + interval;
}

/**
 * Draws an instrument's funding terms. Most sit on the baseline; extreme regimes are the ones
 * exchanges move to shorter intervals, so they get 4 h / 1 h more often, as on the real venues.
 */
export function drawFundingTerms(random: Random, options: { major: boolean }): FundingTerms {
  // Majors never sit in an extreme regime: their books are too deep for it.
  const roll = options.major ? random() * 0.95 : random();
  const extreme = roll > 0.95;
  const intervalHours = options.major ? 8 : extreme ? (random() < 0.6 ? 4 : 1) : drawInterval(random);
  const baseline = baselineRate(intervalHours);
  let regime: number;
  if (roll < 0.55) regime = baseline;
  else if (roll < 0.8) regime = baseline + Math.abs(gaussian(random)) * 0.0002;
  else if (roll <= 0.95) regime = -Math.abs(gaussian(random)) * 0.0003;
  else regime = (random() < 0.55 ? -1 : 1) * (0.003 + random() * 0.004);
  const cap = intervalHours === 8 ? (options.major ? 0.003 : 0.02) : intervalHours === 4 ? 0.02 : 0.01;
  // Binance lists every non-8 h symbol in fundingInfo, and a few 8 h ones whose cap was changed.
  const capAdjusted = intervalHours === 8 && !options.major && random() < 0.05;
  return {
    intervalHours,
    cap: capAdjusted ? 0.03 : cap,
    floor: capAdjusted ? -0.03 : -cap,
    adjusted: intervalHours !== 8 || capAdjusted,
    baseline,
    regime: Math.max(-cap, Math.min(cap, regime)),
    pinned: false,
    intervalChange: null,
  };
}

/** TradFi perpetuals settle every 4 h (XAUUSDT live) with no interest part; XAUUSDT's cap is ±0.5 %. */
export function drawTradFiFundingTerms(random: Random): FundingTerms {
  const cap = 0.005;
  return { intervalHours: 4, cap, floor: -cap, adjusted: true, baseline: 0, regime: gaussian(random) * 0.00015, pinned: false, intervalChange: null };
}

function drawInterval(random: Random): number {
  const roll = random();
  if (roll < 0.66) return 8;
  if (roll < 0.9) return 4;
  if (roll < 0.97) return 1;
  return 2;
}
