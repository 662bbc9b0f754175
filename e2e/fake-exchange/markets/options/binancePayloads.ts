import { binanceGammaTheta, type BinanceGammaTheta } from './binanceGreeks.ts';
import type { ListedOption } from './chain.ts';
import { fixed, javaDecimal, truncatedDecimal } from './format.ts';
import { decimalsOf } from './strikes.ts';
import { dayStats } from './tradeStats.ts';
import type { BinanceUnderlying } from './underlyings.ts';

/**
 * Binance European options payloads, field for field as the venue sends them. Units are those
 * pinned in src/math/blackScholes.test.ts: prices in USDT, `d` delta, `g` gamma per USDT, `t` theta
 * per calendar day, `v` vega per vol point. `mp`, `d` and `v` are Black-Scholes on the index at the
 * mark IV and the expiry's `rf`; `g` and `t` as binanceGreeks.ts says (pinned on the live frames).
 */

/** Decimals of IVs and greeks. */
const GREEK_DECIMALS = 8;
/** Decimals of the best bid/ask sizes in the stream ("0.2000"). */
const SIZE_DECIMALS = 4;
/** `P` carries the estimated settlement price only in the last half hour before expiry. */
const SETTLE_ESTIMATE_WINDOW_MS = 30 * 60_000;
/** Price limits around the mark, as the seed rows show them (hl = mark × 1.2, ll = mark × 0.8). */
const HIGH_LIMIT = 1.2;
const LOW_LIMIT = 0.8;
/** A missing side's IV. Show an empty cell for it, never −100 %. */
const NO_QUOTE_IV = '-1.0';

export function underlyingSymbol(spec: BinanceUnderlying): string {
  return `${spec.base}USDT`;
}

/** Decimals of `rf` ("0.0529"). */
const RATE_DECIMALS = 4;

/** `g` and `t` of a quote (from its mark inputs and book IVs). */
function gammaTheta(option: ListedOption): BinanceGammaTheta {
  const { quote } = option;
  const { point } = quote;
  return binanceGammaTheta(
    { kind: option.kind, underlying: point.spot, strike: option.strike, years: point.years, vol: quote.vol, rate: point.carryRate },
    quote.bidVol,
    quote.askVol,
  );
}

/** The index as `i` carries it ("104334.60217391"). */
export function indexText(index: number): string {
  return javaDecimal(index, 8);
}

/** One element of `<underlying>@optionMarkPrice`, keys in the order of the seed page. */
export function markPriceUpdate(option: ListedOption, spec: BinanceUnderlying, index: number, now: number): object {
  const { quote } = option;
  const decimals = spec.priceDecimals;
  const settling = option.expiry - now <= SETTLE_ESTIMATE_WINDOW_MS;
  const { gamma, thetaPerDay } = gammaTheta(option);
  return {
    s: option.symbol,
    mp: truncatedDecimal(quote.mark, decimals),
    E: now,
    e: 'markPrice',
    i: indexText(index),
    P: fixed(settling ? index : 0, decimals),
    bo: fixed(quote.bid ?? 0, decimals),
    ao: fixed(quote.ask ?? 0, decimals),
    bq: fixed(quote.bidSize, SIZE_DECIMALS),
    aq: fixed(quote.askSize, SIZE_DECIMALS),
    b: quote.bidVol === null ? NO_QUOTE_IV : javaDecimal(quote.bidVol, GREEK_DECIMALS),
    a: quote.askVol === null ? NO_QUOTE_IV : javaDecimal(quote.askVol, GREEK_DECIMALS),
    hl: truncatedDecimal(quote.mark * HIGH_LIMIT, decimals),
    ll: truncatedDecimal(quote.mark * LOW_LIMIT, decimals),
    vo: javaDecimal(quote.vol, GREEK_DECIMALS),
    rf: javaDecimal(quote.point.carryRate, RATE_DECIMALS),
    d: javaDecimal(quote.usd.delta, GREEK_DECIMALS),
    t: javaDecimal(thetaPerDay, GREEK_DECIMALS),
    g: javaDecimal(gamma, GREEK_DECIMALS),
    v: javaDecimal(quote.usd.vegaPerVolPoint, GREEK_DECIMALS),
  };
}

