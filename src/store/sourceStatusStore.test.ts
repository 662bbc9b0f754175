import { beforeEach, describe, expect, it } from 'vitest';
import type { SourceStatus } from '../domain/sourceStatus';
import { useSourceStatusStore } from './sourceStatusStore';

const base: Omit<SourceStatus, 'state' | 'detail' | 'retryAt'> = {
  id: 'binance:fundingInfo',
  exchange: 'binance',
  label: 'Binance funding intervals',
  fallback: 'intervals assumed 8 h (marked *)',
};
const report = (status: Pick<SourceStatus, 'state' | 'detail' | 'retryAt'>) => useSourceStatusStore.getState().report({ ...base, ...status });
const current = () => useSourceStatusStore.getState().sources[base.id];

beforeEach(() => useSourceStatusStore.setState({ sources: {} }));

describe('source status', () => {
  it('keeps a failed source failed while its retry is in flight, until the retry answers', () => {
    report({ state: 'loading', detail: null, retryAt: null });
    report({ state: 'failed', detail: 'HTTP 451: unavailable from your region', retryAt: 5_000 });
    report({ state: 'loading', detail: null, retryAt: null });
    expect(current()).toMatchObject({ state: 'failed', detail: 'HTTP 451: unavailable from your region', retryAt: 5_000 });
    report({ state: 'ok', detail: null, retryAt: null });
    expect(current()).toMatchObject({ state: 'ok', detail: null });
    report({ state: 'loading', detail: null, retryAt: null });
    expect(current()?.state).toBe('loading');
  });

  it('applies several reports in order as one change, with the same rule', () => {
    const seen: number[] = [];
    const stop = useSourceStatusStore.subscribe(() => seen.push(1));
    useSourceStatusStore.getState().reportAll([
      { ...base, state: 'failed', detail: 'HTTP 500', retryAt: 5_000 },
      { ...base, state: 'loading', detail: null, retryAt: null },
    ]);
    stop();
    expect(seen).toHaveLength(1);
    expect(current()).toMatchObject({ state: 'failed', detail: 'HTTP 500' });
  });
});
