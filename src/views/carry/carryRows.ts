import { carryLegOf, carryQuote, pickLegs, quotedSpread, type CarryQuote } from '../../domain/carry';
import type { CarrySettings } from '../../domain/carrySettings';
import { spreadPercentile, type PairSpreadStats } from '../../domain/fundingSpread';
import type { PerpMargin, PerpMarket, PerpRow } from '../../domain/perp';
import { pairContracts } from '../../domain/contractPairs';
import type { CarryParams } from './carryParams';

/** One coin on both venues with the same margin, and the carry between them at the trader's settings. */
export interface CarryRow {
  key: string;
  coin: string;
  margin: PerpMargin;
  /** TradFi when either leg tracks a traditional asset. */
  market: PerpMarket;
  binance: PerpRow;
  okx: PerpRow;
  /** Long the leg paying less an hour, short the other; null while a rate or interval is unknown or both pay the same. */
  long: PerpRow | null;
  short: PerpRow | null;
  /** Without the legs' books: slippage is costed only for the pair inspected. */
  quote: CarryQuote | null;
  smallerOpenInterestUsd: number | null;
  /** The wider of the legs' bid/ask spreads, as a fraction of the mid. */
  widerSpread: number | null;
  /** From both legs' funding history; null until both are loaded. */
  history: PairSpreadStats | null;
  /** Today's spread among the last 90 days' settled hours (0–100). */
  percentile: number | null;
  /** How long the spread has kept today's sign: 0 when the settled spread has the other sign (it just flipped). */
  aliveHours: number | null;
}

function aliveHoursOf(history: PairSpreadStats | null): number | null {
  if (!history?.alive || history.latest === null) return null;
  // The legs are chosen so that today's spread is positive: a settled one at or below zero has just flipped.
  return history.latest > 0 ? history.alive.hours : 0;
}

function smaller(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : Math.min(a, b);
}

function wider(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : Math.max(a, b);
}

/** The pair's history statistics, given its legs as the rates chose them (long first). */
export type PairHistoryOf = (long: PerpRow, short: PerpRow) => PairSpreadStats | null;

/** Every pair the filters let through, each priced at the settings. */
export function carryRows(quotes: readonly PerpRow[], params: CarryParams, settings: CarrySettings, historyOf: PairHistoryOf): CarryRow[] {
  const pairs = pairContracts(quotes, { minVolume: params.minVolume, search: params.search });
  const rows: CarryRow[] = [];
  for (const pair of pairs) {
    const market: PerpMarket = pair.binance.market === 'tradfi' || pair.okx.market === 'tradfi' ? 'tradfi' : 'crypto';
    if (params.market !== 'all' && market !== params.market) continue;
    const smallerOpenInterestUsd = smaller(pair.binance.openInterestUsd, pair.okx.openInterestUsd);
    if (params.minOpenInterest > 0 && (smallerOpenInterestUsd === null || smallerOpenInterestUsd < params.minOpenInterest)) continue;
    const widerSpread = wider(quotedSpread(pair.binance), quotedSpread(pair.okx));
    if (params.maxSpreadBps !== null && (widerSpread === null || widerSpread * 10_000 > params.maxSpreadBps)) continue;
    const binanceLeg = carryLegOf(pair.binance);
    const okxLeg = carryLegOf(pair.okx);
    const legs = binanceLeg && okxLeg ? pickLegs(binanceLeg, okxLeg) : null;
    const long = legs ? (legs.long.exchange === 'binance' ? pair.binance : pair.okx) : null;
    const short = legs ? (legs.short.exchange === 'binance' ? pair.binance : pair.okx) : null;
    const history = long && short ? historyOf(long, short) : null;
    const quote = legs ? carryQuote(legs.long, legs.short, settings) : null;
    rows.push({
      key: pair.key,
      coin: pair.coin,
      margin: pair.margin,
      market,
      binance: pair.binance,
      okx: pair.okx,
      long,
      short,
      quote,
      smallerOpenInterestUsd,
      widerSpread,
      history,
      percentile: history && quote ? spreadPercentile(history, quote.grossApr) : null,
      aliveHours: aliveHoursOf(history),
    });
  }
  return rows;
}
