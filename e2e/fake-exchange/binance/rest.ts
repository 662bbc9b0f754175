import type { IncomingMessage, ServerResponse } from 'node:http';
import { restRefusal, type ExchangeFaults } from '../core/faults.ts';
import { answerPreflight, requestUrl, sendJson, withholdCors } from '../core/http.ts';
import { RateWindow } from '../core/rateWindow.ts';
import { RequestCounter } from '../core/requestCounter.ts';
import { BINANCE_GEO_BLOCK_BODY } from './geoBlock.ts';
import { IpBan } from './ipBan.ts';
import { BinanceParams } from './params.ts';
import { BinanceApiError, pathNotFound } from './restErrors.ts';

/** One REST endpoint: its request weight (may depend on parameters), any budget it shares with others, and its answer. */
export interface BinanceEndpoint {
  weight(params: BinanceParams): number;
  sharedLimit?: SharedLimit;
  handle(params: BinanceParams): unknown;
}

/** `fundingRate` and `fundingInfo`: "share 500/5min/IP rate limit", counted apart from the request weight. */
export type SharedLimit = 'funding';

interface Limit {
  windowMs: number;
  requests: number;
  /** As the 429's message words it. */
  described: string;
}

const SHARED_LIMITS: Record<SharedLimit, Limit> = {
  funding: { windowMs: 5 * 60_000, requests: 500, described: '500 requests per 5 minutes' },
};

const WEIGHT_LIMIT: Limit = { windowMs: 60_000, requests: 2400, described: '2400 requests per minute' };
const IP = '127.0.0.1';

/**
 * Serves Binance REST: CORS, geo-block, the per-minute request weight budget, the shared limits,
 * the IP ban that repeated 429s earn, and Binance's error shapes around a table of endpoints.
 */
export class BinanceRest {
  private readonly weight = new RateWindow(WEIGHT_LIMIT.windowMs, WEIGHT_LIMIT.requests);
  private readonly shared = Object.fromEntries(
    Object.entries(SHARED_LIMITS).map(([name, limit]) => [name, new RateWindow(limit.windowMs, limit.requests)]),
  ) as Record<SharedLimit, RateWindow>;
  private readonly ban = new IpBan();
  readonly requests: RequestCounter;

  constructor(
    private readonly endpoints: Record<string, BinanceEndpoint>,
    private readonly faults: ExchangeFaults,
    private readonly now: () => number,
  ) {
    this.requests = new RequestCounter(now);
  }

  handle(request: IncomingMessage, response: ServerResponse): void {
    if (this.faults.cors !== 'allowed') withholdCors(response);
    if (answerPreflight(request, response)) return;
    const url = requestUrl(request);
    this.requests.count(url.pathname, response);
    const refused = restRefusal(this.faults);
    if (refused !== null) {
      sendJson(response, refused, BINANCE_GEO_BLOCK_BODY);
      return;
    }
    const endpoint = this.endpoints[url.pathname];
    const now = this.now();
    const bannedUntil = this.ban.activeUntil(now);
    if (bannedUntil !== null) {
      answerBanned(response, bannedUntil, now);
      return;
    }
    try {
      if (!endpoint || request.method !== 'GET') throw pathNotFound(url.pathname, request.method ?? 'GET');
      const params = new BinanceParams(url.searchParams);
      // Both budgets count every request, answered or refused, as the venue counts them.
      const withinWeight = this.weight.spend(now, endpoint.weight(params));
      const withinShared = endpoint.sharedLimit === undefined || this.shared[endpoint.sharedLimit].spend(now, 1);
      const usedHeader = { 'X-MBX-USED-WEIGHT-1M': String(this.weight.usedAt(now)) };
      if (!withinWeight || !withinShared) {
        this.ban.refused(now);
        answerTooMany(response, now, withinWeight ? SHARED_LIMITS[endpoint.sharedLimit!] : WEIGHT_LIMIT, usedHeader);
        return;
      }
      sendJson(response, 200, endpoint.handle(params), usedHeader);
    } catch (error) {
      if (!(error instanceof BinanceApiError)) throw error;
      sendJson(response, error.status, { code: error.code, msg: error.msg });
    }
  }

  resetBudget(): void {
    this.weight.reset();
    for (const window of Object.values(this.shared)) window.reset();
    this.ban.reset();
  }
}

/** 429 `-1003`, `Retry-After` the seconds left in the limit's window. */
function answerTooMany(response: ServerResponse, now: number, limit: Limit, headers: Record<string, string>): void {
  const msg = `Too many requests; current limit of IP(${IP}) is ${limit.described}. Please use the websocket for live updates to avoid polling the API.`;
  sendJson(response, 429, { code: -1003, msg }, { ...headers, 'Retry-After': String(Math.ceil((limit.windowMs - (now % limit.windowMs)) / 1000)) });
}

/** 418 `-1003` in the live host's words (2026), `Retry-After` the seconds left in the ban. */
function answerBanned(response: ServerResponse, until: number, now: number): void {
  const msg = `Way too many requests; IP(${IP}) banned until ${until}. Please use the websocket for live updates to avoid bans.`;
  sendJson(response, 418, { code: -1003, msg }, { 'Retry-After': String(Math.ceil((until - now) / 1000)) });
}
