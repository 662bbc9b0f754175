import { DEFAULT_BACKOFF } from '../../connection/backoff';
import { startRestSource } from '../../connection/restSource';
import type { PerpFeedDeps } from '../perpFeedDeps';
import { parseBookTickers } from './parse';
import { getBinanceJson } from './rateLimits';

/** Weight 5 (every symbol) each 3 s is 100 of an IP's 2,400 a minute: with open interest (60) several tabs still fit. */
export const BOOK_TICKER_POLL_MS = 3_000;

/** Every USDⓈ-M symbol's best bid and ask, `GET /fapi/v1/ticker/bookTicker` in one call, polled while the feed runs. */
export function startBinanceBookTops(deps: PerpFeedDeps, restBase: string): () => void {
  return startRestSource({
    fetch: deps.fetch,
    scheduler: deps.scheduler,
    random: deps.random,
    backoff: { ...DEFAULT_BACKOFF, capMs: 5 * 60_000 },
    refreshMs: BOOK_TICKER_POLL_MS,
    load: async (fetchImpl) => {
      const response = await getBinanceJson(fetchImpl, `${restBase}/fapi/v1/ticker/bookTicker`);
      if (!response.ok) return response;
      const tops = parseBookTickers(response.value);
      return tops ? { ok: true, value: tops } : { ok: false, detail: 'unexpected response' };
    },
    onValue: ({ events, rejected }) => {
      deps.ingest.push(events);
      deps.ingest.reject('binance', rejected);
    },
    onState: (state) =>
      deps.reportSource({
        id: 'binance:bookTicker',
        exchange: 'binance',
        label: 'Binance best bid and ask',
        fallback: "Binance rows' bid, ask and spread stay as last loaded",
        ...state,
      }),
  });
}
