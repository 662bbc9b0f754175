import type { ExchangeId } from './exchange';
import type { OptionInstrument } from './option';

/**
 * Normalised option events: the only thing option feeds hand to the ingest. Each live kind
 * sets its own fields of one option; times are exchange event times (ms).
 */
export type OptionEvent =
  | OptionUnderlyingsEvent
  | OptionInstrumentEvent
  | OptionListCompleteEvent
  | OptionGreeksEvent
  | OptionMarkEvent
  | OptionBookEvent;

/** The chains an exchange lists options on (Binance underlyings, OKX families), for picking one. */
export interface OptionUnderlyingsEvent {
  kind: 'underlyings';
  exchange: ExchangeId;
  underlyings: string[];
}

export interface OptionInstrumentEvent extends OptionInstrument {
  kind: 'instrument';
  /** False for an option the venue no longer trades (expired, suspended): its row goes. */
  listed: boolean;
}

/** The instruments sent so far are this exchange's whole option list: rows of other symbols go. */
export interface OptionListCompleteEvent {
  kind: 'list-complete';
  exchange: ExchangeId;
}

/** Vols and greeks (Binance `@optionMarkPrice`, OKX `opt-summary`). IVs as fractions; null = no quote on that side. */
export interface OptionGreeksEvent {
  kind: 'greeks';
  exchange: ExchangeId;
  symbol: string;
  time: number;
  markIv: number;
  bidIv: number | null;
  askIv: number | null;
  delta: number;
  gamma: number;
  theta: number;
  vega: number;
  underlyingPrice: number;
}

export interface OptionMarkEvent {
  kind: 'mark';
  exchange: ExchangeId;
  symbol: string;
  time: number;
  mark: number;
  highLimit: number | null;
  lowLimit: number | null;
}

/** Best bid and ask; null price (and its size) = nobody quoting that side. */
export interface OptionBookEvent {
  kind: 'book';
  exchange: ExchangeId;
  symbol: string;
  time: number;
  bid: number | null;
  ask: number | null;
  bidSize: number | null;
  askSize: number | null;
}
