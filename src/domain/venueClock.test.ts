import { describe, expect, it } from 'vitest';
import { MAX_AGE_MS, MAX_AHEAD_MS, VenueClock } from './venueClock';

/** A venue whose clock is 120 s behind this computer's (the computer is 2 minutes fast). */
const SKEW_MS = -120_000;
const T0 = 1_796_187_974_000;

/** A frame stamped at venue time `venueTime`, arriving after `delayMs` of network. */
function frame(clock: VenueClock, venueTime: number, delayMs: number): void {
  clock.observe(venueTime, venueTime - SKEW_MS + delayMs);
}

describe('VenueClock', () => {
  it('knows nothing before a frame and counts on the local clock meanwhile', () => {
    const clock = new VenueClock();
    expect(clock.offset()).toBeNull();
    expect(clock.now(T0)).toBe(T0);
  });

  it('takes the least-delayed frame as the clock difference', () => {
    const clock = new VenueClock();
    // Lags 120_040, 120_005, 120_300, 120_012: the median (upper) is 120_040, the smallest 120_005.
    frame(clock, T0, 40);
    frame(clock, T0 + 1000, 5);
    frame(clock, T0 + 2000, 300);
    frame(clock, T0 + 3000, 12);
    expect(clock.offset()).toBe(-120_005);
    // Local 12:00:00.000 is venue 11:58:00 less those 5 ms: a countdown is 5 ms long, not 120 s short.
    expect(clock.now(T0 + 120_000)).toBe(T0 - 5);
  });

  it('is not moved by a frame stamped a year ahead, nor by one stamped a day behind', () => {
    const clock = new VenueClock();
    for (const [i, delay] of [20, 8, 30, 15].entries()) frame(clock, T0 + i * 1000, delay);
    expect(clock.offset()).toBe(-120_008);
    clock.observe(T0 + 365 * 86_400_000, T0 + 4000 - SKEW_MS + 10);
    expect(clock.offset()).toBe(-120_008);
    clock.observe(T0 - 86_400_000, T0 + 5000 - SKEW_MS + 10);
    expect(clock.offset()).toBe(-120_008);
  });

  it('is not moved by a frame stamped a few seconds ahead, which is no network delay', () => {
    const clock = new VenueClock();
    for (const [i, delay] of [20, 8, 30].entries()) frame(clock, T0 + i * 1000, delay);
    // Lag 120_000 − 5_000 + 10: 5.01 s below the median lag of 120_020 (the upper of four), so left out.
    clock.observe(T0 + 3000 + 5000, T0 + 3000 - SKEW_MS + 10);
    expect(clock.offset()).toBe(-120_008);
  });

  it('follows the computer set back within three seconds, as three seconds agree on the new lag', () => {
    const clock = new VenueClock();
    for (let i = 0; i < 32; i++) frame(clock, T0 + i * 1000, 10);
    expect(clock.offset()).toBe(-120_010);
    // The computer's clock is stepped back 120 s: from now on frames arrive with a lag of 10 ms.
    for (let i = 32; i < 34; i++) clock.observe(T0 + i * 1000, T0 + i * 1000 + 10);
    expect(clock.offset()).toBe(-120_010);
    clock.observe(T0 + 34 * 1000, T0 + 34 * 1000 + 10);
    expect(clock.offset()).toBe(-10);
  });

  it('follows the computer set forward once fewer than three of the last 32 seconds hold the old lag', () => {
    const clock = new VenueClock();
    for (let i = 0; i < 32; i++) clock.observe(T0 + i * 1000, T0 + i * 1000 + 10);
    // Stepped forward 120 s: lags of 120_010 ms, which only persistence tells from a backlog.
    for (let i = 32; i < 61; i++) frame(clock, T0 + i * 1000, 10);
    expect(clock.offset()).toBe(-10);
    frame(clock, T0 + 61 * 1000, 10);
    expect(clock.offset()).toBe(-120_010);
  });

  it('is not moved by a backlog that waited 3 minutes while the page was frozen, even 3 s after it opened', () => {
    const clock = new VenueClock();
    // Three frames a second for 3 s, 50 ms on the way; then 180 s frozen, and the 540 frames queued meanwhile within 4 s, in order.
    for (let i = 0; i < 9; i++) frame(clock, T0 + i * 333, 50);
    const frozenAt = T0 + 9 * 333;
    for (let i = 0; i < 540; i++) frame(clock, frozenAt + i * 333, 180_000 - i * 333 + 50 + i * 7);
    expect(clock.offset()).toBe(-120_050);
    // A frame of the backlog stamped 2 minutes into the freeze was current then, not when it came.
    expect(clock.onTimeArrival(frozenAt + 120_000)).toBe(frozenAt + 120_000 - SKEW_MS + 50);
    expect(clock.admits(frozenAt + 183_000, frozenAt + 183_000 - SKEW_MS + 50)).toBe(true);
  });

  it('admits events up to MAX_AHEAD_MS ahead of the venue clock and MAX_AGE_MS behind it', () => {
    const clock = new VenueClock();
    frame(clock, T0, 0);
    const localNow = T0 - SKEW_MS;
    expect(clock.now(localNow)).toBe(T0);
    expect(clock.admits(T0, localNow)).toBe(true);
    expect(clock.admits(T0 + MAX_AHEAD_MS, localNow)).toBe(true);
    expect(clock.admits(T0 + MAX_AHEAD_MS + 1, localNow)).toBe(false);
    expect(clock.admits(T0 + 365 * 86_400_000, localNow)).toBe(false);
    expect(clock.admits(T0 - MAX_AGE_MS, localNow)).toBe(true);
    expect(clock.admits(T0 - MAX_AGE_MS - 1, localNow)).toBe(false);
  });

  it('before any frame, windows events around the local clock', () => {
    const clock = new VenueClock();
    expect(clock.admits(T0 + MAX_AHEAD_MS, T0)).toBe(true);
    expect(clock.admits(T0 + MAX_AHEAD_MS + 1, T0)).toBe(false);
  });
});
