import { describe, expect, it } from 'vitest';
import { requestJson } from '../connection/restSource';
import { fetchBinanceSettlements } from './binance/fundingHistoryPages';
import { PUBLISH_LAG_MS, type HistoryRequest } from './fundingHistoryPages';
import { fetchOkxSettlements } from './okx/fundingHistoryPages';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 9, 1, 0, 30);
const LAST_SETTLEMENT = Date.UTC(2026, 9, 1, 0, 0);
const clock = () => NOW;

/** A venue's settlements every `intervalHours` back `days` from the last one, oldest first. */
function settlementTimes(intervalHours: number, days: number): number[] {
  const count = Math.floor((days * 24) / intervalHours);
  return Array.from({ length: count }, (_, i) => LAST_SETTLEMENT - (count - 1 - i) * intervalHours * HOUR);
}

const rateAt = (time: number) => ((time / HOUR) % 7) / 100_000;

type Reply = { status: number; body: unknown; headers?: Record<string, string> } | 'blocked';

/** A fetch over one route, counting what it was asked; `override` answers instead for the calls it picks. */
function venue(route: (url: URL) => unknown, override?: (call: number, url: URL) => Reply | null) {
  const calls: URL[] = [];
  const fetchImpl = (async (input: RequestInfo | URL) => {
    const url = new URL(String(input));
    calls.push(url);
    const replaced = override?.(calls.length, url) ?? null;
    if (replaced === 'blocked') throw new TypeError('Failed to fetch');
    if (replaced) return new Response(JSON.stringify(replaced.body), { status: replaced.status, headers: replaced.headers ?? {} });
    return new Response(JSON.stringify(route(url)), { status: 200 });
  }) as typeof fetch;
  const request: HistoryRequest = (url) => requestJson(fetchImpl, url);
  return { request, calls };
}

/** OKX funding-rate-history over `times`: newest first, `after` = earlier than, 400 at most. */
function okxVenue(times: number[], override?: (call: number, url: URL) => Reply | null) {
  return venue((url) => {
    const after = url.searchParams.get('after');
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 400), 400);
    const data = times
      .filter((time) => after === null || time < Number(after))
      .reverse()
      .slice(0, limit)
      .map((time) => ({
        formulaType: 'withRate',
        fundingRate: String(rateAt(time) + 0.00001),
        fundingTime: String(time),
        instId: url.searchParams.get('instId'),
        instType: 'SWAP',
        method: 'current_period',
        realizedRate: String(rateAt(time)),
      }));
    return { code: '0', msg: '', data };
  }, override);
}

const RATE_LIMITED: Reply = { status: 429, body: { msg: 'Too Many Requests', code: '50011' } };

