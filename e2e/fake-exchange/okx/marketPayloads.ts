import { trimmed } from '../core/format.ts';
import type { Candle } from '../markets/candles.ts';
import type { DayStats, PriceStats } from '../markets/dayStats.ts';
import type { Instrument } from '../markets/instrument.ts';
import type { Settlement } from '../markets/market.ts';
import type { BookLevel, OrderBook } from '../markets/orderBooks.ts';
import { basePerSizeUnit, sizeDecimals } from '../markets/orderUnits.ts';
import type { OkxIndex } from './indexes.ts';
import { okxPrice, rateText } from './payloads.ts';

/** `tickers` channel / market/ticker(s) row of a swap; its best bid and ask are the top of the swap's book. */
export function ticker(instrument: Instrument, stats: DayStats, top: OrderBook, ts: number): Record<string, string> {
  const price = (value: number) => okxPrice(instrument, value);
  const inverse = instrument.quote === 'USD';
  const baseVolume = stats.baseVolume;
  const contracts = inverse ? stats.quoteVolume / instrument.contractValue : baseVolume / instrument.contractValue;
  const [bid, ask] = [top.bids[0]!, top.asks[0]!];
  return {
    instType: 'SWAP',
    instId: instrument.symbol,
    last: price(stats.last),
    lastSz: String(Math.max(1, instrument.state.lastQty)),
    askPx: price(ask.price),
    askSz: contractsText(instrument, ask.size),
    bidPx: price(bid.price),
    bidSz: contractsText(instrument, bid.size),
    open24h: price(stats.open),
    high24h: price(stats.high),
    low24h: price(stats.low),
    volCcy24h: trimmed(baseVolume, 4),
    vol24h: trimmed(contracts, 2),
    sodUtc0: price(stats.openUtc0),
    sodUtc8: price(stats.openUtc8),
    ts: String(ts),
  };
}

/** `GET /api/v5/market/books`: levels `[px, sz in contracts, "0" (deprecated), orders]`, best first. */
export function bookPayload(instrument: Instrument, book: OrderBook): Record<string, unknown> {
  const level = (entry: BookLevel) => [okxPrice(instrument, entry.price), contractsText(instrument, entry.size), '0', String(ordersAt(instrument, entry))];
  return { asks: book.asks.map(level), bids: book.bids.map(level), ts: String(book.time) };
}

function contractsText(instrument: Instrument, contracts: number): string {
  return trimmed(contracts, sizeDecimals(instrument));
}

/** Resting orders behind a level: more the more it holds, about one per $500 at first. */
function ordersAt(instrument: Instrument, entry: BookLevel): number {
  const usd = entry.size * basePerSizeUnit(instrument, entry.price) * entry.price;
  return Math.max(1, Math.min(200, Math.round(Math.sqrt(usd / 500))));
}

/** Indexes carry about 7 significant digits. */
export function indexDecimals(price: number): number {
  return Math.max(1, Math.min(12, 6 - Math.floor(Math.log10(Math.max(price, 1e-12)))));
}

export function indexTicker(index: OkxIndex, stats: PriceStats, ts: number): Record<string, string> {
  const decimals = indexDecimals(stats.last);
  const price = (value: number) => trimmed(value, decimals);
  return {
    instId: index.instId,
    idxPx: price(stats.last),
    high24h: price(stats.high),
    low24h: price(stats.low),
    open24h: price(stats.open),
    sodUtc0: price(stats.openUtc0),
    sodUtc8: price(stats.openUtc8),
    ts: String(ts),
  };
}

/** [ts, o, h, l, c, confirm], numbers as strings: mark-price and index candles. */
export function candleRow(candle: Candle, decimals: number): string[] {
  const price = (value: number) => trimmed(value, decimals);
  return [String(candle.openTime), price(candle.open), price(candle.high), price(candle.low), price(candle.close), candle.confirmed ? '1' : '0'];
}

export function fundingHistoryRow(instrument: Instrument, settlement: Settlement): Record<string, string> {
  return {
    instType: 'SWAP',
    instId: instrument.symbol,
    formulaType: 'withRate',
    fundingRate: rateText(settlement.rate),
    realizedRate: rateText(settlement.rate),
    fundingTime: String(settlement.time),
    method: 'current_period',
  };
}
