import type { PerpRow } from '../../domain/perp';
import type { ScreenerParams } from './screenerParams';

function matchesSearch(quote: PerpRow, needle: string): boolean {
  return needle === '' || quote.coin.toUpperCase().includes(needle) || quote.symbol.toUpperCase().includes(needle);
}

function meetsVolume(quote: PerpRow, minVolume: number): boolean {
  return minVolume === 0 || (quote.quoteVolume24h !== null && quote.quoteVolume24h >= minVolume);
}

function inMarket(quote: PerpRow, params: ScreenerParams): boolean {
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
