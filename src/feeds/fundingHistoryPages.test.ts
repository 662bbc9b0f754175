import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RequestPacer } from '../connection/requestPacer';
import { realScheduler } from '../connection/scheduler';
import { coveredDays } from '../domain/fundingHistory';
import { loadBinanceFundingHistory } from './binance/fundingHistoryPages';
import { FUNDING_HISTORY_RATE, loadOkxFundingHistory, type FundingPagingDeps } from './okx/fundingHistoryPages';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 9, 1, 0, 30);
const FROM = NOW - 30 * DAY;
const LAST_SETTLEMENT = Date.UTC(2026, 9, 1, 0, 0);

/** A venue's settlements every `intervalHours` back `days` from the last one, oldest first. */
function settlementTimes(intervalHours: number, days: number): number[] {
  const count = Math.floor((days * 24) / intervalHours);
  return Array.from({ length: count }, (_, i) => LAST_SETTLEMENT - (count - 1 - i) * intervalHours * HOUR);
}

const rateAt = (time: number) => ((time / HOUR) % 7) / 100_000;

type Reply = { status: number; body: unknown } | 'blocked';

/** OKX funding-rate-history over `times`: newest first, `after` = earlier than, pages capped at `pageCap`. */
function okxVenue(times: number[], options: { pageCap?: number; override?: (call: number, url: URL) => Reply | null } = {}) {
  const calls: { at: number; url: URL }[] = [];
  const fetchImpl = (async (input: RequestInfo | URL) => {
    const url = new URL(String(input));
    calls.push({ at: Date.now(), url });
    const override = options.override?.(calls.length, url) ?? null;
    if (override === 'blocked') throw new TypeError('Failed to fetch');
    if (override) return new Response(JSON.stringify(override.body), { status: override.status });
    const after = url.searchParams.get('after');
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 400), options.pageCap ?? 400);
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
    return new Response(JSON.stringify({ code: '0', msg: '', data }), { status: 200 });
  }) as typeof fetch;
  return { fetchImpl, calls };
}

function deps(fetchImpl: typeof fetch): FundingPagingDeps {
  return { fetch: fetchImpl, scheduler: realScheduler, random: () => 0.5, pacer: new RequestPacer(FUNDING_HISTORY_RATE.requests, FUNDING_HISTORY_RATE.windowMs, realScheduler) };
}

const RATE_LIMITED = { status: 429, body: { msg: 'Too Many Requests', code: '50011' } };

