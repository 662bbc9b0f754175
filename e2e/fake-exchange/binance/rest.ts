import type { IncomingMessage, ServerResponse } from 'node:http';
import { restRefusal, type ExchangeFaults } from '../core/faults.ts';
import { answerPreflight, requestUrl, sendJson, withholdCors } from '../core/http.ts';
import { RateWindow } from '../core/rateWindow.ts';
import { RequestCounter } from '../core/requestCounter.ts';
import { BINANCE_GEO_BLOCK_BODY } from './geoBlock.ts';
import { BinanceParams } from './params.ts';
import { BinanceApiError, pathNotFound } from './restErrors.ts';

/** One REST endpoint: its request weight (may depend on parameters) and its answer. */
export interface BinanceEndpoint {
  weight(params: BinanceParams): number;
  handle(params: BinanceParams): unknown;
}

const WEIGHT_LIMIT_PER_MINUTE = 2400;

/**
 * Serves Binance REST: CORS, geo-block, the per-minute request weight budget and Binance's
 * error shapes around a table of endpoints.
 */
export class BinanceRest {
  private readonly weight = new RateWindow(60_000, WEIGHT_LIMIT_PER_MINUTE);
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
    this.requests.count(url.pathname);
    const refused = restRefusal(this.faults);
    if (refused !== null) {
      sendJson(response, refused, BINANCE_GEO_BLOCK_BODY);
      return;
    }
    const endpoint = this.endpoints[url.pathname];
    try {
      if (!endpoint || request.method !== 'GET') throw pathNotFound(url.pathname, request.method ?? 'GET');
      const params = new BinanceParams(url.searchParams);
      const now = this.now();
      const withinBudget = this.weight.spend(now, endpoint.weight(params));
      const usedHeader = { 'X-MBX-USED-WEIGHT-1M': String(this.weight.usedAt(now)) };
      if (!withinBudget) {
        const msg = `Too many requests; current limit of IP(127.0.0.1) is ${WEIGHT_LIMIT_PER_MINUTE} requests per minute. Please use the websocket for live updates to avoid polling the API.`;
        sendJson(response, 429, { code: -1003, msg }, { ...usedHeader, 'Retry-After': String(Math.ceil((60_000 - (now % 60_000)) / 1000)) });
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
  }
}
