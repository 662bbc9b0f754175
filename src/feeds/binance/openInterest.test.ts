import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionHub } from '../../connection/connectionHub';
import { realScheduler } from '../../connection/scheduler';
import type { PerpEvent } from '../../domain/perpEvents';
import type { SourceStatus } from '../../domain/sourceStatus';
import type { PerpFeedDeps } from '../perpFeedDeps';
import { startBinanceOpenInterest } from './openInterest';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const REST = 'https://fake-fapi';
const answer = (body: unknown, status = 200) => Promise.resolve(new Response(JSON.stringify(body), { status }));
/** The response example of https://developers.binance.com/docs/derivatives/usds-margined-futures/market-data/rest-api/Open-Interest, for any symbol. */
const interestOf = (symbol: string) => ({ openInterest: '10659.509', symbol, time: 1589437530011 });
const symbolOf = (url: unknown) => new URL(String(url)).searchParams.get('symbol');

function start(polled: { keys: string[] }, reply: (symbol: string) => Promise<Response> = (symbol) => answer(interestOf(symbol))) {
  const fetchImpl = vi.fn((url: RequestInfo | URL) => reply(symbolOf(url)!));
  const pushed: PerpEvent[] = [];
  const sources: SourceStatus[] = [];
  const deps: PerpFeedDeps = {
    hub: {} as ConnectionHub,
    ingest: { push: (events) => pushed.push(...events), reject: () => undefined, countCoalesced: () => undefined },
    fetch: fetchImpl as unknown as typeof fetch,
    scheduler: realScheduler,
    random: () => 0.5,
    reportSource: (status) => sources.push(status),
    polledPerps: () => polled.keys,
  };
  const stop = startBinanceOpenInterest(deps, REST);
  const asked = () => fetchImpl.mock.calls.map(([url]) => symbolOf(url));
  return { asked, pushed, sources, stop };
}

describe('Binance open interest of the polled rows', () => {
  it('asks nothing while no row is polled, and starts within a second of one being polled', async () => {
    const polled = { keys: [] as string[] };
    const { asked, stop } = start(polled);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(asked()).toEqual([]);
    polled.keys = ['binance:BTCUSDT'];
    await vi.advanceTimersByTimeAsync(1_000);
    expect(asked()).toEqual(['BTCUSDT']);
    stop();
  });

  it('asks one polled row a second, round the polled rows, never a COIN-M one fapi does not serve', async () => {
    const polled = { keys: ['binance:BTCUSDT', 'binance:BTCUSD_PERP', 'binance:ETHUSDT', 'okx:BTC-USDT-SWAP'] };
    const { asked, pushed, stop } = start(polled);
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(asked()).toEqual(['BTCUSDT', 'ETHUSDT', 'BTCUSDT', 'ETHUSDT', 'BTCUSDT', 'ETHUSDT']);
    expect(pushed[0]).toEqual({ kind: 'open-interest', exchange: 'binance', symbol: 'BTCUSDT', time: 1589437530011, openInterest: 10659.509 });
    stop();
  });

  it('asks a row that comes into view next, before the rows already asked', async () => {
    const polled = { keys: ['binance:BTCUSDT', 'binance:ETHUSDT'] };
    const { asked, stop } = start(polled);
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(2_000);
    polled.keys = ['binance:BTCUSDT', 'binance:ETHUSDT', 'binance:SOLUSDT'];
    await vi.advanceTimersByTimeAsync(1_000);
    expect(asked()).toEqual(['BTCUSDT', 'ETHUSDT', 'BTCUSDT', 'SOLUSDT']);
    stop();
  });

  it('moves on from a symbol Binance keeps no open interest of, without failing', async () => {
    const polled = { keys: ['binance:GONEUSDT', 'binance:BTCUSDT'] };
    const { asked, pushed, sources, stop } = start(polled, (symbol) =>
      symbol === 'GONEUSDT' ? answer({ code: -1121, msg: 'Invalid symbol.' }, 400) : answer(interestOf(symbol)),
    );
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(asked()).toEqual(['GONEUSDT', 'BTCUSDT']);
    expect(pushed.map((event) => (event.kind === 'open-interest' ? event.symbol : null))).toEqual(['BTCUSDT']);
    expect(sources.map((source) => source.state)).toEqual(['loading', 'ok']);
    stop();
  });

  it('leaves Binance alone for a minute after a 429, and says so', async () => {
    let limited = true;
    const polled = { keys: ['binance:BTCUSDT'] };
    const { asked, sources, stop } = start(polled, (symbol) => (limited ? answer({ code: -1003, msg: 'Too many requests' }, 429) : answer(interestOf(symbol))));
    await vi.advanceTimersByTimeAsync(0);
    expect(sources.at(-1)).toMatchObject({ id: 'binance:openInterest', state: 'failed', detail: 'HTTP 429: rate limited', label: 'Binance open interest' });
    limited = false;
    await vi.advanceTimersByTimeAsync(59_999);
    expect(asked()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(asked()).toHaveLength(2);
    expect(sources.at(-1)).toMatchObject({ state: 'ok' });
    stop();
  });
});
