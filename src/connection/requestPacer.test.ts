import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RequestPacer } from './requestPacer';
import { realScheduler } from './scheduler';

describe('RequestPacer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
  });
  afterEach(() => vi.useRealTimers());

  it('lets 10 go at once, holds the 11th until the first is 2 s old, and keeps keys apart', async () => {
    const pacer = new RequestPacer(10, 2_000, realScheduler);
    const sent: Record<'a' | 'b', number[]> = { a: [], b: [] };
    const take = (key: 'a' | 'b') => pacer.take(key).then(() => sent[key].push(Date.now()));
    await vi.advanceTimersByTimeAsync(700);
    const first = Array.from({ length: 12 }, () => take('a'));
    await vi.advanceTimersByTimeAsync(0);
    expect(sent.a).toEqual(Array(10).fill(700));
    await take('b');
    expect(sent.b).toEqual([700]);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(sent.a).toHaveLength(10);
    await vi.advanceTimersByTimeAsync(1);
    await Promise.all(first);
    expect(sent.a.slice(10)).toEqual([2_700, 2_700]);
  });
});
