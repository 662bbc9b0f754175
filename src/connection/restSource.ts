import { backoffDelay, type BackoffPolicy } from './backoff';
import type { Scheduler } from './scheduler';

/** A failure may say how long the venue asked to be left alone (a rate limit): the retry waits at least that. */
export type FetchOutcome<T> = { ok: true; value: T } | { ok: false; detail: string; retryAfterMs?: number };

export interface RestSourceOptions<T> {
  load: (fetchImpl: typeof fetch) => Promise<FetchOutcome<T>>;
  onValue: (value: T) => void;
  /** Told when the state changes and at every failure; a refresh that stays ok says nothing, as polled sources refresh often. */
  onState: (state: { state: 'loading' | 'ok' | 'failed'; detail: string | null; retryAt: number | null }) => void;
  fetch: typeof fetch;
  scheduler: Scheduler;
  random: () => number;
  backoff: BackoffPolicy;
  /** Reload this often after a success (null: once); a function decides per value, as a partial value is worth another try. */
  refreshMs: number | null | ((value: T) => number | null);
}

/** This thread's REST sources waiting out a failure's backoff: when the network comes back, waiting longer only hides it. */
const backingOff = new Set<() => void>();

/** The browser is online again: every REST source of this thread that is backing off retries now, its backoff reset. */
export function retryRestSourcesNow(): void {
  for (const retry of [...backingOff]) retry();
}

/** A REST resource fetched once, retried with jittered backoff while it fails, refreshed while it works. */
export function startRestSource<T>(options: RestSourceOptions<T>): () => void {
  const { scheduler } = options;
  let attempt = 0;
  let timer: unknown = null;
  let stopped = false;
  let ok = false;

  const retryNow = (): void => {
    backingOff.delete(retryNow);
    if (timer === null) return;
    scheduler.clearTimeout(timer);
    attempt = 0;
    void run();
  };

  const run = async (): Promise<void> => {
    timer = null;
    backingOff.delete(retryNow);
    if (!ok) options.onState({ state: 'loading', detail: null, retryAt: null });
    const outcome = await options.load(options.fetch).catch(
      (error: unknown): FetchOutcome<T> => ({ ok: false, detail: `network error (${String(error)})` }),
    );
    if (stopped) return;
    if (outcome.ok) {
      attempt = 0;
      options.onValue(outcome.value);
      if (!ok) options.onState({ state: 'ok', detail: null, retryAt: null });
      ok = true;
      const refreshMs = typeof options.refreshMs === 'function' ? options.refreshMs(outcome.value) : options.refreshMs;
      if (refreshMs !== null) timer = scheduler.setTimeout(run, refreshMs);
      return;
    }
    const delay = Math.max(outcome.retryAfterMs ?? 0, backoffDelay(attempt++, options.backoff, options.random));
    ok = false;
    options.onState({ state: 'failed', detail: outcome.detail, retryAt: scheduler.now() + delay });
    timer = scheduler.setTimeout(run, delay);
    backingOff.add(retryNow);
  };

  void run();
  return () => {
    stopped = true;
    backingOff.delete(retryNow);
    if (timer !== null) scheduler.clearTimeout(timer);
  };
}

/** When fetch rejects, a CORS refusal (even of a 451), a DNS failure and a dropped network look alike: claim no HTTP status. */
export const UNREADABLE_DETAIL = 'blocked by the browser or the network';

/**
 * An HTTP answer the page could read (status, the body when it was JSON, and how long `Retry-After`
 * asks to wait when the response exposes it), or none at all.
 */
export type HttpReply = { readable: false } | { readable: true; status: number; body: unknown; retryAfterMs: number | null };

/** `Retry-After` in seconds or as an HTTP date; null when absent, unreadable or hidden by CORS. */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (header === null || header.trim() === '') return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1_000 : null;
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.max(0, date - now) : null;
}

export async function requestJson(fetchImpl: typeof fetch, url: string): Promise<HttpReply> {
  let response: Response;
  try {
    response = await fetchImpl(url, { credentials: 'omit', cache: 'no-store' });
  } catch {
    return { readable: false };
  }
  const body: unknown = await response.json().catch(() => undefined);
  return { readable: true, status: response.status, body, retryAfterMs: retryAfterMs(response.headers.get('Retry-After'), Date.now()) };
}

/** The words for an HTTP error status the page did read. */
export function statusDetail(status: number): string {
  return status === 451 ? 'HTTP 451: unavailable from your region' : `HTTP ${status}`;
}

/** GET a JSON body, turning HTTP and parse failures into a readable detail instead of an exception. */
export async function getJson(fetchImpl: typeof fetch, url: string): Promise<FetchOutcome<unknown>> {
  const reply = await requestJson(fetchImpl, url);
  if (!reply.readable) return { ok: false, detail: UNREADABLE_DETAIL };
  if (reply.status < 200 || reply.status > 299) return { ok: false, detail: statusDetail(reply.status) };
  return reply.body === undefined ? { ok: false, detail: 'response was not JSON' } : { ok: true, value: reply.body };
}
