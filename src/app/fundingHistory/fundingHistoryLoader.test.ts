import { memoryLedger, type SentLedger } from '../../connection/requestPacer';
import { beforeEach, describe, expect, it } from 'vitest';
import { COIN_MARGINED_HISTORY_REFUSAL } from '../../feeds/binance/fundingHistoryPages';
import { createFundingHistoryStore, loadedPairs, refusedPairs } from '../../store/fundingHistoryStore';
import { FundingHistoryLoader, type HistoryContract } from './fundingHistoryLoader';
import { BINANCE_HISTORY_BUDGET } from './historyBudget';
import { openSettlementCache } from './settlementCache';
import { NO_HINT, windowHistory, type FundingHint } from './spans';
import { fakeVenues, freshIndexedDb, TEST_BASES, type FakeVenuesOptions, type SentRequest } from './testing/fakeVenues';
import { ManualScheduler } from './testing/manualScheduler';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** 09:00 UTC: an hour after the 08:00 settlement of 8 h contracts. */
const NOW = Date.UTC(2026, 10, 12, 9, 0);

interface Setup {
  now?: number;
  hints?: Record<string, FundingHint>;
  venue?: Omit<FakeVenuesOptions, 'now' | 'latency'>;
  /** How long each answer takes. */
  latencyMs?: number;
  /** Shared by two loaders: a page and its reload. */
  binanceBudgetLedger?: SentLedger;
}

function start(setup: Setup = {}) {
  const scheduler = new ManualScheduler(setup.now ?? NOW);
  const sleep = (ms: number) => new Promise<void>((resolve) => scheduler.setTimeout(resolve, ms));
  const latency = setup.latencyMs === undefined ? undefined : { ms: setup.latencyMs, sleep };
  const venues = fakeVenues({ now: () => scheduler.now(), latency, ...setup.venue });
  const store = createFundingHistoryStore();
  const loader = new FundingHistoryLoader({
    store,
    openCache: openSettlementCache,
    fetch: venues.fetch,
    scheduler,
    random: () => 0.5,
    restBases: () => TEST_BASES,
    hintOf: (key) => setup.hints?.[key] ?? NO_HINT,
    binanceBudgetLedger: setup.binanceBudgetLedger,
  });
  return { scheduler, venues, store, loader };
}

const binance = (symbol: string): HistoryContract => ({ exchange: 'binance', symbol });
const okx = (symbol: string): HistoryContract => ({ exchange: 'okx', symbol });
const param = (request: SentRequest, name: string) => request.url.searchParams.get(name);

/** The most requests any window of `windowMs` held. */
function busiestWindow(times: readonly number[], windowMs: number): number {
  let busiest = 0;
  for (let i = 0; i < times.length; i++) busiest = Math.max(busiest, times.filter((time) => time >= times[i]! && time < times[i]! + windowMs).length);
  return busiest;
}

