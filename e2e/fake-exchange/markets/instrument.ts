import type { Coin } from './coins.ts';

export type ExchangeId = 'binance' | 'okx';
export type QuoteCurrency = 'USDT' | 'USDC' | 'USD';
/** perpetual: crypto perp; tradfi: Binance's stock/metal perps; delivery: dated quarterly future. */
export type ContractKind = 'perpetual' | 'tradfi' | 'delivery';
export type ListingStatus = 'TRADING' | 'SETTLING' | 'PENDING_TRADING';

export interface FundingTerms {
  intervalHours: number;
  cap: number;
  floor: number;
  /** Listed in Binance's /fapi/v1/fundingInfo: interval, cap or floor differs from the default. */
  adjusted: boolean;
  /** The interest part at this interval (0.01 % per 8 h scaled to the interval). */
  baseline: number;
  /** Where this instrument's rate drifts back to (its "regime"). */
  regime: number;
  /** Held still by the control API (POST /funding) so browser tests can assert exact figures. */
  pinned: boolean;
  /** The last time the venue changed the interval (generated, or set by POST /interval-change), or null. */
  intervalChange: IntervalChange | null;
}

/** A change of funding interval: settlements every `fromHours` until `at`, every `toHours` from it. */
export interface IntervalChange {
  at: number;
  fromHours: number;
  toHours: number;
}

/** Everything that moves. Mutated in place by the live walk; read by every payload builder. */
export interface LiveState {
  index: number;
  mark: number;
  premium: number;
  fundingRate: number;
  nextFundingTime: number;
  /** Last settled rate and when (OKX settFundingRate; funding history). */
  lastSettledRate: number;
  /** Binance "estimated settle price": a slow average of the index. */
  estimatedSettle: number;
  last: number;
  lastQty: number;
  /** Server time of the last mark change (OKX pushes mark-price fast only while it changes). */
  markChangedAt: number;
  /** Server time of the last trade (miniTicker carries only symbols that traded since its last push). */
  tradedAt: number;
}

export interface Instrument {
  exchange: ExchangeId;
  /** The exchange's own id: BTCUSDT, 1000PEPEUSDT, BTCUSDT_261225, BTCUSD_PERP, BTC-USDT-SWAP. */
  symbol: string;
  coin: Coin;
  /** Contract prices are the coin's spot times this (1000 for 1000PEPEUSDT). */
  multiplier: number;
  quote: QuoteCurrency;
  kind: ContractKind;
  status: ListingStatus;
  /** Delivery contracts only: settlement time (ms). */
  deliveryTime: number | null;
  onboardTime: number;
  priceDecimals: number;
  /** Perpetuals only. */
  funding: FundingTerms | null;
  /** Typical 24h quote volume (USD); the rolling figure wanders around it. */
  quoteVolume: number;
  /** Contract value: coin per contract, or USD per contract when coin-margined (OKX and Binance COIN-M alike). */
  contractValue: number;
  /** A quiet-period delivery basis, annualised (delivery contracts only). */
  annualBasis: number;
  /** A delivery basis pinned by the control API (annualised), held without premium noise; null: the drawn one walks. */
  basisPin: number | null;
  /** Seeded root of this instrument's stateless draws (see DRAW), so history needs no storage. */
  noiseRoot: number;
  state: LiveState;
}

/** Coin-margined (inverse): OKX's -USD-SWAP, Binance's COIN-M <coin>USD_PERP. Margined and paid in the coin, sized in USD. */
export function isCoinMargined(instrument: Instrument): boolean {
  return instrument.quote === 'USD';
}

/** True when the instrument is live and should appear in pushes. */
export function isStreaming(instrument: Instrument): boolean {
  return instrument.status === 'TRADING';
}

/** Which stateless draw of an instrument: unitAt(instrument.noiseRoot, minute or time, DRAW.x). */
export const DRAW = { markWickUp: 0, markWickDown: 1, volume: 2, funding: 3 } as const;
