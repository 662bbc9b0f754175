import { getJson, type FetchOutcome } from '../connection/restSource';
import { normaliseCandles, type Candle, type ChartInterval } from '../domain/candles';
import type { ExchangeId } from '../domain/exchange';
import { indexKlinesUrl, markKlinesUrl } from './binance/history';
import { parseCandleRows } from './candles';
import { okxData } from './okx/envelope';
import { candlesUrl } from './okx/history';

export interface HistoryTarget {
  exchange: ExchangeId;
  symbol: string;
  /** OKX index instrument (e.g. `BTC-USDT`); Binance keys index klines by the symbol's pair. */
  indexId: string | null;
}

export interface RestBases {
  binance: string;
  okx: string;
}

export interface MarkIndexHistory {
  mark: Candle[];
  index: Candle[];
}

const BINANCE_BARS = 500;
const OKX_PAGES = 3;

async function candlesFrom(fetchImpl: typeof fetch, url: string, envelope: boolean): Promise<FetchOutcome<Candle[]>> {
  const response = await getJson(fetchImpl, url);
  if (!response.ok) return response;
  const unwrapped = envelope ? okxData(response.value) : { ok: true as const, data: response.value };
  if (!unwrapped.ok) return unwrapped;
  const parsed = parseCandleRows(unwrapped.data);
  return parsed ? { ok: true, value: parsed.candles } : { ok: false, detail: 'unexpected response' };
}

/** OKX serves 100 bars a call, newest first; older pages come from the history endpoint with `after`. */
async function okxCandles(fetchImpl: typeof fetch, base: string, kind: 'mark-price' | 'index', instId: string, interval: ChartInterval) {
  const all: Candle[] = [];
  let after: number | null = null;
  for (let page = 0; page < OKX_PAGES; page++) {
    const outcome = await candlesFrom(fetchImpl, candlesUrl(base, kind, instId, interval, after), true);
    if (!outcome.ok) return page === 0 ? outcome : { ok: true as const, value: normaliseCandles(all) };
    if (outcome.value.length === 0) break;
    all.push(...outcome.value);
    after = Math.min(...outcome.value.map((candle) => candle.time));
  }
  return { ok: true as const, value: normaliseCandles(all) };
}

/** Mark and index bars for one perpetual, oldest first. */
export async function loadMarkIndexHistory(
  fetchImpl: typeof fetch,
  bases: RestBases,
  target: HistoryTarget,
  interval: ChartInterval,
): Promise<FetchOutcome<MarkIndexHistory>> {
  const [mark, index] =
    target.exchange === 'binance'
      ? await Promise.all([
          candlesFrom(fetchImpl, markKlinesUrl(bases.binance, target.symbol, interval, BINANCE_BARS), false),
          candlesFrom(fetchImpl, indexKlinesUrl(bases.binance, target.symbol, interval, BINANCE_BARS), false),
        ])
      : await Promise.all([
          okxCandles(fetchImpl, bases.okx, 'mark-price', target.symbol, interval),
          target.indexId === null
            ? Promise.resolve<FetchOutcome<Candle[]>>({ ok: false, detail: 'index unknown' })
            : okxCandles(fetchImpl, bases.okx, 'index', target.indexId, interval),
        ]);
  if (!mark.ok) return mark;
  if (!index.ok) return index;
  return { ok: true, value: { mark: normaliseCandles(mark.value), index: normaliseCandles(index.value) } };
}
