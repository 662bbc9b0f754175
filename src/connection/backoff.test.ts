import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';

const policy = { baseMs: 500, capMs: 30_000 };

describe('backoffDelay (full jitter)', () => {
  it('draws from a window that doubles per attempt', () => {
    expect(backoffDelay(0, policy, () => 0.999)).toBe(499);
    expect(backoffDelay(3, policy, () => 0.999)).toBe(3996);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(2000);
  });

  it('never exceeds the cap, however many attempts', () => {
    expect(backoffDelay(50, policy, () => 0.999999)).toBeLessThan(30_000);
    expect(backoffDelay(1000, policy, () => 0.999999)).toBeLessThan(30_000);
  });

  it('never returns a tight-loop delay, even on a zero draw', () => {
    expect(backoffDelay(0, policy, () => 0)).toBe(50);
    expect(backoffDelay(10, policy, () => 0)).toBe(50);
  });
});
