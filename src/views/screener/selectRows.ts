import type { ExchangeId } from '../../domain/exchange';
import type { PerpQuote } from '../../domain/perpetual';
import type { ScreenerParams } from './screenerParams';

function matchesSearch(quote: PerpQuote, needle: string): boolean {
  return needle === '' || quote.coin.toUpperCase().includes(needle) || quote.symbol.toUpperCase().includes(needle);
}

function meetsVolume(quote: PerpQuote, minVolume: number): boolean {
  return minVolume === 0 || (quote.quoteVolume24h !== null && quote.quoteVolume24h >= minVolume);
}

/** The perpetuals the screener's filters let through (sorting is the table's job). */
export function filterPerps(quotes: readonly PerpQuote[], params: ScreenerParams): PerpQuote[] {
  const needle = params.search.trim().toUpperCase();
  return quotes.filter(
    (quote) =>
      params.exchanges.includes(quote.exchange) &&
      (params.quote === '' || quote.quote === params.quote) &&
      meetsVolume(quote, params.minVolume) &&
      matchesSearch(quote, needle),
  );
}

/** One coin listed on both exchanges: the carry from going long where funding is lower and short where it is higher. */
export interface CrossRow {
  coin: string;
  binance: PerpQuote;
  okx: PerpQuote;
  /** Binance annualised − OKX annualised (fractions). */
  spread: number | null;
  longOn: ExchangeId | null;
  shortOn: ExchangeId | null;
}

/** Per exchange, the coin's main contract: the USDT one when listed, else the most traded. */
function mainContracts(quotes: readonly PerpQuote[], exchange: ExchangeId): Map<string, PerpQuote> {
  const best = new Map<string, PerpQuote>();
  for (const quote of quotes) {
    if (quote.exchange !== exchange) continue;
    const current = best.get(quote.coin);
    if (!current || rank(quote) > rank(current)) best.set(quote.coin, quote);
  }
  return best;
}

/** The coin's main contract on an exchange (what the cross view pairs), or undefined when it is not listed there. */
export function mainContractFor(quotes: readonly PerpQuote[], exchange: ExchangeId, coin: string): PerpQuote | undefined {
  return mainContracts(
    quotes.filter((quote) => quote.coin === coin),
    exchange,
  ).get(coin);
}

function rank(quote: PerpQuote): number {
  return (quote.quote === 'USDT' ? 1e18 : 0) + (quote.quoteVolume24h ?? 0);
}

/**
 * Pairs each coin's main Binance and OKX contracts. Rates of different intervals are compared
 * only annualised: a raw 1 h rate next to a raw 8 h rate would mislead by a factor of eight.
 */
export function pairAcrossExchanges(quotes: readonly PerpQuote[], params: ScreenerParams): CrossRow[] {
  const needle = params.search.trim().toUpperCase();
  const eligible = quotes.filter((quote) => (params.quote === '' || quote.quote === params.quote) && meetsVolume(quote, params.minVolume));
  const binance = mainContracts(eligible, 'binance');
  const okx = mainContracts(eligible, 'okx');
  const rows: CrossRow[] = [];
  for (const [coin, binanceQuote] of binance) {
    const okxQuote = okx.get(coin);
    if (!okxQuote || (needle !== '' && !coin.includes(needle))) continue;
    const a = binanceQuote.annualised;
    const b = okxQuote.annualised;
    const spread = a !== null && b !== null ? a - b : null;
    rows.push({
      coin,
      binance: binanceQuote,
      okx: okxQuote,
      spread,
      longOn: spread === null || spread === 0 ? null : spread > 0 ? 'okx' : 'binance',
      shortOn: spread === null || spread === 0 ? null : spread > 0 ? 'binance' : 'okx',
    });
  }
  return rows;
}
