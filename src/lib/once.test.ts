import { describe, expect, it, vi } from 'vitest';
import { Handover, once, refCounted } from './once';

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

  it('a handover takes the next before letting the held one go, so what both hold stays held', () => {
    const users = new Map<string, number>();
    const events: string[] = [];
    const hold = (keys: string[]) => {
      for (const key of keys) users.set(key, (users.get(key) ?? 0) + 1);
      return once(() => {
        for (const key of keys) {
          const left = users.get(key)! - 1;
          users.set(key, left);
          if (left === 0) events.push(`dropped ${key}`);
        }
      });
    };
    const handover = new Handover();
    handover.pass(() => hold(['a', 'b']));
    handover.pass(() => hold(['b', 'c']));
    expect(events).toEqual(['dropped a']);
    handover.release();
    expect(events).toEqual(['dropped a', 'dropped b', 'dropped c']);
    handover.release();
    expect(events).toHaveLength(3);
  });
});
