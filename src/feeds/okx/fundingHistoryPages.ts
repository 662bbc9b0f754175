import { backoffDelay, type BackoffPolicy } from '../../connection/backoff';
import { requestJson, statusDetail, UNREADABLE_DETAIL, type FetchOutcome } from '../../connection/restSource';
import type { RequestPacer } from '../../connection/requestPacer';
import type { Scheduler } from '../../connection/scheduler';
import { completeHistory, shortHistory, unreadableSettlementsDetail, type FundingHistory, type FundingSettlement } from '../../domain/fundingHistory';
import { isRecord } from '../numbers';
import { okxData } from './envelope';
import { fundingHistoryUrl, parseFundingHistory } from './history';

/** OKX's rule for funding-rate-history: 10 requests per 2 s per IP and instrument. */
export const FUNDING_HISTORY_RATE = { requests: 10, windowMs: 2_000 } as const;

const RATE_LIMITED = '50011';
/** After a 50011 a page is asked again this many times before the history is given up as short. */
const RETRIES = 3;
/** Beyond one rate window, a jittered wait: tabs that were limited together do not retry together. */
const RETRY_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 8_000 };
/** 30 days of hourly funding is two pages of 400; this bounds a venue that serves smaller pages. */
const MAX_PAGES = 10;

export interface FundingPagingDeps {
  fetch: typeof fetch;
  scheduler: Scheduler;
  random: () => number;
  /** Shared by every load, so two charts of one swap stay inside its rate rule together. */
  pacer: RequestPacer;
}

type Page = { ok: true; settlements: FundingSettlement[] } | { ok: false; detail: string; rateLimited: boolean };

async function requestPage(fetchImpl: typeof fetch, url: string): Promise<Page> {
  const reply = await requestJson(fetchImpl, url);
  if (!reply.readable) return { ok: false, detail: UNREADABLE_DETAIL, rateLimited: false };
  // The limit answers HTTP 429 on the wire; a 200 carrying 50011 means the same.
  if (reply.status === 429 || (isRecord(reply.body) && reply.body.code === RATE_LIMITED)) {
    return { ok: false, detail: `rate limited by OKX (${RATE_LIMITED})`, rateLimited: true };
  }
  if (reply.status < 200 || reply.status > 299) return { ok: false, detail: statusDetail(reply.status), rateLimited: false };
  const unwrapped = okxData(reply.body);
  if (!unwrapped.ok) return { ok: false, detail: unwrapped.detail, rateLimited: false };
  const page = parseFundingHistory(unwrapped.data);
  if (!page) return { ok: false, detail: 'unexpected response', rateLimited: false };
  if (page.rejected > 0) return { ok: false, detail: unreadableSettlementsDetail(page.rejected), rateLimited: false };
  return { ok: true, settlements: page.events };
}

async function pacedPage(deps: FundingPagingDeps, instId: string, url: string): Promise<Page> {
  for (let attempt = 0; ; attempt++) {
    await deps.pacer.take(`okx:funding-rate-history:${instId}`);
    const page = await requestPage(deps.fetch, url);
    if (page.ok || !page.rateLimited || attempt === RETRIES) return page;
    const wait = FUNDING_HISTORY_RATE.windowMs + backoffDelay(attempt, RETRY_BACKOFF, deps.random);
    await new Promise<void>((resolve) => deps.scheduler.setTimeout(resolve, wait));
  }
}

/**
 * One swap's realised funding over (`from`, `to`]: pages of 400, newest first, each asking with
 * `after` for what settled before the oldest one so far, until a page reaches back past `from`.
 * A page that fails after the first leaves the history short, and it says so and why.
 */
export async function loadOkxFundingHistory(
  deps: FundingPagingDeps,
  restBase: string,
  instId: string,
  from: number,
  to: number,
): Promise<FetchOutcome<FundingHistory>> {
  const settled: FundingSettlement[] = [];
  let after: number | null = null;
  for (let pageNumber = 0; pageNumber < MAX_PAGES; pageNumber++) {
    const page = await pacedPage(deps, instId, fundingHistoryUrl(restBase, instId, after));
    if (!page.ok) {
      return pageNumber === 0 ? { ok: false, detail: page.detail } : { ok: true, value: shortHistory(settled, from, to, { cause: 'failed', detail: page.detail }) };
    }
    const oldest = page.settlements[0]?.time;
    if (oldest === undefined || (after !== null && oldest >= after)) {
      return { ok: true, value: shortHistory(settled, from, to, { cause: 'none-earlier' }) };
    }
    settled.push(...page.settlements);
    if (oldest <= from) return { ok: true, value: completeHistory(settled, from, to) };
    after = oldest;
  }
  return { ok: true, value: shortHistory(settled, from, to, { cause: 'failed', detail: `stopped after ${MAX_PAGES} pages` }) };
}
