import { requestJson, statusDetail, UNREADABLE_DETAIL, type FetchOutcome } from '../../connection/restSource';

/** Binance counts request weight per minute: after a 429 the rest of that minute is the least wait. */
const RATE_LIMITED_WAIT_MS = 60_000;

/** A 418 is a ban of 2 minutes to 3 days; its length is in a header (Retry-After) the page may not be let read. */
const BANNED_WAIT_MS = 120_000;

/** The failure a Binance rate-limit status means, with the least wait before asking again; null for any other status. */
export function rateLimited(status: number): { ok: false; detail: string; retryAfterMs: number } | null {
  if (status === 429) return { ok: false, detail: 'HTTP 429: rate limited', retryAfterMs: RATE_LIMITED_WAIT_MS };
  if (status === 418) return { ok: false, detail: 'HTTP 418: IP banned for too many requests', retryAfterMs: BANNED_WAIT_MS };
  return null;
}

/** GET a Binance JSON body as `getJson` does, a 429 or 418 telling the source how long to leave Binance alone. */
export async function getBinanceJson(fetchImpl: typeof fetch, url: string): Promise<FetchOutcome<unknown>> {
  const reply = await requestJson(fetchImpl, url);
  if (!reply.readable) return { ok: false, detail: UNREADABLE_DETAIL };
  const limited = rateLimited(reply.status);
  if (limited) return limited;
  if (reply.status < 200 || reply.status > 299) return { ok: false, detail: statusDetail(reply.status) };
  return reply.body === undefined ? { ok: false, detail: 'response was not JSON' } : { ok: true, value: reply.body };
}
