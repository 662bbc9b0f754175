import type { MarketData } from '../markets/marketData.ts';
import { isOkxBar } from './bars.ts';
import type { CandleKind, OkxCandles } from './candles.ts';
import type { OkxIndexes } from './indexes.ts';
import { candleRow, indexTicker, ticker } from './marketPayloads.ts';
import { limitOf, optionalTime } from './queryParams.ts';
import { OkxApiError, instrumentMissing, parameterEmpty, parameterError, type OkxEndpoint } from './rest.ts';

/** Documented page sizes. */
const CANDLE_LIMIT = 100;
/** The non-history candle endpoints serve the latest 1440 bars. */
const RECENT_CANDLES = 1440;

/** /api/v5/market endpoints. */
export function marketEndpoints(data: MarketData, indexes: OkxIndexes, candles: OkxCandles, now: () => number): Record<string, OkxEndpoint> {
  const { market, dayStats } = data;
  const candleEndpoint = (kind: CandleKind, recent: boolean): OkxEndpoint => (query) => {
    const instId = query.get('instId');
    if (!instId) throw parameterEmpty('instId');
    const bar = query.get('bar') ?? '1m';
    if (!isOkxBar(bar)) throw parameterError('bar');
    const source = candles.source(kind, instId);
    if (!source) throw instrumentMissing();
    const page = candles.page(source, bar, {
      after: optionalTime(query, 'after'),
      before: optionalTime(query, 'before'),
      limit: limitOf(query, CANDLE_LIMIT),
      ...(recent ? { recentBars: RECENT_CANDLES } : {}),
    });
    return page.map((candle) => candleRow(candle, source.decimals));
  };
  const swapTypeOnly = (query: URLSearchParams): void => {
    const instType = query.get('instType');
    if (!instType) throw parameterEmpty('instType');
    if (instType !== 'SWAP') throw parameterError('instType');
  };

  return {
    '/api/v5/market/tickers': (query) => {
      swapTypeOnly(query);
      const family = query.get('instFamily');
      return market.okx
        .filter((instrument) => !family || family === `${instrument.coin.name}-${instrument.quote}`)
        .map((instrument) => ticker(instrument, dayStats.stats(instrument), now()));
    },
    '/api/v5/market/ticker': (query) => {
      const instId = query.get('instId');
      if (!instId) throw parameterEmpty('instId');
      const instrument = market.find('okx', instId);
      if (!instrument) throw instrumentMissing();
      return [ticker(instrument, dayStats.stats(instrument), now())];
    },
    '/api/v5/market/index-tickers': (query) => {
      const instId = query.get('instId');
      const quoteCcy = query.get('quoteCcy');
      if (!instId && !quoteCcy) throw new OkxApiError('50014', 'Parameter quoteCcy or instId can not be empty.');
      const chosen = [...indexes.all()].filter((index) => (instId ? index.instId === instId : index.quote === quoteCcy));
      return chosen.map((index) => indexTicker(index, dayStats.indexStats(index.coin, index.quote, indexes.price(index)), now()));
    },
    '/api/v5/market/mark-price-candles': candleEndpoint('mark', true),
    '/api/v5/market/history-mark-price-candles': candleEndpoint('mark', false),
    '/api/v5/market/index-candles': candleEndpoint('index', true),
    '/api/v5/market/history-index-candles': candleEndpoint('index', false),
  };
}
