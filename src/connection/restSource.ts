import { backoffDelay, type BackoffPolicy } from './backoff';
import type { Scheduler } from './scheduler';

export type FetchOutcome<T> = { ok: true; value: T } | { ok: false; detail: string };

export interface RestSourceOptions<T> {
  load: (fetchImpl: typeof fetch) => Promise<FetchOutcome<T>>;
  onValue: (value: T) => void;
  /**
   * Told when the source's state changes, and at every failure (its detail and retry time). A
   * refresh of a source that is ok says nothing unless it fails: polled sources refresh every
   * second or two, and the page has no use for an ok that has not changed.
   */
  onState: (state: { state: 'loading' | 'ok' | 'failed'; detail: string | null; retryAt: number | null }) => void;
  fetch: typeof fetch;
  scheduler: Scheduler;
  random: () => number;
  backoff: BackoffPolicy;
  /** Reload this often after a success (instrument lists and intervals change, rarely); null loads once. */
  refreshMs: number | null;
}

/** A REST resource fetched once, retried with jittered backoff while it fails, refreshed while it works. */
export function startRestSource<T>(options: RestSourceOptions<T>): () => void {
  const { scheduler } = options;
  let attempt = 0;
  let timer: unknown = null;
  let stopped = false;
  let ok = false;

  const run = async (): Promise<void> => {
    timer = null;
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
      if (options.refreshMs !== null) timer = scheduler.setTimeout(run, options.refreshMs);
      return;
    }
    const delay = backoffDelay(attempt++, options.backoff, options.random);
    ok = false;
    options.onState({ state: 'failed', detail: outcome.detail, retryAt: scheduler.now() + delay });
    timer = scheduler.setTimeout(run, delay);
  };

  void run();
  return () => {
    stopped = true;
    if (timer !== null) scheduler.clearTimeout(timer);
  };
}

/** GET a JSON body, turning HTTP and parse failures into a readable detail instead of an exception. */
export async function getJson(fetchImpl: typeof fetch, url: string): Promise<FetchOutcome<unknown>> {
  let response: Response;
  try {
    response = await fetchImpl(url, { credentials: 'omit', cache: 'no-store' });
  } catch {
    return { ok: false, detail: 'network error or blocked by CORS' };
  }
  if (!response.ok) {
    return { ok: false, detail: response.status === 451 ? 'HTTP 451: unavailable from your region' : `HTTP ${response.status}` };
  }
  try {
    return { ok: true, value: (await response.json()) as unknown };
  } catch {
    return { ok: false, detail: 'response was not JSON' };
  }
}
