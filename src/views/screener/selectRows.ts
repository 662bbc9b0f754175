import type { ExchangeId } from '../../domain/exchange';
import type { PerpMargin, PerpRow } from '../../domain/perp';
import type { ScreenerParams } from './screenerParams';

function matchesSearch(quote: PerpRow, needle: string): boolean {
  return needle === '' || quote.coin.toUpperCase().includes(needle) || quote.symbol.toUpperCase().includes(needle);
}

function meetsVolume(quote: PerpRow, minVolume: number): boolean {
  return minVolume === 0 || (quote.quoteVolume24h !== null && quote.quoteVolume24h >= minVolume);
}

/** What pairing across exchanges filters on: the screener's params, or the Carry view's. */
export type PairFilters = Pick<ScreenerParams, 'market' | 'quote' | 'minVolume' | 'search'>;

function inMarket(quote: PerpRow, params: PairFilters): boolean {
  return params.market === 'all' || quote.market === params.market;
}

/** The perpetuals the screener's filters let through (sorting is the table's job). */
export function filterPerps(quotes: readonly PerpRow[], params: ScreenerParams): PerpRow[] {
  const needle = params.search.trim().toUpperCase();
  return quotes.filter(
    (quote) =>
      params.exchanges.includes(quote.exchange) &&
      inMarket(quote, params) &&
      (params.quote === '' || quote.quoteAsset === params.quote) &&
      meetsVolume(quote, params.minVolume) &&
      matchesSearch(quote, needle),
  );
}

/**
 * One coin listed on both exchanges with the same margin: the carry from going long where funding
 * is lower and short where it is higher. Linear pairs with linear and coin-margined with
 * coin-margined, whose positions are sized, margined and paid in different currencies.
 */
export interface CrossRow {
  /** Coin and margin: a coin has a row for each margin listed on both exchanges. */
  key: string;
  coin: string;
  margin: PerpMargin;
  binance: PerpRow;
  okx: PerpRow;
  /** Binance annualised − OKX annualised (fractions). */
  spread: number | null;
  longOn: ExchangeId | null;
  shortOn: ExchangeId | null;
}

const pairKey = (coin: string, margin: PerpMargin): string => `${coin}:${margin}`;

/** Per exchange, each coin's main contract of each margin: the USDT one when listed, else the most traded. */
function mainContracts(quotes: readonly PerpRow[], exchange: ExchangeId): Map<string, PerpRow> {
  const best = new Map<string, PerpRow>();
  for (const quote of quotes) {
    if (quote.exchange !== exchange) continue;
    const key = pairKey(quote.coin, quote.margin);
    const current = best.get(key);
    if (!current || rank(quote) > rank(current)) best.set(key, quote);
  }
  return best;
}

/** The coin's main contract of this margin on an exchange (what the cross view pairs), or undefined when it is not listed there. */
export function mainContractFor(quotes: readonly PerpRow[], exchange: ExchangeId, coin: string, margin: PerpMargin): PerpRow | undefined {
  return mainContracts(
    quotes.filter((quote) => quote.coin === coin && quote.margin === margin),
    exchange,
  ).get(pairKey(coin, margin));
}

function rank(quote: PerpRow): number {
  return (quote.quoteAsset === 'USDT' ? 1e18 : 0) + (quote.quoteVolume24h ?? 0);
}

/**
 * Pairs each coin's main Binance and OKX contracts of the same margin. Rates of different intervals
 * are compared only annualised: a raw 1 h rate next to a raw 8 h rate would mislead by a factor of eight.
 */
export function pairAcrossExchanges(quotes: readonly PerpRow[], params: PairFilters): CrossRow[] {
  const needle = params.search.trim().toUpperCase();
  const eligible = quotes.filter(
    (quote) => inMarket(quote, params) && (params.quote === '' || quote.quoteAsset === params.quote) && meetsVolume(quote, params.minVolume),
  );
  const binance = mainContracts(eligible, 'binance');
  const okx = mainContracts(eligible, 'okx');
  const rows: CrossRow[] = [];
  for (const [key, binanceQuote] of binance) {
    const okxQuote = okx.get(key);
    const { coin, margin } = binanceQuote;
    if (!okxQuote || (needle !== '' && !coin.includes(needle))) continue;
    const a = binanceQuote.annualised;
    const b = okxQuote.annualised;
    const spread = a !== null && b !== null ? a - b : null;
    rows.push({
      key,
      coin,
      margin,
      binance: binanceQuote,
      okx: okxQuote,
      spread,
      longOn: spread === null || spread === 0 ? null : spread > 0 ? 'okx' : 'binance',
      shortOn: spread === null || spread === 0 ? null : spread > 0 ? 'binance' : 'okx',
    });
  }
  return rows;
}
