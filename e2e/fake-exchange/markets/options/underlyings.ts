import type { ExpiryCounts, Tenor } from './calendar.ts';
import type { SmileShape } from './volSurface.ts';

/** Coins with listed options (Binance lists all six, OKX the first two). */
export const OPTION_BASES = ['BTC', 'ETH', 'BNB', 'SOL', 'XRP', 'DOGE'] as const;
export type OptionBase = (typeof OPTION_BASES)[number];

/** Typical smiles per coin (late 2026 ballpark); the seed jitters each a little. */
export const SMILES: Readonly<Record<OptionBase, SmileShape>> = {
  BTC: { shortVol: 0.5, longVol: 0.46, skew: -0.04, curvature: 0.03 },
  ETH: { shortVol: 0.68, longVol: 0.62, skew: -0.03, curvature: 0.035 },
  BNB: { shortVol: 0.5, longVol: 0.45, skew: -0.02, curvature: 0.03 },
  SOL: { shortVol: 0.8, longVol: 0.72, skew: -0.02, curvature: 0.04 },
  XRP: { shortVol: 0.85, longVol: 0.78, skew: 0, curvature: 0.045 },
  DOGE: { shortVol: 0.95, longVol: 0.85, skew: 0.01, curvature: 0.045 },
};

/**
 * Strike grids per tenor, as fractions of spot for a coin whose short vol is 50 % (BTC at 95 000:
 * dailies every 500 over ±5 %, weeklies every 1000 over ±12 %, monthlies every 2000 over ±25 %,
 * quarterlies every 5000 over ±40 %). Wilder coins get proportionally wider grids.
 */
export const GRID_BY_TENOR: Readonly<Record<Tenor, { stepFraction: number; halfWidth: number }>> = {
  daily: { stepFraction: 0.005, halfWidth: 0.05 },
  weekly: { stepFraction: 0.01, halfWidth: 0.12 },
  monthly: { stepFraction: 0.02, halfWidth: 0.25 },
  quarterly: { stepFraction: 0.04, halfWidth: 0.4 },
};

export interface BinanceUnderlying {
  base: OptionBase;
  /** Decimals Binance prints prices with (the seed page shows BTC with 3). */
  priceDecimals: number;
  tick: number;
  quantityStep: number;
  expiries: ExpiryCounts;
}

const MAJOR_EXPIRIES: ExpiryCounts = { daily: 3, weekly: 4, monthly: 3, quarterly: 2 };
const ALT_EXPIRIES: ExpiryCounts = { daily: 2, weekly: 3, monthly: 2, quarterly: 2 };

export const BINANCE_UNDERLYINGS: readonly BinanceUnderlying[] = [
  { base: 'BTC', priceDecimals: 3, tick: 5, quantityStep: 0.01, expiries: MAJOR_EXPIRIES },
  { base: 'ETH', priceDecimals: 3, tick: 0.1, quantityStep: 0.01, expiries: MAJOR_EXPIRIES },
  { base: 'BNB', priceDecimals: 3, tick: 0.1, quantityStep: 0.01, expiries: ALT_EXPIRIES },
  { base: 'SOL', priceDecimals: 3, tick: 0.01, quantityStep: 0.1, expiries: ALT_EXPIRIES },
  { base: 'XRP', priceDecimals: 4, tick: 0.0001, quantityStep: 1, expiries: ALT_EXPIRIES },
  { base: 'DOGE', priceDecimals: 5, tick: 0.00001, quantityStep: 10, expiries: ALT_EXPIRIES },
];

export interface OkxFamily {
  base: OptionBase;
  /** Coins per contract: 0.01 BTC, 0.1 ETH (instrument `ctMult`, with `ctVal` 1). */
  contractMultiplier: string;
  /** Annualised basis of the forward over the index (coin-margined futures trade at a premium). */
  basisRate: number;
  expiries: ExpiryCounts;
}

/** OKX lists 1, 2, 3 dailies, weeklies, monthlies and quarterlies. */
const OKX_EXPIRIES: ExpiryCounts = { daily: 3, weekly: 3, monthly: 3, quarterly: 3 };

export const OKX_FAMILIES: readonly OkxFamily[] = [
  { base: 'BTC', contractMultiplier: '0.01', basisRate: 0.05, expiries: OKX_EXPIRIES },
  { base: 'ETH', contractMultiplier: '0.1', basisRate: 0.06, expiries: OKX_EXPIRIES },
];

/** OKX option tick bands in coin: 0.0001 below 0.005, 0.0005 from there (instrument `tickSz` is the smaller). */
export function okxTick(price: number): number {
  return price < 0.005 ? 0.0001 : 0.0005;
}