describe('OKX funding history pages', () => {
  it('asks 400 a page, pages back with after = the oldest fundingTime, and stops once a page reaches back to `from`', async () => {
    const { request, calls } = okxVenue(settlementTimes(1, 100));
    const from = NOW - 30 * DAY;
    const fill = await fetchOkxSettlements(request, 'https://okx.test', 'BTC-USDT-SWAP', { from, to: null }, clock);
    const oldestOfFirst = LAST_SETTLEMENT - 399 * HOUR;
    expect(calls.map((url) => `${url.pathname}?${url.searchParams.toString()}`)).toEqual([
      '/api/v5/public/funding-rate-history?instId=BTC-USDT-SWAP&limit=400',
      `/api/v5/public/funding-rate-history?instId=BTC-USDT-SWAP&limit=400&after=${oldestOfFirst}`,
    ]);
    expect(fill.failure).toBeNull();
    expect(fill.settlements).toHaveLength(800);
    expect(fill.settlements[0]).toEqual({ time: oldestOfFirst - 400 * HOUR, rate: rateAt(oldestOfFirst - 400 * HOUR) });
    expect(fill.settlements.at(-1)).toEqual({ time: LAST_SETTLEMENT, rate: rateAt(LAST_SETTLEMENT) });
    // Down to just before the oldest settlement asked; up to a publishing lag before the answer, later than the newest.
    expect(fill.coveredFrom).toBe(oldestOfFirst - 400 * HOUR - 1);
    expect(fill.coveredTo).toBe(NOW - PUBLISH_LAG_MS);
  });

  it('a top-up (from the newest held, open-ended) is one page, the newest', async () => {
    const { request, calls } = okxVenue(settlementTimes(8, 100));
    const newestHeld = LAST_SETTLEMENT - 16 * HOUR;
    const fill = await fetchOkxSettlements(request, 'https://okx.test', 'BTC-USDT-SWAP', { from: newestHeld, to: null }, clock);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.searchParams.has('after')).toBe(false);
    expect(fill.settlements.filter((settlement) => settlement.time > newestHeld).map((settlement) => settlement.time)).toEqual([
      LAST_SETTLEMENT - 8 * HOUR,
      LAST_SETTLEMENT,
    ]);
    expect(fill.coveredFrom).toBeLessThanOrEqual(newestHeld);
  });

  it('what lies before the held span is asked with after = its start + 1, and reaches back to `from`', async () => {
    const { request, calls } = okxVenue(settlementTimes(8, 100));
    const heldFrom = LAST_SETTLEMENT - 10 * DAY - 1;
    const fill = await fetchOkxSettlements(request, 'https://okx.test', 'BTC-USDT-SWAP', { from: NOW - 30 * DAY, to: heldFrom }, clock);
    expect(calls.map((url) => url.searchParams.get('after'))).toEqual([String(heldFrom + 1)]);
    expect(fill.coveredTo).toBe(heldFrom);
    expect(fill.settlements.at(-1)!.time).toBe(LAST_SETTLEMENT - 10 * DAY - 8 * HOUR);
    expect(fill.coveredFrom).toBeLessThanOrEqual(NOW - 30 * DAY);
  });

  it('a short page means nothing settled earlier: covered from the start of time', async () => {
    const { request, calls } = okxVenue(settlementTimes(4, 12));
    const fill = await fetchOkxSettlements(request, 'https://okx.test', 'NEW-USDT-SWAP', { from: NOW - 90 * DAY, to: null }, clock);
    expect(calls).toHaveLength(1);
    expect(fill).toMatchObject({ coveredFrom: 0, failure: null });
    expect(fill.settlements).toHaveLength(72);
  });

  it('a page after the first rate limited (HTTP 429 with or without 50011, or 200 with it) keeps what the pages before it reach', async () => {
    const limits: Reply[] = [RATE_LIMITED, { status: 429, body: 'Too Many Requests' }, { status: 200, body: { code: '50011', msg: 'Too Many Requests', data: [] } }];
    for (const limit of limits) {
      const { request } = okxVenue(settlementTimes(1, 100), (call) => (call >= 2 ? limit : null));
      const fill = await fetchOkxSettlements(request, 'https://okx.test', 'ETH-USDT-SWAP', { from: NOW - 30 * DAY, to: null }, clock);
      expect(fill.failure).toEqual({ detail: 'rate limited by OKX (50011)', limited: { detail: 'rate limited by OKX (50011)', retryAfterMs: null } });
      expect(fill.settlements).toHaveLength(400);
      expect(fill.coveredFrom).toBe(LAST_SETTLEMENT - 399 * HOUR - 1);
      expect(fill.coveredTo).toBe(NOW - PUBLISH_LAG_MS);
    }
  });

  it('a first page that fails covers nothing and says why: blocked, an envelope error, an unreadable settlement', async () => {
    const cases: [Reply, string][] = [
      ['blocked', 'blocked by the browser or the network'],
      [{ status: 200, body: { code: '51001', msg: "Instrument ID doesn't exist.", data: [] } }, "OKX error 51001: Instrument ID doesn't exist."],
      [{ status: 200, body: { code: '0', msg: '', data: [{ fundingTime: String(LAST_SETTLEMENT), realizedRate: 'n/a', fundingRate: '' }] } }, '1 settlement in the answer could not be read'],
    ];
    for (const [reply, detail] of cases) {
      const { request } = okxVenue([], () => reply);
      const fill = await fetchOkxSettlements(request, 'https://okx.test', 'BTC-USDT-SWAP', { from: NOW - 30 * DAY, to: null }, clock);
      expect(fill).toEqual({ settlements: [], coveredFrom: NOW - 30 * DAY, coveredTo: NOW - 30 * DAY, failure: { detail, limited: null } });
    }
  });
});

/** Binance fundingRate over `times`: oldest first from startTime up to endTime, at most `limit`. */
function binanceVenue(times: number[], override?: (call: number, url: URL) => Reply | null) {
  return venue((url) => {
    const start = Number(url.searchParams.get('startTime'));
    const end = url.searchParams.has('endTime') ? Number(url.searchParams.get('endTime')) : Number.MAX_SAFE_INTEGER;
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 100), 1000);
    return times
      .filter((time) => time >= start && time <= end)
      .slice(0, limit)
      .map((time) => ({ symbol: 'BTCUSDT', fundingTime: time, fundingRate: rateAt(time).toFixed(8), markPrice: '100000.00000000' }));
  }, override);
}

