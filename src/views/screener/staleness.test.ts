import { describe, expect, it } from 'vitest';
import type { PerpRow } from '../../domain/perp';
import { isStale, isStreamSilent } from './staleness';

const T = 1_763_870_000_000;
const quote = (exchange: 'binance' | 'okx', streamedAt: number) => ({ exchange, streamedAt }) as PerpRow;
const none = { binance: false, okx: false };

describe('staleness', () => {
  it("greys a row its stream has not updated within its venue's window", () => {
    expect(isStale(quote('binance', T), T + 5000, none)).toBe(false);
    expect(isStale(quote('binance', T), T + 5001, none)).toBe(true);
    expect(isStale(quote('okx', T), T + 25_000, none)).toBe(false);
    expect(isStale(quote('okx', T), T + 25_001, none)).toBe(true);
  });

  it("greys every row of a venue whose streams are silent at once, however recent, REST-only rows too", () => {
    const silent = { binance: false, okx: true };
    expect(isStale(quote('okx', T), T + 1, silent)).toBe(true);
    expect(isStale(quote('okx', 0), T, silent)).toBe(true);
    expect(isStale(quote('binance', T), T + 1, silent)).toBe(false);
  });

  it('does not grey a row only REST has filled while its streams connect', () => {
    expect(isStale(quote('okx', 0), T, none)).toBe(false);
  });

  it('counts stalled, reconnecting, down and offline links as silent; live, connecting and idle not', () => {
    expect((['stalled', 'reconnecting', 'down', 'offline'] as const).map(isStreamSilent)).toEqual([true, true, true, true]);
    expect((['live', 'connecting', 'idle'] as const).map(isStreamSilent)).toEqual([false, false, false]);
  });
});
