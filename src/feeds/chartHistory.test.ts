import { describe, expect, it } from 'vitest';
import { loadMarkIndexHistory } from './chartHistory';

const MIN = 60_000;
const BASES = { binance: 'https://fapi.test', okx: 'https://okx.test' };

/** OKX candle rows, newest first, for bar opens [from, to) stepping one minute down. */
function okxRows(newest: number, count: number, close: number): string[][] {
  return Array.from({ length: count }, (_, i) => [String(newest - i * MIN), '1', '1', '1', String(close), '1']);
}

function fakeFetch(routes: (url: URL) => { status: number; body: unknown }) {
  const seen: string[] = [];
  const fetchImpl = (async (input: RequestInfo | URL) => {
    const url = new URL(String(input));
    seen.push(`${url.pathname}?${url.searchParams.toString()}`);
    const { status, body } = routes(url);
    return new Response(JSON.stringify(body), { status });
  }) as typeof fetch;
  return { fetchImpl, seen };
}

describe('loadMarkIndexHistory', () => {
  it('OKX: pages back with `after` on the history endpoint and joins pages oldest first', async () => {
    const newest = 1_000 * MIN;
    const { fetchImpl, seen } = fakeFetch((url) => {
      const after = url.searchParams.get('after');
      const top = after === null ? newest : Number(after) - MIN;
      const close = url.pathname.includes('index') ? 100 : 101;
      return { status: 200, body: { code: '0', msg: '', data: okxRows(top, 100, close) } };
    });
    const result = await loadMarkIndexHistory(fetchImpl, BASES, { exchange: 'okx', symbol: 'BTC-USDT-SWAP', indexId: 'BTC-USDT' }, '1m');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.mark).toHaveLength(300);
    expect(result.value.mark[0]!.time).toBe(newest - 299 * MIN);
    expect(result.value.mark.at(-1)!.time).toBe(newest);
    expect(result.value.index.every((candle) => candle.close === 100)).toBe(true);
    expect(seen).toContain(`/api/v5/market/mark-price-candles?instId=BTC-USDT-SWAP&bar=1m&limit=100`);
    expect(seen).toContain(`/api/v5/market/history-index-candles?instId=BTC-USDT&bar=1m&limit=100&after=${newest - 99 * MIN}`);
  });

  it('OKX: keeps the pages it has when a later page fails, fails when the first does', async () => {
    const newest = 1_000 * MIN;
    const partial = fakeFetch((url) =>
      url.searchParams.has('after') ? { status: 429, body: { code: '50011', msg: 'Too Many Requests' } } : { status: 200, body: { code: '0', data: okxRows(newest, 100, 5) } },
    );
    const kept = await loadMarkIndexHistory(partial.fetchImpl, BASES, { exchange: 'okx', symbol: 'X-USDT-SWAP', indexId: 'X-USDT' }, '1m');
    expect(kept.ok && kept.value.mark.length).toBe(100);

    const refused = fakeFetch(() => ({ status: 451, body: {} }));
    expect(await loadMarkIndexHistory(refused.fetchImpl, BASES, { exchange: 'okx', symbol: 'X-USDT-SWAP', indexId: 'X-USDT' }, '1m')).toEqual({
      ok: false,
      detail: 'HTTP 451: unavailable from your region',
    });
  });

  it('Binance: mark klines by symbol, index klines by pair, an HTTP error named', async () => {
    const { fetchImpl, seen } = fakeFetch((url) =>
      url.pathname.endsWith('indexPriceKlines')
        ? { status: 400, body: { code: -1121, msg: 'Invalid symbol.' } }
        : { status: 200, body: [[0, '1', '1', '1', '1', '0', 59_999, '0', 1, '0', '0', '0']] },
    );
    const result = await loadMarkIndexHistory(fetchImpl, BASES, { exchange: 'binance', symbol: 'BTCUSDT', indexId: null }, '5m');
    expect(result).toEqual({ ok: false, detail: 'HTTP 400' });
    expect(seen).toEqual(['/fapi/v1/markPriceKlines?symbol=BTCUSDT&interval=5m&limit=500', '/fapi/v1/indexPriceKlines?pair=BTCUSDT&interval=5m&limit=500']);
  });
});
