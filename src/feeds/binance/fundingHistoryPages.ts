import { statusDetail, UNREADABLE_DETAIL, type HttpReply } from '../../connection/restSource';
import { unreadableSettlementsDetail, type FundingSettlement } from '../../domain/fundingHistory';
import { coveredUntil, type HistoryRequest, type RateLimited, type SettlementFill, type SettlementWindow } from '../fundingHistoryPages';
import { isRecord, text } from '../numbers';
import { FUNDING_HISTORY_PAGE, fundingHistoryUrl, parseFundingHistory } from './history';
import { instrumentFromSymbol } from './parse';

/** A window this many pages long is a venue answering something other than its documented pages. */
const MAX_PAGES = 5;
/** 429: over a limit; 418: banned for asking on after 429s. */
const LIMIT_STATUSES = new Set([429, 418]);
/** The ban's end, as the live host words its 418: "IP(…) banned until 1700000000000." */
const BANNED_UNTIL = /banned until (\d{13})\b/;

/**
 * A rate-limit answer, with how long to wait: the longer of `Retry-After` (when CORS lets the page
 * read it) and the ban's end the 418's message names.
 */
export function binanceRateLimit(reply: HttpReply, now: number): RateLimited | null {
  if (!reply.readable || !LIMIT_STATUSES.has(reply.status)) return null;
  const bannedUntil = (isRecord(reply.body) ? text(reply.body.msg) : null)?.match(BANNED_UNTIL)?.[1];
  const waits = [reply.retryAfterMs, bannedUntil === undefined ? null : Math.max(0, Number(bannedUntil) - now)].filter((wait) => wait !== null);
  return {
    detail: reply.status === 418 ? 'banned by Binance for too many requests (HTTP 418)' : 'rate limited by Binance (HTTP 429)',
    retryAfterMs: waits.length > 0 ? Math.max(...waits) : null,
  };
}

/** COIN-M perpetuals (`BTCUSD_PERP`) live on `dapi`; `fapi`, the host the page calls, answers -1121 for them. */
export const COIN_MARGINED_HISTORY_REFUSAL = 'Binance serves coin-margined funding history on its COIN-M host, which this page does not call';

/** Why the page does not ask Binance for a contract's funding history; null when it does. */
export function binanceHistoryRefusal(symbol: string): string | null {
  return instrumentFromSymbol(symbol).margin === 'inverse' ? COIN_MARGINED_HISTORY_REFUSAL : null;
}

type Answer = { ok: true; settlements: FundingSettlement[]; full: boolean } | { ok: false; failure: NonNullable<SettlementFill['failure']> };

function readAnswer(reply: HttpReply, now: number): Answer {
  if (!reply.readable) return { ok: false, failure: { detail: UNREADABLE_DETAIL, limited: null } };
  const limited = binanceRateLimit(reply, now);
  if (limited) return { ok: false, failure: { detail: limited.detail, limited } };
  if (reply.status < 200 || reply.status > 299) return { ok: false, failure: { detail: statusDetail(reply.status), limited: null } };
  const page = parseFundingHistory(reply.body);
  if (!page) return { ok: false, failure: { detail: 'unexpected response', limited: null } };
  // A page with a hole would misstate every average over it: refused whole.
  if (page.rejected > 0) return { ok: false, failure: { detail: unreadableSettlementsDetail(page.rejected), limited: null } };
  return { ok: true, settlements: page.events, full: (reply.body as unknown[]).length >= FUNDING_HISTORY_PAGE };
}

/**
 * One symbol's settlements in the window, oldest first: pages of 1,000 from just after `from`, a
 * full page followed by the next from just after its newest settlement. A page that fails leaves
 * what the pages before it covered, up to their newest settlement.
 */
export async function fetchBinanceSettlements(
  request: HistoryRequest,
  restBase: string,
  symbol: string,
  window: SettlementWindow,
  clock: () => number,
): Promise<SettlementFill> {
  const settlements: FundingSettlement[] = [];
  const stopped = (failure: SettlementFill['failure']): SettlementFill => ({
    settlements,
    coveredFrom: window.from,
    coveredTo: failure ? (settlements.at(-1)?.time ?? window.from) : coveredUntil(window, settlements, clock()),
    failure,
  });
  let startTime = window.from + 1;
  for (let pageNumber = 0; pageNumber < MAX_PAGES; pageNumber++) {
    const answer = readAnswer(await request(fundingHistoryUrl(restBase, symbol, startTime, window.to)), clock());
    if (!answer.ok) return stopped(answer.failure);
    settlements.push(...answer.settlements);
    const newest = answer.settlements.at(-1);
    if (!answer.full || !newest || (window.to !== null && newest.time >= window.to)) return stopped(null);
    startTime = newest.time + 1;
  }
  return stopped({ detail: `more than ${MAX_PAGES} pages of settlements`, limited: null });
}