describe('OKX funding history paging', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
  });
  afterEach(() => vi.useRealTimers());

  it('asks 400 a page, pages back with after = the oldest fundingTime, and stops once past the window', async () => {
    const venue = okxVenue(settlementTimes(1, 45));
    const result = await loadOkxFundingHistory(deps(venue.fetchImpl), 'https://okx.test', 'BTC-USDT-SWAP', FROM, NOW);
    const pages = venue.calls.map(({ url }) => `${url.pathname}?${url.searchParams.toString()}`);
    const oldestOfFirst = LAST_SETTLEMENT - 399 * HOUR;
    expect(pages).toEqual([
      '/api/v5/public/funding-rate-history?instId=BTC-USDT-SWAP&limit=400',
      `/api/v5/public/funding-rate-history?instId=BTC-USDT-SWAP&limit=400&after=${oldestOfFirst}`,
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const history = result.value;
    expect(history.shortfall).toBeNull();
    expect(history.coveredFrom).toBe(FROM);
    // Settled in (now − 30 d, now]: 00:00 of 2 September was settled 30 days and 30 minutes ago.
    expect(history.settlements).toHaveLength(720);
    expect(history.settlements[0]).toEqual({ time: LAST_SETTLEMENT - 719 * HOUR, rate: rateAt(LAST_SETTLEMENT - 719 * HOUR) });
    expect(history.settlements.at(-1)).toEqual({ time: LAST_SETTLEMENT, rate: rateAt(LAST_SETTLEMENT) });
  });

  it('a page after the first that stays rate limited leaves the history short, and says how short and why', async () => {
    const venue = okxVenue(settlementTimes(1, 45), { override: (call) => (call >= 2 ? RATE_LIMITED : null) });
    const loading = loadOkxFundingHistory(deps(venue.fetchImpl), 'https://okx.test', 'ETH-USDT-SWAP', FROM, NOW);
    await vi.runAllTimersAsync();
    const result = await loading;
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.shortfall).toEqual({ cause: 'failed', detail: 'rate limited by OKX (50011)' });
    expect(result.value.settlements).toHaveLength(400);
    expect(result.value.coveredFrom).toBe(LAST_SETTLEMENT - 399 * HOUR);
    // 399 hours and 30 minutes: 16 whole days of the 30.
    expect(coveredDays(result.value)).toBe(16);
    // The first page, then the second asked once and again after each of the three backoffs.
    expect(venue.calls).toHaveLength(5);
  });

  it('backs off on 50011 (HTTP 429, or 200 with the code) for at least one rate window, then asks again', async () => {
    const venue = okxVenue(settlementTimes(8, 45), {
      override: (call) => (call === 1 ? RATE_LIMITED : call === 2 ? { status: 200, body: { code: '50011', msg: 'Too Many Requests', data: [] } } : null),
    });
    const loading = loadOkxFundingHistory(deps(venue.fetchImpl), 'https://okx.test', 'BTC-USDT-SWAP', FROM, NOW);
    await vi.runAllTimersAsync();
    const result = await loading;
    expect(result.ok && result.value.shortfall).toBeNull();
    expect(result.ok && result.value.settlements).toHaveLength(90);
    const [first, second, third] = venue.calls.map((call) => call.at);
    // One 2 s window plus the jittered backoff (random 0.5: half of 1 s, then half of 2 s).
    expect(second! - first!).toBe(2_500);
    expect(third! - second!).toBe(3_000);
    expect(venue.calls).toHaveLength(3);
  });

  it('keeps every instrument under 10 requests per 2 s, however many loads share it', async () => {
    // A venue that serves 100 a page: 30 days of hourly funding takes 8 pages, two loads 16 requests.
    const venue = okxVenue(settlementTimes(1, 45), { pageCap: 100 });
    const shared = deps(venue.fetchImpl);
    const loads = Promise.all([
      loadOkxFundingHistory(shared, 'https://okx.test', 'SOL-USDT-SWAP', FROM, NOW),
      loadOkxFundingHistory(shared, 'https://okx.test', 'SOL-USDT-SWAP', FROM, NOW),
    ]);
    await vi.runAllTimersAsync();
    const results = await loads;
    expect(results.every((result) => result.ok && result.value.shortfall === null && result.value.settlements.length === 720)).toBe(true);
    const times = venue.calls.map((call) => call.at);
    expect(times).toHaveLength(16);
    expect(times.slice(0, 10).every((time) => time === NOW)).toBe(true);
    expect(times.slice(10).every((time) => time === NOW + 2_000)).toBe(true);
    for (let i = 10; i < times.length; i++) expect(times[i]! - times[i - 10]!).toBeGreaterThanOrEqual(2_000);
  });

  it('a swap listed 12 days ago has 12 of the 30 days: nothing earlier, not a failure', async () => {
    const venue = okxVenue(settlementTimes(4, 12));
    const result = await loadOkxFundingHistory(deps(venue.fetchImpl), 'https://okx.test', 'NEW-USDT-SWAP', FROM, NOW);
    expect(result.ok && result.value.shortfall).toEqual({ cause: 'none-earlier' });
    expect(result.ok && result.value.settlements).toHaveLength(72);
    expect(result.ok && coveredDays(result.value)).toBe(11);
    expect(venue.calls).toHaveLength(2);
  });

  it('fails when the first page does: blocked by the browser, or an error in the envelope', async () => {
    const blocked = okxVenue([], { override: () => 'blocked' });
    expect(await loadOkxFundingHistory(deps(blocked.fetchImpl), 'https://okx.test', 'BTC-USDT-SWAP', FROM, NOW)).toEqual({
      ok: false,
      detail: 'blocked by the browser or the network',
    });
    const missing = okxVenue([], { override: () => ({ status: 200, body: { code: '51001', msg: "Instrument ID doesn't exist.", data: [] } }) });
    expect(await loadOkxFundingHistory(deps(missing.fetchImpl), 'https://okx.test', 'NOPE-USDT-SWAP', FROM, NOW)).toEqual({
      ok: false,
      detail: "OKX error 51001: Instrument ID doesn't exist.",
    });
  });

  it('refuses a page holding a settlement it cannot read, rather than keep a history with a hole', async () => {
    const unreadable = { fundingTime: String(LAST_SETTLEMENT), realizedRate: 'n/a', fundingRate: '' };
    const venue = okxVenue([], { override: () => ({ status: 200, body: { code: '0', msg: '', data: [unreadable] } }) });
    expect(await loadOkxFundingHistory(deps(venue.fetchImpl), 'https://okx.test', 'BTC-USDT-SWAP', FROM, NOW)).toEqual({
      ok: false,
      detail: '1 settlement in the answer could not be read',
    });
  });
});

