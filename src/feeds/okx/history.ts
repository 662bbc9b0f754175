import type { ChartInterval } from '../../domain/candles';
import type { FundingSettlement } from '../../domain/fundingHistory';
import type { ParseResult } from '../../domain/perpEvents';
import { finite, isRecord, timestamp } from '../numbers';

/** OKX spells the hour bar `1H`. */
export const OKX_BAR: Record<ChartInterval, string> = { '1m': '1m', '5m': '5m', '1h': '1H' };

/** OKX returns at most 100 recent candles a call; `after` pages further back (newest first). */
export function candlesUrl(
  restBase: string,
  kind: 'mark-price' | 'index',
  instId: string,
  interval: ChartInterval,
  after: number | null,
): string {
  const path = after === null ? `/api/v5/market/${kind}-candles` : `/api/v5/market/history-${kind}-candles`;
  const page = after === null ? '' : `&after=${after}`;
  return `${restBase}${path}?instId=${encodeURIComponent(instId)}&bar=${OKX_BAR[interval]}&limit=100${page}`;
}

/** The most funding-rate-history serves a page (also its default). */
export const FUNDING_HISTORY_PAGE = 400;

/** Newest first; `after` asks for the settlements before that fundingTime. */
export function fundingHistoryUrl(restBase: string, instId: string, after: number | null): string {
  const page = after === null ? '' : `&after=${after}`;
  return `${restBase}/api/v5/public/funding-rate-history?instId=${encodeURIComponent(instId)}&limit=${FUNDING_HISTORY_PAGE}${page}`;
}

/** funding-rate-history data (newest first) → settlements, oldest first, and how many items could not be read. `realizedRate` is what was paid. */
export function parseFundingHistory(data: unknown): ParseResult<FundingSettlement> | null {
  if (!Array.isArray(data)) return null;
  const events: FundingSettlement[] = [];
  let rejected = 0;
  for (const item of data) {
    const time = isRecord(item) ? timestamp(item.fundingTime) : null;
    const rate = isRecord(item) ? (finite(item.realizedRate) ?? finite(item.fundingRate)) : null;
    if (time !== null && rate !== null) events.push({ time, rate });
    else rejected++;
  }
  return { events: events.sort((a, b) => a.time - b.time), rejected };
}
