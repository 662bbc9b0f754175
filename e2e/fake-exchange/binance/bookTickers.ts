import { fixed } from '../core/format.ts';
import { unitAt } from '../core/prng.ts';
import type { DayStatsBook } from '../markets/dayStats.ts';
import { isStreaming, type Instrument } from '../markets/instrument.ts';
import type { Market } from '../markets/market.ts';
import type { BinanceParams } from './params.ts';
import type { BinanceEndpoint } from './rest.ts';
import { invalidSymbol } from './restErrors.ts';

/** Draws of the top of book, apart from the instrument's other draws (markets/instrument.ts DRAW). */
const BOOK_DRAW = { spread: 101, bidSize: 102, askSize: 103 } as const;
/** The top of book reshuffles its sizes and spread every second. */
const BOOK_BUCKET_MS = 1000;

/**
 * GET /fapi/v1/ticker/bookTicker: best bid and ask around the last trade, one to three ticks wide
 * (one on the busiest books), with sizes of a few thousandths of a day's volume, in the venue's shape
 * `{"symbol","bidPrice","bidQty","askPrice","askQty","time","lastUpdateId"}`. Weight 2 for one symbol, 5 for all.
 */
export function bookTickerEndpoints(market: Market, dayStats: DayStatsBook, now: () => number): Record<string, BinanceEndpoint> {
  const row = (instrument: Instrument) => bookTicker(instrument, dayStats, now());
  return {
    '/fapi/v1/ticker/bookTicker': {
      weight: (params: BinanceParams) => (params.optionalString('symbol') ? 2 : 5),
      handle: (params: BinanceParams) => {
        const symbol = params.optionalString('symbol');
        if (!symbol) return market.binance.filter(isStreaming).map(row);
        const instrument = market.find('binance', symbol);
        if (!instrument) throw invalidSymbol();
        return row(instrument);
      },
    },
  };
}

function bookTicker(instrument: Instrument, dayStats: DayStatsBook, time: number): Record<string, unknown> {
  const stats = dayStats.stats(instrument);
  const tick = 10 ** -instrument.priceDecimals;
  const bucket = Math.floor(time / BOOK_BUCKET_MS);
  const draw = (which: number) => unitAt(instrument.noiseRoot, bucket, which);
  const busiest = instrument.quoteVolume > 1e9;
  const spreadTicks = busiest ? 1 : 1 + Math.floor(draw(BOOK_DRAW.spread) * 3);
  const bid = Math.floor(stats.last / tick) * tick;
  const ask = bid + spreadTicks * tick;
  // The lot step exchangeInfo's LOT_SIZE gives the same symbol.
  const quantityDecimals = Math.max(0, Math.min(3, 3 - Math.floor(Math.log10(Math.max(1, instrument.state.mark)))));
  const step = 10 ** -quantityDecimals;
  const typicalSize = stats.baseVolume * 2e-5;
  const size = (which: number) => Math.max(step, Math.round((typicalSize * (0.2 + 1.6 * draw(which))) / step) * step);
  return {
    symbol: instrument.symbol,
    bidPrice: fixed(bid, instrument.priceDecimals),
    bidQty: fixed(size(BOOK_DRAW.bidSize), quantityDecimals),
    askPrice: fixed(ask, instrument.priceDecimals),
    askQty: fixed(size(BOOK_DRAW.askSize), quantityDecimals),
    time,
    lastUpdateId: time * 10 + (instrument.noiseRoot % 10),
  };
}