/** One element of GET /eapi/v1/mark: the stream's numbers under REST names (same sentinels). */
export function markRestItem(option: ListedOption, spec: BinanceUnderlying): object {
  const { quote } = option;
  const { gamma, thetaPerDay } = gammaTheta(option);
  return {
    symbol: option.symbol,
    markPrice: truncatedDecimal(quote.mark, spec.priceDecimals),
    bidIV: quote.bidVol === null ? NO_QUOTE_IV : javaDecimal(quote.bidVol, GREEK_DECIMALS),
    askIV: quote.askVol === null ? NO_QUOTE_IV : javaDecimal(quote.askVol, GREEK_DECIMALS),
    markIV: javaDecimal(quote.vol, GREEK_DECIMALS),
    delta: javaDecimal(quote.usd.delta, GREEK_DECIMALS),
    theta: javaDecimal(thetaPerDay, GREEK_DECIMALS),
    gamma: javaDecimal(gamma, GREEK_DECIMALS),
    vega: javaDecimal(quote.usd.vegaPerVolPoint, GREEK_DECIMALS),
    highPriceLimit: truncatedDecimal(quote.mark * HIGH_LIMIT, spec.priceDecimals),
    lowPriceLimit: truncatedDecimal(quote.mark * LOW_LIMIT, spec.priceDecimals),
    riskFreeInterest: javaDecimal(quote.point.carryRate, RATE_DECIMALS),
  };
}

/** One element of GET /eapi/v1/ticker (24 h statistics; `exercisePrice` is the index outside settlement). */
export function tickerRestItem(option: ListedOption, spec: BinanceUnderlying, index: number, now: number): object {
  const { quote } = option;
  const decimals = spec.priceDecimals;
  const stats = dayStats(option.hash, now, quote.mark, () => spec.tick, spec.quantityStep);
  const change = stats.last - stats.open;
  const quantityDecimals = decimalsOf(spec.quantityStep);
  return {
    symbol: option.symbol,
    priceChange: fixed(change, decimals),
    priceChangePercent: fixed(stats.open > 0 ? change / stats.open : 0, 4),
    lastPrice: fixed(stats.last, decimals),
    lastQty: fixed(stats.lastSize, quantityDecimals),
    open: fixed(stats.open, decimals),
    high: fixed(stats.high, decimals),
    low: fixed(stats.low, decimals),
    volume: fixed(stats.volume, quantityDecimals),
    amount: fixed(stats.volume * (stats.open + stats.last) * 0.5, 2),
    bidPrice: fixed(quote.bid ?? 0, decimals),
    askPrice: fixed(quote.ask ?? 0, decimals),
    openTime: now - 86_400_000,
    closeTime: stats.lastTradeTime,
    firstTradeId: option.hash % 1_000_000,
    tradeCount: stats.trades,
    strikePrice: option.strikeText,
    exercisePrice: indexText(index),
  };
}

/** One element of exchangeInfo's `optionSymbols` (static: built once per listing). */
export function optionSymbolInfo(option: ListedOption, spec: BinanceUnderlying): object {
  const quantityDecimals = decimalsOf(spec.quantityStep);
  const priceDecimals = spec.priceDecimals;
  return {
    expiryDate: option.expiry,
    filters: [
      {
        filterType: 'PRICE_FILTER',
        minPrice: fixed(spec.tick, priceDecimals),
        maxPrice: fixed(option.strike * 2, priceDecimals),
        tickSize: fixed(spec.tick, priceDecimals),
      },
      {
        filterType: 'LOT_SIZE',
        minQty: fixed(spec.quantityStep, quantityDecimals),
        maxQty: fixed(spec.quantityStep * 10_000, quantityDecimals),
        stepSize: fixed(spec.quantityStep, quantityDecimals),
      },
    ],
    symbol: option.symbol,
    side: option.kind === 'call' ? 'CALL' : 'PUT',
    strikePrice: option.strikeText,
    underlying: underlyingSymbol(spec),
    unit: 1,
    liquidationFeeRate: '0.0019000',
    minQty: fixed(spec.quantityStep, quantityDecimals),
    maxQty: fixed(spec.quantityStep * 10_000, quantityDecimals),
    initialMargin: '0.15',
    maintenanceMargin: '0.075',
    minInitialMargin: '0.1',
    minMaintenanceMargin: '0.05',
    priceScale: priceDecimals,
    quantityScale: quantityDecimals,
    quoteAsset: 'USDT',
    status: 'TRADING',
  };
}

export function optionContractInfo(spec: BinanceUnderlying): object {
  return { baseAsset: spec.base, quoteAsset: 'USDT', underlying: underlyingSymbol(spec), settleAsset: 'USDT' };
}