describe('the funding history loader', () => {
  beforeEach(() => {
    freshIndexedDb();
  });

  it('loads what is asked: Binance one page from 90 days back, OKX pages of 400 back past 90 days, each then loaded', async () => {
    const { scheduler, venues, store, loader } = start({ venue: { intervalHours: { 'BTC-USDT-SWAP': 1 } } });
    loader.want([binance('BTCUSDT'), okx('BTC-USDT-SWAP')]);
    expect(store.getState().contracts['binance:BTCUSDT']?.status).toBe('loading');
    await scheduler.advance(SECOND);

    const asked = venues.to('fapi.test');
    expect(asked).toHaveLength(1);
    expect(param(asked[0]!, 'startTime')).toBe(String(NOW - 90 * DAY + 1));
    expect(param(asked[0]!, 'limit')).toBe('1000');
    // 90 days of hourly funding are 2,160 settlements: five full pages of 400 and a sixth that reaches back.
    expect(venues.to('okx.test').map((request) => param(request, 'after'))).toHaveLength(6);

    const { contracts, totals } = store.getState();
    expect(totals).toEqual({ contracts: 2, loaded: 2, loading: 0, queued: 0, failed: 0, refused: 0 });
    expect(contracts['binance:BTCUSDT']!.span!.settlements).toHaveLength(270);
    expect(contracts['okx:BTC-USDT-SWAP']!.span!.settlements.length).toBeGreaterThanOrEqual(2160);
    expect(contracts['okx:BTC-USDT-SWAP']!.span!.coveredFrom).toBeLessThanOrEqual(NOW - 90 * DAY);
  });

  it('tops up after a settlement, asking only from where the cache ends, after the newest cached settlement', async () => {
    const hint = { nextFundingTime: Date.UTC(2026, 10, 12, 16, 0), intervalHours: 8 };
    const { scheduler, venues, store, loader } = start({ hints: { 'binance:ETHUSDT': hint } });
    loader.want([binance('ETHUSDT')]);
    await scheduler.advance(SECOND);
    const held = store.getState().contracts['binance:ETHUSDT']!.span!;
    const newestHeld = held.settlements.at(-1)!.time;
    expect(venues.sent).toHaveLength(1);

    // Nothing is due before 16:00: the sweeps ask nothing.
    await scheduler.advance(Date.UTC(2026, 10, 12, 16, 0) - scheduler.now() - SECOND);
    expect(venues.sent).toHaveLength(1);

    // The row moves on at 16:00; the venue is asked once it has had a moment to publish the settlement.
    hint.nextFundingTime = Date.UTC(2026, 10, 13, 0, 0);
    await scheduler.advance(10 * SECOND);
    expect(venues.sent).toHaveLength(1);
    await scheduler.advance(20 * SECOND);
    expect(venues.sent).toHaveLength(2);
    const topUp = venues.sent[1]!;
    expect(Number(param(topUp, 'startTime'))).toBe(held.coveredTo + 1);
    expect(Number(param(topUp, 'startTime'))).toBeGreaterThan(newestHeld);
    expect(param(topUp, 'endTime')).toBeNull();
    const after = store.getState().contracts['binance:ETHUSDT']!;
    expect(after.status).toBe('loaded');
    expect(after.span!.settlements.length).toBe(held.settlements.length + 1);
    expect(after.span!.settlements.at(-1)!.time).toBe(Date.UTC(2026, 10, 12, 16, 0) + 3);

    // The due settlement is held: nothing more is asked until the next one.
    await scheduler.advance(HOUR);
    expect(venues.sent).toHaveLength(2);
  });

  it('without a row, a top-up is due one interval after the newest settlement; OKX asks its newest page only', async () => {
    const { scheduler, venues, loader } = start();
    loader.want([okx('ETH-USDT-SWAP')]);
    await scheduler.advance(SECOND);
    const loaded = venues.sent.length;
    await scheduler.advance(Date.UTC(2026, 10, 12, 16, 0) - scheduler.now() + 30 * SECOND);
    const topUps = venues.sent.slice(loaded);
    expect(topUps).toHaveLength(1);
    expect(param(topUps[0]!, 'after')).toBeNull();
  });

  it('a reload (a new loader over the same IndexedDB) asks the venue nothing for the contracts it covers', async () => {
    const contracts = [binance('BTCUSDT'), binance('SOLUSDT'), okx('BTC-USDT-SWAP')];
    const first = start();
    first.loader.want(contracts);
    await first.scheduler.advance(SECOND);
    expect(first.venues.sent.length).toBeGreaterThanOrEqual(3);
    const loadedSpans = contracts.map((contract) => first.store.getState().contracts[`${contract.exchange}:${contract.symbol}`]!.span);

    const reload = start({ now: NOW + 10 * MINUTE });
    reload.loader.want(contracts);
    await reload.scheduler.advance(10 * SECOND);
    expect(reload.venues.sent).toEqual([]);
    expect(reload.store.getState().totals).toMatchObject({ contracts: 3, loaded: 3 });
    expect(contracts.map((contract) => reload.store.getState().contracts[`${contract.exchange}:${contract.symbol}`]!.span)).toEqual(loadedSpans);
  });

  it('a reload after a settlement asks each contract only for what settled since', async () => {
    const contracts = [binance('BTCUSDT'), okx('BTC-USDT-SWAP')];
    const first = start();
    first.loader.want(contracts);
    await first.scheduler.advance(SECOND);

    const reload = start({ now: Date.UTC(2026, 10, 12, 16, 30) });
    reload.loader.want(contracts);
    await reload.scheduler.advance(SECOND);
    expect(reload.venues.sent).toHaveLength(2);
    const [binanceTopUp] = reload.venues.to('fapi.test');
    expect(Number(param(binanceTopUp!, 'startTime'))).toBeGreaterThan(Date.UTC(2026, 10, 12, 8, 0));
    expect(reload.store.getState().contracts['binance:BTCUSDT']!.span!.settlements.at(-1)!.time).toBe(Date.UTC(2026, 10, 12, 16, 0) + 3);
  });

  it('never asks Binance more than its budget in any 5 minutes, however many contracts and settlements fall due', async () => {
    // 15:58: every contract's 16:00 settlement falls due while the first ones are still loading.
    const symbols = Array.from({ length: 600 }, (_, i) => `C${i}USDT`);
    const { scheduler, venues, store, loader } = start({ now: Date.UTC(2026, 10, 12, 15, 58) });
    loader.want(symbols.map(binance));
    for (let minute = 0; minute < 20; minute++) await scheduler.advance(MINUTE);

    const times = venues.sent.map((request) => request.at);
    expect(busiestWindow(times, BINANCE_HISTORY_BUDGET.windowMs)).toBe(BINANCE_HISTORY_BUDGET.requests);
    // All 600 loaded in windows of 300, the first ones topped up after 16:00 within the same budget.
    expect(store.getState().totals).toMatchObject({ contracts: 600, loaded: 600 });
    expect(times.filter((time) => time < Date.UTC(2026, 10, 12, 16, 3))).toHaveLength(300);
  });

  it("a reload inside Binance's 5 minutes spends only what the page before it left of the budget", async () => {
    const ledger = memoryLedger();
    const symbols = Array.from({ length: 400 }, (_, i) => `C${i}USDT`);
    const first = start({ binanceBudgetLedger: ledger });
    first.loader.want(symbols.slice(0, 250).map(binance));
    await first.scheduler.advance(MINUTE);
    expect(first.venues.sent).toHaveLength(250);

    const reload = start({ now: NOW + MINUTE, binanceBudgetLedger: ledger });
    reload.loader.want(symbols.slice(250).map(binance));
    await reload.scheduler.advance(MINUTE);
    expect(reload.venues.sent).toHaveLength(BINANCE_HISTORY_BUDGET.requests - 250);
    await reload.scheduler.advance(4 * MINUTE);
    expect(reload.venues.sent).toHaveLength(150);
  });

  it('on a 429 pauses the Binance queue as long as Retry-After asks, names the limit, sends one request first, then resumes', async () => {
    let limitedUntil = 0;
    const { scheduler, venues, store, loader } = start({
      latencyMs: 100,
      venue: {
        override: (url, sent) => {
          if (url.hostname !== 'fapi.test') return null;
          if (sent.length === 3) limitedUntil = scheduler.now() + 30 * SECOND;
          return scheduler.now() < limitedUntil ? { status: 429, body: { code: -1003, msg: 'Too many requests' }, headers: { 'Retry-After': '30' } } : null;
        },
      },
    });
    const contracts = Array.from({ length: 8 }, (_, i) => binance(`P${i}USDT`));
    loader.want(contracts);
    await scheduler.advance(SECOND);
    // Four went at once; the third was refused, and its answer paused the queue. Two more had gone
    // when the first two answered: refused too, each asks its 30 s from its own answer.
    const firstRefusal = venues.sent[2]!.at + 100;
    const during = store.getState();
    const pause = during.pauses.binance!;
    expect(pause).toEqual({ until: firstRefusal + 100 + 30 * SECOND, detail: 'rate limited by Binance (HTTP 429)' });
    const hit = during.contracts['binance:P2USDT']!;
    expect(hit).toMatchObject({ status: 'failed', detail: 'rate limited by Binance (HTTP 429)', span: null });
    expect(hit.retryAt).toBeGreaterThanOrEqual(firstRefusal + 30 * SECOND);
    expect(during.totals.loaded).toBeLessThan(8);

    await scheduler.advance(pause.until - scheduler.now() - 1);
    expect(venues.sent.filter((request) => request.at > firstRefusal + 100)).toEqual([]);

    await scheduler.advance(MINUTE);
    const resumed = venues.sent.filter((request) => request.at > firstRefusal + 100).map((request) => request.at);
    // One request first; the others only once it was answered.
    expect(resumed.slice(0, 2)).toEqual([pause.until, pause.until + 100]);
    expect(store.getState().pauses.binance).toBeNull();
    expect(store.getState().totals).toMatchObject({ contracts: 8, loaded: 8, failed: 0 });
  });

  it('while Binance keeps answering 429 without Retry-After, the pauses grow: a handful of requests a minute, never a burst', async () => {
    const { scheduler, venues, store, loader } = start({
      venue: { override: (url) => (url.hostname === 'fapi.test' ? { status: 429, body: { code: -1003, msg: 'Too many requests' } } : null) },
    });
    loader.want(Array.from({ length: 20 }, (_, i) => binance(`Q${i}USDT`)));
    await scheduler.advance(3 * MINUTE);
    const times = venues.sent.map((request) => request.at);
    // The first answers, then one probe per pause: 10 s, 10 s, 20 s, 40 s, 80 s (jitter at its middle, at least 10 s).
    const probes = [...new Set(times)];
    expect(probes.slice(1).map((time, i) => time - probes[i]!)).toEqual([10 * SECOND, 10 * SECOND, 20 * SECOND, 40 * SECOND, 80 * SECOND]);
    expect(busiestWindow(times, MINUTE)).toBeLessThanOrEqual(10);
    expect(store.getState().totals).toMatchObject({ loaded: 0, contracts: 20 });
    expect(store.getState().contracts['binance:Q0USDT']!.detail).toBe('rate limited by Binance (HTTP 429)');
  });

  it('on a 418 waits out the ban its message names', async () => {
    const bannedUntil = NOW + 5 * MINUTE;
    const { scheduler, venues, store, loader } = start({
      venue: {
        override: (url) =>
          url.hostname === 'fapi.test' && scheduler.now() < bannedUntil
            ? { status: 418, body: { code: -1003, msg: `Way too many requests; IP(1.2.3.4) banned until ${bannedUntil}. Please use the websocket for live updates to avoid bans.` } }
            : null,
      },
    });
    loader.want([binance('BTCUSDT'), binance('ETHUSDT')]);
    await scheduler.advance(SECOND);
    expect(store.getState().pauses.binance).toEqual({ until: bannedUntil, detail: 'banned by Binance for too many requests (HTTP 418)' });
    await scheduler.advance(5 * MINUTE);
    expect(venues.sent.filter((request) => request.at > NOW && request.at < bannedUntil)).toEqual([]);
    expect(store.getState().totals).toMatchObject({ loaded: 2 });
  });

  it('on OKX 50011 pauses the OKX queue only, and a history cut short by it keeps its pages and says why', async () => {
    const { scheduler, venues, store, loader } = start({
      venue: {
        intervalHours: { 'DOGE-USDT-SWAP': 1 },
        override: (url) => (url.hostname === 'okx.test' && url.searchParams.has('after') ? { status: 429, body: { code: '50011', msg: 'Too Many Requests' } } : null),
      },
    });
    loader.want([okx('DOGE-USDT-SWAP'), binance('BTCUSDT')]);
    await scheduler.advance(SECOND);
    const state = store.getState();
    expect(state.pauses).toEqual({ binance: null, okx: { until: expect.any(Number), detail: 'rate limited by OKX (50011)' } });
    expect(state.pauses.okx!.until - venues.to('okx.test')[1]!.at).toBeGreaterThanOrEqual(2 * SECOND);
    expect(state.contracts['binance:BTCUSDT']!.status).toBe('loaded');
    const cut = state.contracts['okx:DOGE-USDT-SWAP']!;
    expect(cut).toMatchObject({ status: 'failed', detail: 'rate limited by OKX (50011)' });
    expect(cut.span!.settlements).toHaveLength(400);
    const history = windowHistory(cut.span!, NOW - 30 * DAY, NOW, cut.detail);
    expect(history!.shortfall).toEqual({ cause: 'failed', detail: 'rate limited by OKX (50011)' });
    expect(history!.settlements).toHaveLength(400);

    // Retried with backoff, each retry asking only for what lies before the pages it has.
    await scheduler.advance(MINUTE);
    const retries = venues.to('okx.test').slice(2);
    expect(retries.length).toBeGreaterThan(0);
    expect(retries.length).toBeLessThan(10);
    expect(retries.every((request) => param(request, 'after') === String(cut.span!.settlements[0]!.time))).toBe(true);
  });

  it('a venue that refuses shows the contract failed with why, never as an empty history, and loads it once it answers', async () => {
    let refusing = true;
    const { scheduler, store, loader } = start({ venue: { override: () => (refusing ? { status: 451, body: {} } : null) } });
    loader.want([binance('BTCUSDT')]);
    await scheduler.advance(SECOND);
    const failed = store.getState().contracts['binance:BTCUSDT']!;
    expect(failed).toMatchObject({ status: 'failed', detail: 'HTTP 451: unavailable from your region', span: null });
    expect(failed.retryAt).toBeGreaterThan(scheduler.now());
    refusing = false;
    await scheduler.advance(MINUTE);
    expect(store.getState().contracts['binance:BTCUSDT']).toMatchObject({ status: 'loaded', detail: null, retryAt: null });
  });

  it('back online, a contract whose load failed is tried at once, not after its backoff', async () => {
    let blocked = true;
    const { scheduler, venues, store, loader } = start({ venue: { override: () => (blocked ? 'blocked' : null) } });
    loader.want([okx('BTC-USDT-SWAP')]);
    await scheduler.advance(SECOND);
    // Failing again at each retry until the backoff is long (the sweeps pick a retry up within 5 s of its time).
    const waitLeft = () => store.getState().contracts['okx:BTC-USDT-SWAP']!.retryAt! - scheduler.now();
    for (let i = 0; i < 10 && waitLeft() < 10 * SECOND; i++) await scheduler.advance(waitLeft() + 5 * SECOND);
    const failed = store.getState().contracts['okx:BTC-USDT-SWAP']!;
    expect(failed).toMatchObject({ status: 'failed', detail: 'blocked by the browser or the network' });
    expect(failed.retryAt! - scheduler.now()).toBeGreaterThan(10 * SECOND);
    const tries = venues.sent.length;
    blocked = false;
    loader.retryFailedNow();
    await scheduler.advance(SECOND);
    expect(venues.sent.length).toBeGreaterThan(tries);
    expect(store.getState().contracts['okx:BTC-USDT-SWAP']!.status).toBe('loaded');
  });

  it('with an IndexedDB that cannot open, loads into memory, says so in the store, and throws nothing', async () => {
    globalThis.indexedDB = {
      open: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    } as unknown as IDBFactory;
    const { scheduler, store, loader } = start();
    expect(() => loader.want([binance('BTCUSDT'), okx('BTC-USDT-SWAP')])).not.toThrow();
    await scheduler.advance(SECOND);
    expect(store.getState().storage).toEqual({ state: 'memory', detail: 'the browser keeps no storage here (a private window?)' });
    expect(store.getState().totals).toMatchObject({ contracts: 2, loaded: 2 });
  });

  it('refuses a Binance coin-margined contract at once with why, asking the venue nothing ever, and counts its pair apart', async () => {
    const { scheduler, venues, store, loader } = start();
    const release = loader.want([binance('BTCUSD_PERP'), okx('BTC-USD-SWAP'), binance('BTCUSDT'), okx('BTC-USDT-SWAP')]);
    const refused = { status: 'refused', detail: COIN_MARGINED_HISTORY_REFUSAL, retryAt: null, span: null };
    expect(store.getState().contracts['binance:BTCUSD_PERP']).toEqual(refused);

    // Sweeps, a settlement falling due and a retry of what failed ask nothing for it either.
    await scheduler.advance(Date.UTC(2026, 10, 12, 16, 1) - scheduler.now());
    loader.retryFailedNow();
    await scheduler.advance(MINUTE);
    expect(venues.to('fapi.test').map((request) => param(request, 'symbol'))).toEqual(['BTCUSDT', 'BTCUSDT']);
    const { contracts, totals } = store.getState();
    expect(contracts['binance:BTCUSD_PERP']).toEqual(refused);
    expect(contracts['okx:BTC-USD-SWAP']!.status).toBe('loaded');
    expect(totals).toEqual({ contracts: 4, loaded: 3, loading: 0, queued: 0, failed: 0, refused: 1 });
    const pairs = [
      ['binance:BTCUSD_PERP', 'okx:BTC-USD-SWAP'],
      ['binance:BTCUSDT', 'okx:BTC-USDT-SWAP'],
    ] as const;
    // Both pairs hold all they will: the progress reaches its end, the refused pair counted apart.
    expect([loadedPairs(contracts, pairs), refusedPairs(contracts, pairs)]).toEqual([2, 1]);

    release();
    expect(store.getState().contracts).toEqual({});
  });

  it('counts progress per pair, asks first for the newest list, and forgets what no view asks for', async () => {
    const { scheduler, venues, store, loader } = start({ latencyMs: 200 });
    const releaseTable = loader.want(Array.from({ length: 40 }, (_, i) => binance(`T${i}USDT`)));
    await scheduler.advance(100);
    const releaseChart = loader.want([binance('CHARTUSDT')]);
    await scheduler.advance(5 * SECOND);
    // The chart asked last: it went at the first free turn, ahead of the 36 rows still waiting.
    expect(venues.sent.map((request) => param(request, 'symbol')).indexOf('CHARTUSDT')).toBe(4);
    const pairs = [
      ['binance:T0USDT', 'binance:T1USDT'],
      ['binance:T2USDT', 'binance:NOTASKED'],
    ] as const;
    expect(loadedPairs(store.getState().contracts, pairs)).toBe(1);
    expect(store.getState().totals).toMatchObject({ contracts: 41, loaded: 41 });

    releaseTable();
    releaseTable();
    expect(store.getState().totals).toMatchObject({ contracts: 1, loaded: 1 });
    releaseChart();
    expect(store.getState().contracts).toEqual({});
  });
});
