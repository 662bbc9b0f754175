import { requestJson, statusDetail, UNREADABLE_DETAIL, type FetchOutcome } from '../../connection/restSource';
import { isRecord } from '../numbers';

/** OKX's code for a request over its rate limit (sent with HTTP 429, or in a 200's envelope). */
const RATE_LIMITED = '50011';

/** OKX's limits count requests per 2 s: a rate-limited poll waits at least that window out. */
const RATE_WINDOW_MS = 2_000;

/** GET an OKX JSON body as `getJson` does, a rate limit (429 or 50011) telling the source to wait a window out. */
export async function getOkxJson(fetchImpl: typeof fetch, url: string): Promise<FetchOutcome<unknown>> {
  const reply = await requestJson(fetchImpl, url);
  if (!reply.readable) return { ok: false, detail: UNREADABLE_DETAIL };
  if (reply.status === 429 || (isRecord(reply.body) && reply.body.code === RATE_LIMITED)) {
    return { ok: false, detail: `rate limited by OKX (${RATE_LIMITED})`, retryAfterMs: RATE_WINDOW_MS };
  }
  if (reply.status < 200 || reply.status > 299) return { ok: false, detail: statusDetail(reply.status) };
  return reply.body === undefined ? { ok: false, detail: 'response was not JSON' } : { ok: true, value: reply.body };
}
