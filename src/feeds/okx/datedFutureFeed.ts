import type { Endpoint, TopicListener } from '../../connection/connectionHub';
import { DEFAULT_BACKOFF } from '../../connection/backoff';
import { startRestSource } from '../../connection/restSource';
import type { DatedFutureFeedDeps } from '../datedFutureFeedDeps';
import { parseFutureMarks, parseFuturesInstrumentsResponse } from './datedFutureParse';
import type { OkxArg } from './okxProtocol';
import { parseIndexTickers } from './parse';
import { getOkxJson } from './rateLimits';

/** Quarterlies are listed months ahead: a list a quarter of an hour old misses nothing that trades. */
const LIST_REFRESH_MS = 15 * 60_000;

/**
 * One coin's OKX dated futures: which exist from `GET /api/v5/public/instruments?instType=FUTURES`,
 * then each one's `mark-price` and its index's `index-tickers` over the socket (both push on
 * subscribe, then as they move). OKX's mark push carries no index, so the basis is the mark against
 * the index the instrument record names (`uly`, `BTC-USD`).
 */
export function startOkxDatedFutures(deps: DatedFutureFeedDeps, endpoint: Endpoint<OkxArg>, restBase: string, coin: string): () => void {
  const { hub, ingest } = deps;
  const releases = new Map<string, () => void>();

  const onPush =
    (parse: typeof parseFutureMarks | typeof parseIndexTickers): TopicListener =>
    (payload, _topicKey, receivedAt, coalesced) => {
      const { events, rejected } = parse(payload);
      ingest.push(events, receivedAt);
      ingest.reject('okx', rejected);
      ingest.countCoalesced(coalesced);
    };
  const follow = (topic: string, arg: OkxArg, parse: typeof parseFutureMarks | typeof parseIndexTickers): void => {
    if (!releases.has(topic)) releases.set(topic, hub.subscribe(endpoint, [arg], onPush(parse)));
  };

  const stopList = startRestSource({
    fetch: deps.fetch,
    scheduler: deps.scheduler,
    random: deps.random,
    backoff: { ...DEFAULT_BACKOFF, capMs: 5 * 60_000 },
    refreshMs: LIST_REFRESH_MS,
    load: async (fetchImpl) => {
      const response = await getOkxJson(fetchImpl, `${restBase}/api/v5/public/instruments?instType=FUTURES`);
      if (!response.ok) return response;
      const list = parseFuturesInstrumentsResponse(response.value);
      return list ? { ok: true, value: list } : { ok: false, detail: 'unexpected response' };
    },
    onValue: ({ events, rejected }) => {
      ingest.reject('okx', rejected);
      for (const { instrument, listed } of events) {
        if (instrument.coin !== coin) continue;
        const topic = `mark:${instrument.symbol}`;
        if (!listed) {
          releases.get(topic)?.();
          releases.delete(topic);
          continue;
        }
        follow(topic, { channel: 'mark-price', instId: instrument.symbol }, parseFutureMarks);
        if (instrument.indexId !== null) follow(`index:${instrument.indexId}`, { channel: 'index-tickers', instId: instrument.indexId }, parseIndexTickers);
      }
    },
    onState: (state) =>
      deps.reportSource({
        id: 'okx:futures',
        exchange: 'okx',
        label: 'OKX dated futures list',
        fallback: `OKX's ${coin} dated futures are not shown`,
        ...state,
      }),
  });

  return () => {
    stopList();
    releases.forEach((release) => release());
    releases.clear();
    ingest.push([{ kind: 'closed', exchange: 'okx', coin }]);
  };
}
