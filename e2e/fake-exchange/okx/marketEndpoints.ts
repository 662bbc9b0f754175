import type { Instrument } from '../markets/instrument.ts';
import type { MarketData } from '../markets/marketData.ts';
import { isOkxBar } from './bars.ts';
import type { CandleKind, OkxCandles } from './candles.ts';
import type { OkxIndexes } from './indexes.ts';
import { bookPayload, candleRow, indexTicker, ticker } from './marketPayloads.ts';
import { limitOf, optionalTime } from './queryParams.ts';
import { OkxApiError, instrumentMissing, parameterEmpty, parameterError, type OkxEndpoint } from './rest.ts';

/** Documented page sizes. */
const CANDLE_LIMIT = 100;
/** `books`: "Order book depth per side. Maximum 400 … Default returns to 1 depth data". */
const BOOK_DEPTH_MAX = 400;
/** The non-history candle endpoints serve the latest 1440 bars. */
const RECENT_CANDLES = 1440;

/** /api/v5/market endpoints. */
export function marketEndpoints(data: MarketData, indexes: OkxIndexes, candles: OkxCandles, now: () => number): Record<string, OkxEndpoint> {
  const { market, dayStats, books } = data;
  const swapTicker = (instrument: Instrument) => ticker(instrument, dayStats.stats(instrument), books.book(instrument, 1), now());
  const swapOf = (query: URLSearchParams): Instrument => {
    const instId = query.get('instId');
    if (!instId) throw parameterEmpty('instId');
    const instrument = market.find('okx', instId);
    if (!instrument) throw instrumentMissing();
    return instrument;
  };
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
        .map(swapTicker);
    },
    '/api/v5/market/ticker': (query) => [swapTicker(swapOf(query))],
    '/api/v5/market/books': (query) => {
      const instrument = swapOf(query);
      const depth = bookDepthOf(query);
      return [bookPayload(instrument, books.book(instrument, depth))];
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

/**
 * `sz`, 1 when absent; above 400 refused as 51000, as OKX refuses `sz` above 400 on its RPI book
 * (ccxt okx.fetchOrderBook, 2026): the plain book's answer to it is not documented.
 */
function bookDepthOf(query: URLSearchParams): number {
  const text = query.get('sz');
  if (text === null || text === '') return 1;
  const depth = Number(text);
  if (!Number.isInteger(depth) || depth < 1 || depth > BOOK_DEPTH_MAX) throw parameterError('sz');
  return depth;
}
