import { CHART_INTERVALS, type ChartInterval } from '../../domain/candles';
import { EXCHANGES, type ExchangeId } from '../../domain/exchange';

/** What a shared chart link reproduces beyond the symbol in its path: the bar interval and compare mode. */
export interface ChartParams {
  interval: ChartInterval;
  compare: boolean;
}

export const DEFAULT_INTERVAL: ChartInterval = '1m';

export function parseChartParams(search: URLSearchParams): ChartParams {
  const interval = search.get('interval');
  return {
    interval: (CHART_INTERVALS as readonly string[]).includes(interval ?? '') ? (interval as ChartInterval) : DEFAULT_INTERVAL,
    compare: search.get('compare') === '1',
  };
}

export function chartSearch(params: ChartParams): URLSearchParams {
  const search = new URLSearchParams();
  if (params.interval !== DEFAULT_INTERVAL) search.set('interval', params.interval);
  if (params.compare) search.set('compare', '1');
  return search;
}

export function parseExchange(value: string | undefined): ExchangeId | null {
  return (EXCHANGES as readonly string[]).includes(value ?? '') ? (value as ExchangeId) : null;
}

export function chartPath(exchange: ExchangeId, symbol: string, params?: ChartParams): string {
  const search = params ? chartSearch(params).toString() : '';
  return `/charts/${exchange}/${encodeURIComponent(symbol)}${search ? `?${search}` : ''}`;
}
