import { describe, expect, it } from 'vitest';
import { RequestPacer } from '../connection/requestPacer';
import type { Scheduler } from '../connection/scheduler';
import { storedLedger } from './storedLedger';

function memoryStorage() {
  const items: Record<string, string> = {};
  return { items, getItem: (key: string) => items[key] ?? null, setItem: (key: string, value: string) => void (items[key] = value) };
}

/** A clock that stands still: a pacer that must wait never resolves. */
const stillScheduler = (now: number): Scheduler => ({ now: () => now, setTimeout: () => 0, clearTimeout: () => {} });

async function settledCount(takes: Promise<void>[]): Promise<number> {
  let settled = 0;
  for (const take of takes) void take.then(() => settled++);
  await new Promise((resolve) => setTimeout(resolve, 0));
  return settled;
}

describe('storedLedger', () => {
  it('lets a reloaded page (a new pacer on the same storage) spend only what is left of the window', async () => {
    const storage = memoryStorage();
    const before = new RequestPacer(3, 300_000, stillScheduler(1_000), storedLedger(storage, 'budget'));
    expect(await settledCount([before.take('fundingRate'), before.take('fundingRate')])).toBe(2);
    const afterReload = new RequestPacer(3, 300_000, stillScheduler(2_000), storedLedger(storage, 'budget'));
    expect(await settledCount([afterReload.take('fundingRate'), afterReload.take('fundingRate')])).toBe(1);
    expect(JSON.parse(storage.items['funding-desk.sent.budget.fundingRate']!)).toEqual([1_000, 1_000, 2_000]);
  });

  it('frees what left the window, and reads unreadable storage as nothing sent', async () => {
    const storage = memoryStorage();
    storage.items['funding-desk.sent.budget.fundingRate'] = JSON.stringify([1_000, 1_000, 1_000]);
    const later = new RequestPacer(3, 300_000, stillScheduler(301_001), storedLedger(storage, 'budget'));
    expect(await settledCount([later.take('fundingRate')])).toBe(1);
    storage.items['funding-desk.sent.other.fundingRate'] = '[1, "x"]';
    const garbled = new RequestPacer(1, 300_000, stillScheduler(5_000), storedLedger(storage, 'other'));
    expect(await settledCount([garbled.take('fundingRate')])).toBe(1);
  });

  it("still counts the page's own sends where storage refuses every write", async () => {
    const refusing = { getItem: () => null, setItem: () => { throw new DOMException('full', 'QuotaExceededError'); } };
    const pacer = new RequestPacer(2, 300_000, stillScheduler(1_000), storedLedger(refusing, 'budget'));
    expect(await settledCount([pacer.take('fundingRate'), pacer.take('fundingRate'), pacer.take('fundingRate')])).toBe(2);
  });
});
