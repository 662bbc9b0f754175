import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionHub } from '../../connection/connectionHub';
import { realScheduler } from '../../connection/scheduler';
import type { PerpEvent } from '../../domain/perpEvents';
import type { SourceStatus } from '../../domain/sourceStatus';
import type { PerpFeedDeps } from '../perpFeedDeps';
import { BOOK_TICKER_POLL_MS, startBinanceBookTops } from './bookTops';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const answer = (body: unknown, status = 200) => Promise.resolve(new Response(JSON.stringify(body), { status }));
// The all-symbols response example of https://developers.binance.com/docs/derivatives/usds-margined-futures/market-data/rest-api/Symbol-Order-Book-Ticker
const docsExample = [{ symbol: 'BTCUSDT', bidPrice: '4.00000000', bidQty: '431.00000000', askPrice: '4.00000200', askQty: '9.00000000', time: 1589437530011 }];

function start(reply: () => Promise<Response>) {
  const fetchImpl = vi.fn((_url: RequestInfo | URL) => reply());
  const pushed: PerpEvent[] = [];
  const rejected: number[] = [];
  const sources: SourceStatus[] = [];
  const deps: PerpFeedDeps = {
    hub: {} as ConnectionHub,
    ingest: { push: (events) => pushed.push(...events), reject: (_exchange, count) => rejected.push(count), countCoalesced: () => undefined },
    fetch: fetchImpl as unknown as typeof fetch,
    scheduler: realScheduler,
    random: () => 0.5,
    reportSource: (status) => sources.push(status),
    polledPerps: () => [],
  };
  const stop = startBinanceBookTops(deps, 'https://fake-fapi');
  return { fetchImpl, pushed, rejected, sources, stop };
}

describe('Binance book tickers', () => {
  it('polls every symbol in one call every few seconds and hands the tops to the ingest', async () => {
    const { fetchImpl, pushed, rejected, stop } = start(() => answer(docsExample));
    await vi.advanceTimersByTimeAsync(0);
    expect(fetchImpl.mock.calls.map(([url]) => String(url))).toEqual(['https://fake-fapi/fapi/v1/ticker/bookTicker']);
    expect(pushed).toEqual([{ kind: 'book-top', exchange: 'binance', symbol: 'BTCUSDT', time: 1589437530011, bid: 4, ask: 4.000002 }]);
    expect(rejected.reduce((sum, count) => sum + count, 0)).toBe(0);
    await vi.advanceTimersByTimeAsync(BOOK_TICKER_POLL_MS * 10);
    expect(fetchImpl).toHaveBeenCalledTimes(11);
    stop();
  });

  it('leaves Binance alone for two minutes after a 418 ban, and names the source and what stays', async () => {
    const { fetchImpl, sources, stop } = start(() => answer({ code: -1003, msg: 'Way too many requests; IP banned' }, 418));
    await vi.advanceTimersByTimeAsync(0);
    expect(sources.at(-1)).toMatchObject({
      id: 'binance:bookTicker',
      label: 'Binance best bid and ask',
      state: 'failed',
      detail: 'HTTP 418: IP banned for too many requests',
      fallback: "Binance rows' bid, ask and spread stay as last loaded",
    });
    await vi.advanceTimersByTimeAsync(119_999);
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetchImpl).toHaveBeenCalledTimes(2);
    stop();
  });
});
