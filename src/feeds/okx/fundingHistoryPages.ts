import { statusDetail, UNREADABLE_DETAIL, type HttpReply } from '../../connection/restSource';
import { unreadableSettlementsDetail, type FundingSettlement } from '../../domain/fundingHistory';
import { coveredUntil, type HistoryRequest, type RateLimited, type SettlementFill, type SettlementWindow } from '../fundingHistoryPages';
import { isRecord } from '../numbers';
import { okxData } from './envelope';
import { FUNDING_HISTORY_PAGE, fundingHistoryUrl, parseFundingHistory } from './history';

/** OKX's rule for funding-rate-history: 10 requests per 2 s per IP and instrument. */
export const FUNDING_HISTORY_RATE = { requests: 10, windowMs: 2_000 } as const;

const RATE_LIMITED = '50011';
/** 90 days of hourly funding is six pages of 400; this bounds a venue that pages oddly. */
const MAX_PAGES = 10;

/** The limit answers HTTP 429 on the wire; a 200 carrying 50011 means the same. */
export function okxRateLimit(reply: HttpReply): RateLimited | null {
  if (!reply.readable) return null;
  const limited = reply.status === 429 || (isRecord(reply.body) && reply.body.code === RATE_LIMITED);
  return limited ? { detail: `rate limited by OKX (${RATE_LIMITED})`, retryAfterMs: reply.retryAfterMs } : null;
}

type Answer = { ok: true; settlements: FundingSettlement[] } | { ok: false; failure: NonNullable<SettlementFill['failure']> };

function readAnswer(reply: HttpReply): Answer {
  if (!reply.readable) return { ok: false, failure: { detail: UNREADABLE_DETAIL, limited: null } };
  const limited = okxRateLimit(reply);
  if (limited) return { ok: false, failure: { detail: limited.detail, limited } };
  if (reply.status < 200 || reply.status > 299) return { ok: false, failure: { detail: statusDetail(reply.status), limited: null } };
  const unwrapped = okxData(reply.body);
  if (!unwrapped.ok) return { ok: false, failure: { detail: unwrapped.detail, limited: null } };
  const page = parseFundingHistory(unwrapped.data);
  if (!page) return { ok: false, failure: { detail: 'unexpected response', limited: null } };
  // A page with a hole would misstate every average over it: refused whole.
  if (page.rejected > 0) return { ok: false, failure: { detail: unreadableSettlementsDetail(page.rejected), limited: null } };
  return { ok: true, settlements: page.events };
}

/**
 * One swap's settlements in the window, oldest first: pages of 400, newest first, the first ending
 * at `to` (or now), each next asking with `after` for what settled before the oldest so far, until a
 * page reaches back to `from`. A page that runs short means the venue has nothing earlier (it keeps
 * three months): covered from the start of time. A page that fails leaves what the pages before it
 * covered, back to their oldest settlement.
 */
export async function fetchOkxSettlements(
  request: HistoryRequest,
  restBase: string,
  instId: string,
  window: SettlementWindow,
  clock: () => number,
): Promise<SettlementFill> {
  const pages: FundingSettlement[][] = [];
  let coveredTo = window.from;
  const stopped = (coveredFrom: number, failure: SettlementFill['failure']): SettlementFill => ({
    settlements: pages.reverse().flat(),
    coveredFrom,
    coveredTo,
    failure,
  });
  /** A failure keeps what the pages so far reach back to: nothing when none answered. */
  const failed = (detail: string, limited: RateLimited | null) => {
    const oldest = pages.at(-1)?.[0]?.time;
    return stopped(oldest === undefined ? coveredTo : oldest - 1, { detail, limited });
  };
  let after = window.to === null ? null : window.to + 1;
  for (let pageNumber = 0; pageNumber < MAX_PAGES; pageNumber++) {
    const answer = readAnswer(await request(fundingHistoryUrl(restBase, instId, after)));
    if (!answer.ok) return failed(answer.failure.detail, answer.failure.limited);
    const page = answer.settlements;
    if (pageNumber === 0) coveredTo = coveredUntil(window, page, clock());
    const oldest = page[0]?.time;
    if (oldest === undefined) return stopped(0, null);
    if (after !== null && oldest >= after) return failed('the venue answered a page it was not asked for', null);
    pages.push(page);
    if (oldest <= window.from) return stopped(oldest - 1, null);
    if (page.length < FUNDING_HISTORY_PAGE) return stopped(0, null);
    after = oldest;
  }
  return failed(`stopped after ${MAX_PAGES} pages`, null);
}
