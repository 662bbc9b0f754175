import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { realScheduler } from './scheduler';
import { retryRestSourcesNow, startRestSource, type FetchOutcome } from './restSource';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A source whose loads fail until `answer` says otherwise; with no jitter its delays are 30 s, then 60 s. */
function failingSource() {
  const state = { loads: 0, answer: { ok: false, detail: 'blocked by the browser or the network' } as FetchOutcome<string>, values: [] as string[] };
  const stop = startRestSource<string>({
    load: async () => {
      state.loads++;
      return state.answer;
    },
    onValue: (value) => state.values.push(value),
    onState: () => undefined,
    fetch: (() => Promise.reject(new Error('unused'))) as unknown as typeof fetch,
    scheduler: realScheduler,
    random: () => 1,
    backoff: { baseMs: 30_000, capMs: 60_000 },
    refreshMs: null,
  });
  return { state, stop };
}

describe('REST sources and the network coming back', () => {
  it('retries a source that is backing off at once, instead of waiting out its backoff', async () => {
    const { state, stop } = failingSource();
    await vi.advanceTimersByTimeAsync(0);
    expect(state.loads).toBe(1);
    state.answer = { ok: true, value: 'listed' };
    retryRestSourcesNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(state.loads).toBe(2);
    expect(state.values).toEqual(['listed']);
    stop();
  });

  it('leaves sources that are not backing off, and stopped ones, alone', async () => {
    const { state, stop } = failingSource();
    await vi.advanceTimersByTimeAsync(0);
    stop();
    retryRestSourcesNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(state.loads).toBe(1);
  });

  it('starts the backoff over: a failure after the retry waits the first delay again, not a grown one', async () => {
    const { state, stop } = failingSource();
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(state.loads).toBe(2);
    retryRestSourcesNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(state.loads).toBe(3);
    await vi.advanceTimersByTimeAsync(29_999);
    expect(state.loads).toBe(3);
    await vi.advanceTimersByTimeAsync(1);
    expect(state.loads).toBe(4);
    stop();
  });
});

describe('REST sources told to wait', () => {
  it('waits out a rate limit longer than its backoff, and reports when it will retry', async () => {
    const states: (number | null)[] = [];
    let loads = 0;
    const stop = startRestSource<string>({
      load: async () => {
        loads++;
        return { ok: false, detail: 'HTTP 429', retryAfterMs: 60_000 };
      },
      onValue: () => undefined,
      onState: ({ retryAt }) => states.push(retryAt),
      fetch: (() => Promise.reject(new Error('unused'))) as unknown as typeof fetch,
      scheduler: realScheduler,
      random: () => 1,
      backoff: { baseMs: 1_000, capMs: 5_000 },
      refreshMs: null,
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(states.at(-1)).toBe(Date.now() + 60_000);
    await vi.advanceTimersByTimeAsync(59_999);
    expect(loads).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(loads).toBe(2);
    stop();
  });
});
