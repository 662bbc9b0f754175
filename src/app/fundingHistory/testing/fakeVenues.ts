import { IDBFactory } from 'fake-indexeddb';
import 'fake-indexeddb/auto';

const HOUR = 3_600_000;

/** A new, empty IndexedDB for the code under test: two loaders over one stand for two visits. */
export function freshIndexedDb(): IDBFactory {
  const factory = new IDBFactory();
  globalThis.indexedDB = factory;
  return factory;
}

export type FakeReply = { status: number; body: unknown; headers?: Record<string, string> } | 'blocked';

export interface SentRequest {
  at: number;
  url: URL;
}

/** One contract's settlements on its interval grid, up to `now()`: Binance stamps a few ms past the hour. */
export function gridSettlements(intervalHours: number, now: () => number, stampMs = 0): (fromTime: number) => number[] {
  return (fromTime) => {
    const step = intervalHours * HOUR;
    const times: number[] = [];
    for (let time = Math.ceil(fromTime / step) * step; time + stampMs <= now(); time += step) times.push(time + stampMs);
    return times;
  };
}

const rateAt = (time: number) => ((Math.floor(time / HOUR) % 7) - 3) / 100_000;

export interface FakeVenuesOptions {
  now: () => number;
  /** Each contract's interval, by symbol; 8 h when not named. */
  intervalHours?: Record<string, number>;
  /** Answers instead of the venue for the requests it picks (decided when the request arrives). */
  override?: (url: URL, sent: readonly SentRequest[]) => FakeReply | null;
  /** How long each answer takes, on the test's clock. */
  latency?: { ms: number; sleep: (ms: number) => Promise<void> };
}

/**
 * Binance `fundingRate` and OKX `funding-rate-history` as the venues page them, over settlements
 * on each contract's grid from 120 days back, counting every request.
 */
export function fakeVenues(options: FakeVenuesOptions) {
  const sent: SentRequest[] = [];
  const settlements = (symbol: string, stampMs: number) =>
    gridSettlements(options.intervalHours?.[symbol] ?? 8, options.now, stampMs)(options.now() - 120 * 24 * HOUR);
  const binance = (url: URL) => {
    const symbol = url.searchParams.get('symbol') ?? '';
    const start = Number(url.searchParams.get('startTime') ?? 0);
    const end = url.searchParams.has('endTime') ? Number(url.searchParams.get('endTime')) : Number.MAX_SAFE_INTEGER;
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 100), 1000);
    return settlements(symbol, 3)
      .filter((time) => time >= start && time <= end)
      .slice(0, limit)
      .map((time) => ({ symbol, fundingTime: time, fundingRate: rateAt(time).toFixed(8), markPrice: '100.0' }));
  };
  const okx = (url: URL) => {
    const instId = url.searchParams.get('instId') ?? '';
    const after = url.searchParams.get('after');
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 400), 400);
    const data = settlements(instId, 0)
      .filter((time) => after === null || time < Number(after))
      .reverse()
      .slice(0, limit)
      .map((time) => ({ instId, instType: 'SWAP', fundingTime: String(time), fundingRate: String(rateAt(time)), realizedRate: String(rateAt(time)) }));
    return { code: '0', msg: '', data };
  };
  const fetchImpl = (async (input: RequestInfo | URL) => {
    const url = new URL(String(input));
    sent.push({ at: options.now(), url });
    const replaced = options.override?.(url, sent) ?? null;
    if (options.latency) await options.latency.sleep(options.latency.ms);
    if (replaced === 'blocked') throw new TypeError('Failed to fetch');
    if (replaced) return new Response(JSON.stringify(replaced.body), { status: replaced.status, headers: replaced.headers ?? {} });
    const body = url.hostname === 'fapi.test' ? binance(url) : okx(url);
    return new Response(JSON.stringify(body), { status: 200 });
  }) as typeof fetch;
  return {
    fetch: fetchImpl,
    sent,
    to: (hostname: string) => sent.filter((request) => request.url.hostname === hostname),
  };
}

export const TEST_BASES = { binance: 'https://fapi.test', okx: 'https://okx.test' };
