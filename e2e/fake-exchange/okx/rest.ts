import type { IncomingMessage, ServerResponse } from 'node:http';
import { restRefusal, type ExchangeFaults } from '../core/faults.ts';
import { answerPreflight, requestUrl, sendJson, withholdCors } from '../core/http.ts';
import { RequestCounter } from '../core/requestCounter.ts';
import { okxGeoBlockBody } from './geoBlock.ts';

/** An OKX error: non-"0" code in the envelope, usually with HTTP 200 (400/429 for some). */
export class OkxApiError extends Error {
  constructor(
    readonly code: string,
    readonly msg: string,
    readonly status = 200,
  ) {
    super(msg);
  }
}

/** Over a rate limit OKX answers HTTP 429 with this body, no `data` (as recorded from the live venue). */
const TOO_MANY_REQUESTS = { msg: 'Too Many Requests', code: '50011' };

/** Thrown by an endpoint that refuses a request as over its rate limit. */
export class OkxRateLimited extends Error {}

export const instrumentMissing = () => new OkxApiError('51001', "Instrument ID doesn't exist.");
export const parameterEmpty = (name: string) => new OkxApiError('50014', `Parameter ${name} can not be empty.`);
export const parameterError = (name: string) => new OkxApiError('51000', `Parameter ${name} error`);

export type OkxEndpoint = (query: URLSearchParams) => unknown[];

/** OKX states each public endpoint's limit per 2 s, counted per IP, or per IP and instrument. */
interface RateLimit {
  requests: number;
  perInstrument: boolean;
}

const WINDOW_MS = 2_000;
/** Most market and public endpoints (tickers, candles, mark price, instruments): 20 per 2 s per IP. */
const DEFAULT_LIMIT: RateLimit = { requests: 20, perInstrument: false };
/** The documented ones that differ (docs-v5, 2026). */
const RATE_LIMITS: Record<string, RateLimit> = {
  '/api/v5/public/funding-rate': { requests: 10, perInstrument: true },
  '/api/v5/public/funding-rate-history': { requests: 10, perInstrument: true },
  '/api/v5/public/open-interest': { requests: 20, perInstrument: true },
  '/api/v5/market/books': { requests: 40, perInstrument: false },
};

/** Serves OKX REST: CORS, geo-block, the per-IP request rate and the {code,msg,data} envelope. */
export class OkxRest {
  /** Request times in the last window, per endpoint path (and instrument, where OKX counts so). */
  private readonly recent = new Map<string, number[]>();
  /** Every region's requests together: one venue. */
  readonly requests: RequestCounter;

  constructor(
    private readonly endpoints: Record<string, OkxEndpoint>,
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
      sendJson(response, refused, okxGeoBlockBody(refused));
      return;
    }
    const endpoint = this.endpoints[url.pathname];
    if (!endpoint || request.method !== 'GET') {
      sendJson(response, 404, { msg: '', code: '404' });
      return;
    }
    const now = this.now();
    const limit = RATE_LIMITS[url.pathname] ?? DEFAULT_LIMIT;
    const budgetKey = limit.perInstrument ? `${url.pathname}?${url.searchParams.get('instId') ?? ''}` : url.pathname;
    const recent = (this.recent.get(budgetKey) ?? []).filter((time) => time > now - WINDOW_MS);
    recent.push(now);
    this.recent.set(budgetKey, recent);
    if (recent.length > limit.requests) {
      sendJson(response, 429, TOO_MANY_REQUESTS);
      return;
    }
    try {
      sendJson(response, 200, { code: '0', msg: '', data: endpoint(url.searchParams) });
    } catch (error) {
      if (error instanceof OkxRateLimited) {
        sendJson(response, 429, TOO_MANY_REQUESTS);
        return;
      }
      if (!(error instanceof OkxApiError)) throw error;
      sendJson(response, error.status, { code: error.code, msg: error.msg, data: [] });
    }
  }

  resetBudget(): void {
    this.recent.clear();
  }
}
