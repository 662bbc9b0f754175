import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createConnectGate } from './connectGate';
import { realScheduler } from './scheduler';

describe('connect gate', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
  });
  afterEach(() => vi.useRealTimers());

  const opened = (gate: ReturnType<typeof createConnectGate>, count: number) => {
    const times: number[] = [];
    for (let i = 0; i < count; i++) gate.acquire(() => times.push(Date.now()));
    return times;
  };

  it('lets a burst up to the limit through at once and holds the rest until the window moves', () => {
    const times = opened(createConnectGate(realScheduler, { sockets: 3, perMs: 1100 }), 7);
    expect(times).toEqual([0, 0, 0]);
    vi.advanceTimersByTime(1099);
    expect(times).toHaveLength(3);
    vi.advanceTimersByTime(1);
    expect(times).toEqual([0, 0, 0, 1100, 1100, 1100]);
    vi.advanceTimersByTime(1100);
    expect(times).toEqual([0, 0, 0, 1100, 1100, 1100, 2200]);
  });

  it('never lets more than the limit through in any window, however requests arrive', () => {
    const gate = createConnectGate(realScheduler, { sockets: 3, perMs: 1000 });
    const times: number[] = [];
    for (let step = 0; step < 40; step++) {
      gate.acquire(() => times.push(Date.now()));
      vi.advanceTimersByTime(137);
    }
    vi.advanceTimersByTime(20_000);
    expect(times).toHaveLength(40);
    for (const start of times) expect(times.filter((at) => at >= start && at < start + 1000).length).toBeLessThanOrEqual(3);
  });

  it('spaces sockets evenly when the limit is one per window', () => {
    expect(opened(createConnectGate(realScheduler, { sockets: 1, perMs: 250 }), 3)).toEqual([0]);
  });

  it('forgets a cancelled request', () => {
    const gate = createConnectGate(realScheduler, { sockets: 1, perMs: 500 });
    const times: string[] = [];
    gate.acquire(() => times.push('first'));
    const cancel = gate.acquire(() => times.push('cancelled'));
    gate.acquire(() => times.push('third'));
    cancel();
    vi.advanceTimersByTime(500);
    expect(times).toEqual(['first', 'third']);
  });
});
