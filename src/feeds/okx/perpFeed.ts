import type { Endpoint } from '../../connection/connectionHub';
import { DEFAULT_BACKOFF } from '../../connection/backoff';
import { getJson, startRestSource } from '../../connection/restSource';
import type { ParseResult, PerpEvent, PerpInstrumentEvent, PerpTickerEvent } from '../../domain/perpEvents';
import type { PerpFeedDeps } from '../perpFeedDeps';
import { parseFundingRates, parseIndexTickers, parseMarkPrices, parseSwapInstruments, parseTickersResponse } from './parse';
import type { OkxArg } from './protocol';

type Parser = (payload: unknown) => ParseResult<PerpEvent>;

/** What makes a row live: its mark and its funding rate, subscribed for every swap before any index. */
const PER_SWAP_CHANNELS: Record<string, Parser> = {
  'mark-price': parseMarkPrices,
  'funding-rate': parseFundingRates,
};
const INDEX_CHANNEL = 'index-tickers';

/**
 * The screener shows OKX's 24 h change and volume, aggregates that barely move in a second. The
 * `tickers` channel pushes them per swap on every trade, up to ten times a second, which over
 * ~250 swaps is hundreds of WebSocket messages a second (each costing the browser's network
 * process and the page more than its parse). One REST call returns every swap's ticker, so it
 * is polled instead: 1 of OKX's 20 requests per 2 s, and a second slower than Binance's
 * all-market ticker stream at most.
 */
const TICKERS_POLL_MS = 2_000;

/**
 * OKX perpetual swaps: the `instruments` channel lists every swap (in full on subscribe, then
 * changes); each listed swap then gets its mark price and funding rate, each index its index
 * ticker, and the swaps' 24 h tickers are polled over REST. The hub spreads the arguments over as
 * many sockets as OKX allows. Subscriptions go out in the order they are made, a few hundred
 * arguments a request, so every swap's mark and funding are asked for first: each row is live
 * after the first requests instead of after the last.
 */
export function startOkxPerpFeed(deps: PerpFeedDeps, endpoint: Endpoint<OkxArg>, restBase: string): () => void {
  const { hub, ingest } = deps;
  const subscribed = new Map<string, () => void>();
  const indexSubscribed = new Map<string, () => void>();
  let stopTickers: (() => void) | null = null;

  const onPush = (payload: unknown, topicKey: string): void => {
    const channel = topicKey.slice(0, topicKey.indexOf('|'));
    const parse = channel === INDEX_CHANNEL ? parseIndexTickers : PER_SWAP_CHANNELS[channel];
    if (!parse) return;
    const { events, rejected } = parse(payload);
    ingest.push(events);
    ingest.reject('okx', rejected);
  };

  const follow = (listed: PerpInstrumentEvent[], delisted: PerpInstrumentEvent[]): void => {
    for (const symbol of new Set(listed.map((event) => event.symbol))) {
      if (subscribed.has(symbol)) continue;
      const args = Object.keys(PER_SWAP_CHANNELS).map((channel) => ({ channel, instId: symbol }));
      subscribed.set(symbol, hub.subscribe(endpoint, args, onPush));
    }
    for (const { indexId } of listed) {
      if (indexId !== null && !indexSubscribed.has(indexId)) {
        indexSubscribed.set(indexId, hub.subscribe(endpoint, [{ channel: INDEX_CHANNEL, instId: indexId }], onPush));
      }
    }
    for (const { symbol } of delisted) {
      subscribed.get(symbol)?.();
      subscribed.delete(symbol);
    }
  };

  const pollTickers = (): (() => void) =>
    startRestSource<ParseResult<PerpTickerEvent>>({
      fetch: deps.fetch,
      scheduler: deps.scheduler,
      random: deps.random,
      backoff: { ...DEFAULT_BACKOFF, capMs: 60_000 },
      refreshMs: TICKERS_POLL_MS,
      load: async (fetchImpl) => {
        const response = await getJson(fetchImpl, `${restBase}/api/v5/market/tickers?instType=SWAP`);
        if (!response.ok) return response;
        const tickers = parseTickersResponse(response.value);
        return tickers ? { ok: true, value: tickers } : { ok: false, detail: 'unexpected response' };
      },
      onValue: ({ events, rejected }) => {
        // The response also lists swaps that are not trading (pre-open, suspended): not rows.
        ingest.push(events.filter((event) => subscribed.has(event.symbol)));
        ingest.reject('okx', rejected);
      },
      onState: (state) =>
        deps.reportSource({
          id: 'okx:tickers',
          exchange: 'okx',
          label: 'OKX 24 h tickers',
          fallback: "OKX swaps' 24 h change and volume stay as last loaded",
          ...state,
        }),
    });

  const stopInstruments = hub.subscribe(endpoint, [{ channel: 'instruments', instType: 'SWAP' }], (payload) => {
    const { events, rejected } = parseSwapInstruments(payload);
    ingest.reject('okx', rejected);
    const batch: PerpEvent[] = [...events];
    if (stopTickers === null) batch.push({ kind: 'list-complete', exchange: 'okx' });
    ingest.push(batch);
    follow(
      events.filter((event) => event.listed),
      events.filter((event) => !event.listed),
    );
    // Started once the list is known, so the first answer already has rows to fill.
    stopTickers ??= pollTickers();
  });

  return () => {
    stopInstruments();
    stopTickers?.();
    for (const release of subscribed.values()) release();
    for (const release of indexSubscribed.values()) release();
    subscribed.clear();
    indexSubscribed.clear();
  };
}
