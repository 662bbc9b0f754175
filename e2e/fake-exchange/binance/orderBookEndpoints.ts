import { fixed } from '../core/format.ts';
import { isStreaming, type Instrument } from '../markets/instrument.ts';
import type { Market } from '../markets/market.ts';
import type { BookLevel, OrderBooks } from '../markets/orderBooks.ts';
import { sizeDecimals } from '../markets/orderUnits.ts';
import { onUsdsFutures } from './listing.ts';
import type { BinanceParams } from './params.ts';
import type { BinanceEndpoint } from './rest.ts';
import { BinanceApiError, invalidSymbol } from './restErrors.ts';

/** `/fapi/v1/depth` takes these limits only (default 500), with these weights; any other is -4021. */
const DEPTH_WEIGHTS: ReadonlyMap<number, number> = new Map([[5, 2], [10, 2], [20, 2], [50, 2], [100, 5], [500, 10], [1000, 20]]);
const DEFAULT_DEPTH = 500;

/**
 * The order book endpoints, both from the one book each instrument has (markets/orderBooks.ts):
 * `GET /fapi/v1/ticker/bookTicker` (weight 2 for one symbol, 5 for all) is the top of
 * `GET /fapi/v1/depth`, with the same `lastUpdateId` and transaction time.
 */
export function orderBookEndpoints(market: Market, books: OrderBooks, now: () => number): Record<string, BinanceEndpoint> {
  const lookup = (params: BinanceParams): Instrument => {
    const instrument = market.find('binance', params.requiredString('symbol'));
    if (!instrument || !onUsdsFutures(instrument)) throw invalidSymbol();
    return instrument;
  };
  const bookTicker = (instrument: Instrument) => {
    const book = books.book(instrument, 1);
    const [bid, ask] = [book.bids[0]!, book.asks[0]!];
    return {
      symbol: instrument.symbol,
      bidPrice: price(instrument, bid),
      bidQty: size(instrument, bid),
      askPrice: price(instrument, ask),
      askQty: size(instrument, ask),
      time: book.time,
      lastUpdateId: book.updateId,
    };
  };
  return {
    '/fapi/v1/ticker/bookTicker': {
      weight: (params) => (params.optionalString('symbol') ? 2 : 5),
      handle: (params) => {
        if (params.optionalString('symbol')) return bookTicker(lookup(params));
        return market.binance.filter((instrument) => isStreaming(instrument) && onUsdsFutures(instrument)).map(bookTicker);
      },
    },
    '/fapi/v1/depth': {
      weight: (params) => DEPTH_WEIGHTS.get(Number(params.optionalString('limit') ?? DEFAULT_DEPTH)) ?? DEPTH_WEIGHTS.get(5)!,
      handle: (params) => {
        const instrument = lookup(params);
        const limit = params.optionalInteger('limit') ?? DEFAULT_DEPTH;
        // The live host's text for it: `25 is not valid depth limit` (the docs quote the number).
        if (!DEPTH_WEIGHTS.has(limit)) throw new BinanceApiError(-4021, `${limit} is not valid depth limit`);
        const book = books.book(instrument, limit);
        const levels = (side: BookLevel[]) => side.map((level) => [price(instrument, level), size(instrument, level)]);
        return { lastUpdateId: book.updateId, E: now(), T: book.time, bids: levels(book.bids), asks: levels(book.asks) };
      },
    },
  };
}

function price(instrument: Instrument, level: BookLevel): string {
  return fixed(level.price, instrument.priceDecimals);
}

function size(instrument: Instrument, level: BookLevel): string {
  return fixed(level.size, sizeDecimals(instrument));
}
