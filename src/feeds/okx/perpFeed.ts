import type { Endpoint } from '../../connection/connectionHub';
import type { PerpEvent, PerpInstrumentEvent } from '../../domain/perpEvents';
import type { PerpFeedDeps } from '../perpFeedDeps';
import { parseFundingRates, parseIndexTickers, parseMarkPrices, parseSwapInstruments, parseTickers } from './parse';
import type { OkxArg } from './protocol';

type Parser = (payload: unknown) => { events: PerpEvent[]; rejected: number };

const PER_INSTRUMENT_CHANNELS: Record<string, Parser> = {
  'mark-price': parseMarkPrices,
  'funding-rate': parseFundingRates,
  tickers: parseTickers,
};
/** The channels a row needs to be live (a mark and a funding rate), subscribed for every swap before the rest. */
const LIVE_CHANNELS = ['mark-price', 'funding-rate'];
const DETAIL_CHANNELS = Object.keys(PER_INSTRUMENT_CHANNELS).filter((channel) => !LIVE_CHANNELS.includes(channel));
const INDEX_CHANNEL = 'index-tickers';

/**
 * OKX perpetual swaps: the `instruments` channel lists every swap (in full on subscribe, then
 * changes); each listed swap then gets its mark price, funding rate and ticker, and each index
 * its index ticker. The hub spreads the ~1000 arguments over as many sockets as OKX allows.
 * Subscriptions go out in the order they are made, a few hundred arguments a request, so every
 * swap's mark and funding are asked for first: each row is live after the first requests
 * instead of after the last.
 */
export function startOkxPerpFeed(deps: PerpFeedDeps, endpoint: Endpoint<OkxArg>): () => void {
  const { hub, ingest } = deps;
  const subscribed = new Map<string, () => void>();
  const indexSubscribed = new Map<string, () => void>();
  let listComplete = false;

  const onPush = (payload: unknown, topicKey: string): void => {
    const channel = topicKey.slice(0, topicKey.indexOf('|'));
    const parse = channel === INDEX_CHANNEL ? parseIndexTickers : PER_INSTRUMENT_CHANNELS[channel];
    if (!parse) return;
    const { events, rejected } = parse(payload);
    ingest.push(events);
    ingest.reject('okx', rejected);
  };

  const subscribeSwapChannels = (symbol: string, channels: string[]): (() => void) =>
    hub.subscribe(endpoint, channels.map((channel) => ({ channel, instId: symbol })), onPush);

  const follow = (listed: PerpInstrumentEvent[], delisted: PerpInstrumentEvent[]): void => {
    const fresh = [...new Set(listed.map(({ symbol }) => symbol))].filter((symbol) => !subscribed.has(symbol));
    const live = new Map(fresh.map((symbol) => [symbol, subscribeSwapChannels(symbol, LIVE_CHANNELS)]));
    for (const symbol of fresh) {
      const releaseDetail = subscribeSwapChannels(symbol, DETAIL_CHANNELS);
      const releaseLive = live.get(symbol)!;
      subscribed.set(symbol, () => {
        releaseLive();
        releaseDetail();
      });
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

  const stopInstruments = hub.subscribe(endpoint, [{ channel: 'instruments', instType: 'SWAP' }], (payload) => {
    const { events, rejected } = parseSwapInstruments(payload);
    ingest.reject('okx', rejected);
    const batch: PerpEvent[] = [...events];
    if (!listComplete) {
      listComplete = true;
      batch.push({ kind: 'list-complete', exchange: 'okx' });
    }
    ingest.push(batch);
    follow(
      events.filter((event) => event.listed),
      events.filter((event) => !event.listed),
    );
  });

  return () => {
    stopInstruments();
    for (const release of subscribed.values()) release();
    for (const release of indexSubscribed.values()) release();
    subscribed.clear();
    indexSubscribed.clear();
  };
}
