import { getJson, type FetchOutcome } from '../../connection/restSource';
import { completeHistory, shortHistory, unreadableSettlementsDetail, type FundingHistory, type FundingSettlement } from '../../domain/fundingHistory';
import { FUNDING_HISTORY_PAGE, fundingHistoryUrl, parseFundingHistory } from './history';

/**
 * Asked from one longest funding interval before the window: a symbol that settled before the
 * window opened then answers a settlement at or before its start, which proves nothing is missing.
 */
const LONGEST_INTERVAL_MS = 8 * 3_600_000;
const MAX_PAGES = 5;

/**
 * One symbol's realised funding over (`from`, `to`], oldest first. A full page is followed by the
 * next from just after its newest settlement; a later page that fails fails the load, since what
 * it leaves out is the newest settlements, not the oldest.
 */
export async function loadBinanceFundingHistory(
  fetchImpl: typeof fetch,
  restBase: string,
  symbol: string,
  from: number,
  to: number,
): Promise<FetchOutcome<FundingHistory>> {
  const settled: FundingSettlement[] = [];
  let startTime = from - LONGEST_INTERVAL_MS;
  for (let pageNumber = 0; pageNumber < MAX_PAGES; pageNumber++) {
    const response = await getJson(fetchImpl, fundingHistoryUrl(restBase, symbol, startTime));
    if (!response.ok) return response;
    const page = parseFundingHistory(response.value);
    if (!page) return { ok: false, detail: 'unexpected response' };
    if (page.rejected > 0) return { ok: false, detail: unreadableSettlementsDetail(page.rejected) };
    const settlements = page.events;
    settled.push(...settlements);
    const newest = settlements.at(-1);
    if ((response.value as unknown[]).length < FUNDING_HISTORY_PAGE || !newest || newest.time >= to) {
      const reachesBack = settled.some((settlement) => settlement.time <= from);
      return { ok: true, value: reachesBack ? completeHistory(settled, from, to) : shortHistory(settled, from, to, { cause: 'none-earlier' }) };
    }
    startTime = newest.time + 1;
  }
  return { ok: false, detail: `more than ${MAX_PAGES} pages of settlements` };
}
