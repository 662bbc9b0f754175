import type { ExchangeId } from './exchange';
import type { PerpMargin, PerpRow } from './perp';

/**
 * One coin listed on both exchanges with the same margin. Linear pairs with linear and
 * coin-margined with coin-margined, whose positions are sized, margined and paid in different currencies.
 */
export interface ContractPair {
  /** Coin and margin (`BTC:linear`): a coin has a pair for each margin listed on both exchanges. */
  key: string;
  coin: string;
  margin: PerpMargin;
  binance: PerpRow;
  okx: PerpRow;
}

/** What pairing filters on: each leg's 24 h quote volume, and the coin. */
export interface PairFilters {
  /** Both legs' 24 h quote volume at least this; 0 for no minimum. */
  minVolume: number;
  search: string;
}

/** A pair's key in the URL and in the rows: its coin and margin. */
export function pairKey(coin: string, margin: PerpMargin): string {
  return `${coin}:${margin}`;
}

function rank(quote: PerpRow): number {
  return (quote.quoteAsset === 'USDT' ? 1e18 : 0) + (quote.quoteVolume24h ?? 0);
}

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

/** The coin's main contract of this margin on an exchange (what pairs are made of), or undefined when it is not listed there. */
export function mainContractFor(quotes: readonly PerpRow[], exchange: ExchangeId, coin: string, margin: PerpMargin): PerpRow | undefined {
  return mainContracts(
    quotes.filter((quote) => quote.coin === coin && quote.margin === margin),
    exchange,
  ).get(pairKey(coin, margin));
}

function meetsVolume(quote: PerpRow, minVolume: number): boolean {
  return minVolume === 0 || (quote.quoteVolume24h !== null && quote.quoteVolume24h >= minVolume);
}

/** Pairs each coin's main Binance and OKX contracts of the same margin, in Binance's listing order. */
export function pairContracts(quotes: readonly PerpRow[], filters: PairFilters): ContractPair[] {
  const needle = filters.search.trim().toUpperCase();
  const eligible = quotes.filter((quote) => meetsVolume(quote, filters.minVolume));
  const okx = mainContracts(eligible, 'okx');
  const pairs: ContractPair[] = [];
  for (const [key, binance] of mainContracts(eligible, 'binance')) {
    const okxQuote = okx.get(key);
    if (!okxQuote || (needle !== '' && !binance.coin.includes(needle))) continue;
    pairs.push({ key, coin: binance.coin, margin: binance.margin, binance, okx: okxQuote });
  }
  return pairs;
}