describe('Binance funding history pages', () => {
  it('asks 1000 from just after `from`, up to now, and covers up to a publishing lag before the answer', async () => {
    const { request, calls } = binanceVenue(settlementTimes(8, 100));
    const from = NOW - 90 * DAY;
    const fill = await fetchBinanceSettlements(request, 'https://fapi.test', 'BTCUSDT', { from, to: null }, clock);
    expect(calls.map((url) => url.search)).toEqual([`?symbol=BTCUSDT&startTime=${from + 1}&limit=1000`]);
    expect(fill).toMatchObject({ coveredFrom: from, coveredTo: NOW - PUBLISH_LAG_MS, failure: null });
    expect(fill.settlements).toHaveLength(270);
  });

  it('a window with an end asks endTime; a full page is followed by the next from just after its newest', async () => {
    // Settlements every 30 minutes: the window holds more than one page of 1000.
    const times = Array.from({ length: 1500 }, (_, i) => NOW - 40 * DAY + i * 30 * 60_000);
    const { request, calls } = binanceVenue(times);
    const to = times[1400]!;
    const fill = await fetchBinanceSettlements(request, 'https://fapi.test', 'BTCUSDT', { from: NOW - 41 * DAY, to }, clock);
    expect(calls.map((url) => [url.searchParams.get('startTime'), url.searchParams.get('endTime')])).toEqual([
      [String(NOW - 41 * DAY + 1), String(to)],
      [String(times[999]! + 1), String(to)],
    ]);
    expect(fill.settlements).toHaveLength(1401);
    expect(fill.coveredTo).toBe(to);
  });

  it('a later page rate limited keeps the earlier pages, covered up to their newest, and says how long Binance asks to wait', async () => {
    const times = Array.from({ length: 1500 }, (_, i) => NOW - 40 * DAY + i * 30 * 60_000);
    const limit: Reply = { status: 429, body: { code: -1003, msg: 'Too many requests' }, headers: { 'Retry-After': '42' } };
    const { request } = binanceVenue(times, (call) => (call === 2 ? limit : null));
    const fill = await fetchBinanceSettlements(request, 'https://fapi.test', 'BTCUSDT', { from: NOW - 41 * DAY, to: null }, clock);
    expect(fill.failure).toEqual({ detail: 'rate limited by Binance (HTTP 429)', limited: { detail: 'rate limited by Binance (HTTP 429)', retryAfterMs: 42_000 } });
    expect(fill.settlements).toHaveLength(1000);
    expect(fill.coveredTo).toBe(times[999]);
  });

  it('a 418 waits out the ban its message names when no Retry-After can be read', async () => {
    const until = NOW + 120_000;
    const ban: Reply = { status: 418, body: { code: -1003, msg: `Way too many requests; IP(1.2.3.4) banned until ${until}. Please use the websocket for live updates to avoid bans.` } };
    const { request } = binanceVenue([], () => ban);
    const fill = await fetchBinanceSettlements(request, 'https://fapi.test', 'BTCUSDT', { from: NOW - DAY, to: null }, clock);
    expect(fill.failure).toEqual({
      detail: 'banned by Binance for too many requests (HTTP 418)',
      limited: { detail: 'banned by Binance for too many requests (HTTP 418)', retryAfterMs: 120_000 },
    });
    expect(fill.coveredTo).toBe(fill.coveredFrom);
  });

  it('refuses a page holding settlements it cannot read, rather than keep a history with a hole', async () => {
    const unreadable = [{ symbol: 'BTCUSDT', fundingTime: NOW - DAY, fundingRate: '' }, { symbol: 'BTCUSDT', fundingTime: 'soon', fundingRate: '0.0001' }];
    const { request } = binanceVenue([], () => ({ status: 200, body: unreadable }));
    const fill = await fetchBinanceSettlements(request, 'https://fapi.test', 'BTCUSDT', { from: NOW - 2 * DAY, to: null }, clock);
    expect(fill.failure).toEqual({ detail: '2 settlements in the answer could not be read', limited: null });
    expect(fill.settlements).toEqual([]);
  });
});
