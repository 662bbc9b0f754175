import type { ChartInterval } from '../../domain/candles';
import type { FundingSettlement } from '../../domain/fundingHistory';
import type { ParseResult } from '../../domain/perpEvents';
import { finite, isRecord, timestamp } from '../numbers';

/** Binance takes the chart intervals as they are named. */
export function markKlinesUrl(restBase: string, symbol: string, interval: ChartInterval, limit: number): string {
  return `${restBase}/fapi/v1/markPriceKlines?symbol=${encodeURIComponent(symbol)}&interval=${interval}&limit=${limit}`;
}

/** Index klines are keyed by `pair`, not `symbol`: for a USDⓈ-M perpetual the pair is the symbol's own name. */
export function indexKlinesUrl(restBase: string, pair: string, interval: ChartInterval, limit: number): string {
  return `${restBase}/fapi/v1/indexPriceKlines?pair=${encodeURIComponent(pair)}&interval=${interval}&limit=${limit}`;
}

/** The most `fundingRate` serves a call. */
export const FUNDING_HISTORY_PAGE = 1000;

/** Oldest first from `startTime` up to `endTime` (both inclusive); a window holding more than a page answers its first page. */
export function fundingHistoryUrl(restBase: string, symbol: string, startTime: number, endTime: number | null): string {
  const end = endTime === null ? '' : `&endTime=${endTime}`;
  return `${restBase}/fapi/v1/fundingRate?symbol=${encodeURIComponent(symbol)}&startTime=${startTime}${end}&limit=${FUNDING_HISTORY_PAGE}`;
}

/** `GET /fapi/v1/fundingRate` → settlements, oldest first, and how many items could not be read. */
export function parseFundingHistory(body: unknown): ParseResult<FundingSettlement> | null {
  if (!Array.isArray(body)) return null;
  const events: FundingSettlement[] = [];
  let rejected = 0;
  for (const item of body) {
    const time = isRecord(item) ? timestamp(item.fundingTime) : null;
    const rate = isRecord(item) ? finite(item.fundingRate) : null;
    if (time !== null && rate !== null) events.push({ time, rate });
    else rejected++;
  }
  return { events: events.sort((a, b) => a.time - b.time), rejected };
}
