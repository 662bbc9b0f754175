import { EXCHANGES, type ExchangeId } from '../../domain/exchange';

/** What a shared chain link reproduces: exchange, underlying (Binance `BTCUSDT`, OKX `BTC-USD`) and expiry date. */
export interface OptionsParams {
  exchange: ExchangeId;
  underlying: string | null;
  /** UTC date of the expiry, `2025-11-20`; null for the nearest. */
  expiry: string | null;
}

const UNDERLYING = /^[A-Z0-9]{2,20}(-[A-Z]{2,6})?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function parseOptionsParams(search: URLSearchParams): OptionsParams {
  const exchange = search.get('exchange');
  const underlying = (search.get('underlying') ?? '').toUpperCase();
  const expiry = search.get('expiry') ?? '';
  return {
    exchange: (EXCHANGES as readonly string[]).includes(exchange ?? '') ? (exchange as ExchangeId) : 'binance',
    underlying: UNDERLYING.test(underlying) ? underlying : null,
    expiry: DATE.test(expiry) ? expiry : null,
  };
}

export function optionsSearch(params: OptionsParams): URLSearchParams {
  const search = new URLSearchParams({ exchange: params.exchange });
  if (params.underlying) search.set('underlying', params.underlying);
  if (params.expiry) search.set('expiry', params.expiry);
  return search;
}

/** The chain to open when the link names none (or one the exchange does not list): BTC first. */
export function defaultUnderlying(underlyings: readonly string[]): string | null {
  return underlyings.find((underlying) => underlying.startsWith('BTC')) ?? underlyings[0] ?? null;
}
