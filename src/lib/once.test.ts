import { describe, expect, it, vi } from 'vitest';
import { once, refCounted } from './once';

describe('once and refCounted', () => {
  it('runs a release once however often it is called', () => {
    const fn = vi.fn();
    const release = once(fn);
    release();
    release();
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('starts for the first user, stops after the last, and counts a user released twice once', () => {
    const stop = vi.fn();
    const start = vi.fn(() => stop);
    const acquire = refCounted(start);
    const first = acquire();
    const second = acquire();
    expect(start).toHaveBeenCalledTimes(1);
    first();
    first();
    expect(stop).not.toHaveBeenCalled();
    second();
    expect(stop).toHaveBeenCalledTimes(1);
    acquire();
    expect(start).toHaveBeenCalledTimes(2);
  });
});
