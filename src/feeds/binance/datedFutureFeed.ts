import type { Endpoint } from '../../connection/connectionHub';
import type { DatedFutureFeedDeps } from '../datedFutureFeedDeps';
import type { BinanceStream } from './binanceProtocol';
import { parseDatedMarks } from './parse';
import { ALL_MARK_PRICES_1S } from './streams';

/**
 * One coin's Binance quarterlies: they ride the all-market mark stream the perpetual feed already
 * holds (the hub shares the topic), each record with its own index. Other coins' are left unread.
 */
export function startBinanceDatedFutures(deps: DatedFutureFeedDeps, endpoint: Endpoint<BinanceStream>, coin: string): () => void {
  const { ingest } = deps;
  const stop = deps.hub.subscribe(endpoint, [ALL_MARK_PRICES_1S], (payload, _stream, receivedAt, coalesced) => {
    const { events, rejected } = parseDatedMarks(payload);
    const ours = events.filter((event) => event.coin === coin);
    ingest.push(ours, receivedAt);
    ingest.reject('binance', rejected);
    ingest.countCoalesced(coalesced * ours.length);
  });
  return () => {
    stop();
    ingest.push([{ kind: 'closed', exchange: 'binance', coin }]);
  };
}