/** Binance fundingRate over `times`: oldest first from startTime, at most `limit`. */
function binanceVenue(times: number[], override?: (call: number) => Reply | null) {
  const calls: URL[] = [];
  const fetchImpl = (async (input: RequestInfo | URL) => {
    const url = new URL(String(input));
    calls.push(url);
    const replaced = override?.(calls.length) ?? null;
    if (replaced === 'blocked') throw new TypeError('Failed to fetch');
    if (replaced) return new Response(JSON.stringify(replaced.body), { status: replaced.status });
    const start = Number(url.searchParams.get('startTime'));
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 100), 1000);
    const rows = times
      .filter((time) => time >= start)
      .slice(0, limit)
      .map((time) => ({ symbol: 'BTCUSDT', fundingTime: time, fundingRate: rateAt(time).toFixed(8), markPrice: '100000.00000000' }));
    return new Response(JSON.stringify(rows), { status: 200 });
  }) as typeof fetch;
  return { fetchImpl, calls };
}

describe('Binance funding history', () => {
  it('asks from one 8 h interval before the window, 1000 at most, and is complete when it reaches back past the start', async () => {
    const venue = binanceVenue(settlementTimes(8, 45));
    const result = await loadBinanceFundingHistory(venue.fetchImpl, 'https://fapi.test', 'BTCUSDT', FROM, NOW);
    expect(venue.calls.map((url) => url.search)).toEqual([`?symbol=BTCUSDT&startTime=${FROM - 8 * HOUR}&limit=1000`]);
    expect(result.ok && result.value.shortfall).toBeNull();
    expect(result.ok && result.value.settlements).toHaveLength(90);
    expect(result.ok && result.value.settlements[0]).toEqual({ time: LAST_SETTLEMENT - 89 * 8 * HOUR, rate: rateAt(LAST_SETTLEMENT - 89 * 8 * HOUR) });
  });

  it('a young symbol says how much of the window it covers instead of passing for 30 days', async () => {
    const venue = binanceVenue(settlementTimes(4, 12));
    const result = await loadBinanceFundingHistory(venue.fetchImpl, 'https://fapi.test', 'NEWUSDT', FROM, NOW);
    expect(result.ok && result.value.shortfall).toEqual({ cause: 'none-earlier' });
    expect(result.ok && coveredDays(result.value)).toBe(11);
  });

  it('a full page is followed by the next; a next page that fails fails the load, never a history missing its newest days', async () => {
    // Settlements every 30 minutes: the window holds more than one page of 1000.
    const times = Array.from({ length: 1500 }, (_, i) => FROM - 8 * HOUR + i * 30 * 60_000);
    const paged = binanceVenue(times);
    const result = await loadBinanceFundingHistory(paged.fetchImpl, 'https://fapi.test', 'BTCUSDT', FROM, NOW);
    expect(paged.calls.map((url) => url.searchParams.get('startTime'))).toEqual([String(FROM - 8 * HOUR), String(times[999]! + 1)]);
    expect(result.ok && result.value.settlements.at(-1)!.time).toBe(times.filter((time) => time <= NOW).at(-1));

    const failing = binanceVenue(times, (call) => (call === 2 ? { status: 429, body: { code: -1003, msg: 'Too many requests' } } : null));
    expect(await loadBinanceFundingHistory(failing.fetchImpl, 'https://fapi.test', 'BTCUSDT', FROM, NOW)).toEqual({ ok: false, detail: 'HTTP 429' });
  });

  it('refuses a page holding settlements it cannot read, rather than keep a history with a hole', async () => {
    const unreadable = [{ symbol: 'BTCUSDT', fundingTime: FROM, fundingRate: '' }, { symbol: 'BTCUSDT', fundingTime: 'soon', fundingRate: '0.0001' }];
    const venue = binanceVenue([], () => ({ status: 200, body: unreadable }));
    expect(await loadBinanceFundingHistory(venue.fetchImpl, 'https://fapi.test', 'BTCUSDT', FROM, NOW)).toEqual({
      ok: false,
      detail: '2 settlements in the answer could not be read',
    });
  });
});
