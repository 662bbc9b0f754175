import { fixed } from '../core/format.ts';
import { MINUTE_MS } from '../markets/bars.ts';
import { candlesBack, candlesFrom, type Candle, type MinuteSeries } from '../markets/candles.ts';
import { isStreaming, type Instrument } from '../markets/instrument.ts';
import type { MarketData } from '../markets/marketData.ts';
import type { Settlement } from '../markets/market.ts';
import type { SeriesKind } from '../markets/priceHistory.ts';
import { recordedFundingTime } from './fundingTimes.ts';
import { binanceGrid } from './intervals.ts';
import type { BinanceParams } from './params.ts';
import type { BinanceEndpoint } from './rest.ts';
import { onUsdsFutures } from './listing.ts';
import { invalidSymbol } from './restErrors.ts';
import type { BinanceTickers } from './tickers.ts';

const DECIMALS = 8;

/** Kline weight grows with `limit`, as documented. */
function klineWeight(params: BinanceParams): number {
  const limit = Number(params.optionalString('limit') ?? 500);
  return limit < 100 ? 1 : limit < 500 ? 2 : limit <= 1000 ? 5 : 10;
}

/** The /fapi/v1 endpoints backed by history: klines of mark/index/premium, funding history, 24 h tickers. */
export function historyEndpoints(data: MarketData, tickers: BinanceTickers): Record<string, BinanceEndpoint> {
  const { market, prices, funding } = data;
  const lookup = (params: BinanceParams, name: string): Instrument => {
    const instrument = market.find('binance', params.requiredString(name));
    if (!instrument || !onUsdsFutures(instrument)) throw invalidSymbol();
    return instrument;
  };
  const klines = (name: string, kind: SeriesKind): BinanceEndpoint => ({
    weight: klineWeight,
    handle: (params) => {
      const instrument = lookup(params, name);
      const grid = binanceGrid(params.requiredString('interval'));
      const limit = params.limit(500, 1500);
      const start = params.optionalInteger('startTime');
      const end = params.optionalInteger('endTime');
      const minuteSeries: MinuteSeries = {
        span: (from, to) => prices.span(kind, instrument, from, to),
        firstMinute: prices.firstMinute,
        currentMinute: prices.currentMinute(),
      };
      const toMinute = end === undefined ? Number.MAX_SAFE_INTEGER : Math.floor(end / MINUTE_MS);
      const candles =
        start === undefined
          ? candlesBack(minuteSeries, grid, Number.MIN_SAFE_INTEGER, toMinute, limit).reverse()
          : candlesFrom(minuteSeries, grid, Math.ceil(start / MINUTE_MS), toMinute, limit);
      return candles.map(klineRow);
    },
  });

  return {
    '/fapi/v1/markPriceKlines': klines('symbol', 'mark'),
    // Index klines are asked by `pair`, not `symbol`: the index belongs to the pair.
    '/fapi/v1/indexPriceKlines': klines('pair', 'index'),
    '/fapi/v1/premiumIndexKlines': klines('symbol', 'premium'),
    // No weight of its own: it counts against the 500 per 5 minutes it shares with fundingInfo.
    '/fapi/v1/fundingRate': {
      weight: () => 0,
      sharedLimit: 'funding',
      handle: (params) => {
        const symbol = params.optionalString('symbol');
        const start = params.optionalInteger('startTime');
        const end = params.optionalInteger('endTime') ?? Number.MAX_SAFE_INTEGER;
        const limit = params.limit(100, 1000);
        const instruments = symbol ? [lookup(params, 'symbol')] : market.binance.filter((instrument) => instrument.funding && onUsdsFutures(instrument));
        // With startTime the window runs forward from it; without, it is the latest `limit`.
        const window = (rows: FundingRow[]) => (start === undefined ? rows.slice(-limit) : rows.slice(0, limit));
        const rows = instruments.flatMap((instrument) =>
          window(
            funding
              .settlements(instrument)
              .map((settlement) => ({ instrument, settlement, time: recordedFundingTime(market.seed, settlement.time) }))
              .filter(({ time }) => time <= end && (start === undefined || time >= start)),
          ),
        );
        // Across symbols, as live: by time, then by symbol.
        rows.sort((a, b) => a.time - b.time || compareSymbols(a.instrument.symbol, b.instrument.symbol));
        return window(rows).map((row) => fundingRow(row, funding.markAt(row.instrument, row.settlement)));
      },
    },
    '/fapi/v1/ticker/24hr': {
      weight: (params) => (params.optionalString('symbol') ? 1 : 40),
      handle: (params) =>
        params.optionalString('symbol')
          ? tickers.ticker24hr(lookup(params, 'symbol'))
          : market.binance.filter((instrument) => isStreaming(instrument) && onUsdsFutures(instrument)).map((instrument) => tickers.ticker24hr(instrument)),
    },
  };
}

interface FundingRow {
  instrument: Instrument;
  settlement: Settlement;
  /** As Binance records it (recordedFundingTime). */
  time: number;
}

function compareSymbols(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** [openTime, open, high, low, close, ignore, closeTime, ignore, samples, ignore, ignore, ignore] */
function klineRow(candle: Candle): unknown[] {
  return [
    candle.openTime,
    fixed(candle.open, DECIMALS),
    fixed(candle.high, DECIMALS),
    fixed(candle.low, DECIMALS),
    fixed(candle.close, DECIMALS),
    '0',
    candle.closeTime,
    '0',
    candle.minutes * 60,
    '0',
    '0',
    '0',
  ];
}

/** In the live key order, with the `rateType` live rows carry (2026) though the docs omit it. */
function fundingRow({ instrument, settlement, time }: FundingRow, mark: number): unknown {
  return {
    symbol: instrument.symbol,
    fundingTime: time,
    fundingRate: fixed(settlement.rate, DECIMALS),
    markPrice: fixed(mark, DECIMALS),
    rateType: 'Regular',
  };
}
