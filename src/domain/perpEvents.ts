import type { ExchangeId } from './exchange';
import type { PerpInstrument, PerpMargin } from './perp';

/** Normalised perpetual events: the only thing feeds hand to the ingest. Times are exchange event times (ms). */
export type PerpEvent =
  | PerpInstrumentEvent
  | PerpListCompleteEvent
  | PerpFundingTermsEvent
  | PerpMarkEvent
  | PerpFundingEvent
  | PerpIndexEvent
  | PerpTickerEvent
  | PerpBookTopEvent
  | PerpOpenInterestEvent;

/** The instruments sent so far are the exchange's whole list: rows and events for other symbols are dropped. */
export interface PerpListCompleteEvent {
  kind: 'list-complete';
  exchange: ExchangeId;
  /**
   * Set when the list holds contracts of this margin only (Binance's USDⓈ-M exchangeInfo, whose
   * streams carry COIN-M rows too): rows of the other margin stay, known from their symbol.
   */
  margin?: PerpMargin;
}

/** A contract's funding interval, and its cap and floor (fractions per interval) where the venue lists them. */
export interface FundingTerms {
  intervalHours: number;
  cap: number | null;
  floor: number | null;
}

/**
 * Binance lists only the symbols whose funding interval, cap or floor was adjusted (fundingInfo);
 * every other symbol has the default interval and a cap not published with it. Until this arrives,
 * intervals are assumed and marked so, as is a listed symbol whose terms (null) could not be read.
 */
export interface PerpFundingTermsEvent {
  kind: 'funding-terms';
  exchange: ExchangeId;
  terms: ReadonlyMap<string, FundingTerms | null>;
  defaultHours: number;
}

export interface PerpInstrumentEvent extends PerpInstrument {
  kind: 'instrument';
  /** Index the exchange prices this contract against (OKX `uly`, e.g. `BTC-USDT`); null when pushed with the mark. */
  indexId: string | null;
  /** False for instruments the exchange lists but does not trade now (suspended, pre-open, settling). */
  listed: boolean;
}

export interface PerpMarkEvent {
  kind: 'mark';
  exchange: ExchangeId;
  symbol: string;
  time: number;
  mark: number;
  /** Binance carries index, funding rate and next funding time with every mark push; OKX does not. */
  index: number | null;
  /** Binance's estimated settle price: meaningful only in the last hour before a settlement. */
  estimatedSettle: number | null;
  fundingRate: number | null;
  nextFundingTime: number | null;
}

export interface PerpFundingEvent {
  kind: 'funding';
  exchange: ExchangeId;
  symbol: string;
  time: number;
  fundingRate: number;
  nextFundingRate: number | null;
  nextFundingTime: number;
  intervalHours: number | null;
  /** The last settled period's rate and settlement time, where the venue sends them (OKX). */
  settledFundingRate: number | null;
  lastSettlementTime: number | null;
  /** The bounds the rate is clamped to, per interval, where the venue sends them (OKX `maxFundingRate`/`minFundingRate`). */
  fundingCap: number | null;
  fundingFloor: number | null;
}

/** OKX prices swaps against an index published once for every swap that shares it. */
export interface PerpIndexEvent {
  kind: 'index';
  exchange: ExchangeId;
  indexId: string;
  time: number;
  index: number;
}

export interface PerpTickerEvent {
  kind: 'ticker';
  exchange: ExchangeId;
  symbol: string;
  time: number;
  last: number;
  open24h: number;
  quoteVolume24h: number;
}

/** The best bid and ask, polled; a side with no order on it is null. */
export interface PerpBookTopEvent {
  kind: 'book-top';
  exchange: ExchangeId;
  symbol: string;
  time: number;
  bid: number | null;
  ask: number | null;
}

/** Open interest in the row's base units (coins, or Binance's `1000PEPE` lots), polled. */
export interface PerpOpenInterestEvent {
  kind: 'open-interest';
  exchange: ExchangeId;
  symbol: string;
  time: number;
  openInterest: number;
}

/** What parsing one payload produced: the events, and how many items were rejected as invalid. */
export interface ParseResult<E> {
  events: E[];
  rejected: number;
}
