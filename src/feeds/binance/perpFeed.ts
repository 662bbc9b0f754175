import type { Endpoint } from '../../connection/connectionHub';
import { getJson, startRestSource } from '../../connection/restSource';
import { DEFAULT_BACKOFF } from '../../connection/backoff';
import { DEFAULT_FUNDING_INTERVAL_HOURS } from '../../domain/funding';
import type { PerpFeedDeps } from '../perpFeedDeps';
import { fundingTermsTable, parseExchangeInfo, parseFundingInfo, parseMarkPrices, parseMiniTickers, parsePremiumIndex } from './parse';
import { startBinanceBookTops } from './bookTops';
import { startBinanceOpenInterest } from './openInterest';
import { ALL_MARK_PRICES_1S, ALL_MINI_TICKERS } from './streams';

const HOUR_MS = 3_600_000;

/**
 * Binance USDⓈ-M perpetuals: the two all-market streams fill every row; exchangeInfo (which
 * symbols are trading perpetuals), fundingInfo (adjusted intervals, caps and floors), the book
 * tickers (best bid and ask) and the polled rows' open interest refine them when the REST host is
 * reachable, and are retried with backoff when it is not. One premiumIndex snapshot at the start
 * gives every row its mark and funding before the stream's first push.
 */
export function startBinancePerpFeed(deps: PerpFeedDeps, endpoint: Endpoint<string>, restBase: string): () => void {
  const { hub, ingest } = deps;
  // A mark push left unread for a newer one carried the same symbols.
  const stopStreams = hub.subscribe(endpoint, [ALL_MARK_PRICES_1S, ALL_MINI_TICKERS], (payload, stream, receivedAt, coalesced) => {
    const { events, rejected } = stream === ALL_MARK_PRICES_1S ? parseMarkPrices(payload) : parseMiniTickers(payload);
    ingest.push(events, receivedAt);
    ingest.reject('binance', rejected);
    ingest.countCoalesced(coalesced * events.length);
  });

  // The all-market mark stream pushes once a second, so a fresh page could wait up to a second for
  // it; the same figures over REST usually answer sooner. Only a head start: if it fails, the
  // stream fills the rows anyway, so it is neither retried nor reported as a missing source.
  let stopped = false;
  void getJson(deps.fetch, `${restBase}/fapi/v1/premiumIndex`).then((response) => {
    const snapshot = response.ok && !stopped ? parsePremiumIndex(response.value) : null;
    if (!snapshot) return;
    ingest.push(snapshot.events);
    ingest.reject('binance', snapshot.rejected);
  });

  const restOptions = { fetch: deps.fetch, scheduler: deps.scheduler, random: deps.random, backoff: { ...DEFAULT_BACKOFF, capMs: 5 * 60_000 } };

  const stopInstruments = startRestSource({
    ...restOptions,
    refreshMs: HOUR_MS,
    load: async (fetchImpl) => {
      const response = await getJson(fetchImpl, `${restBase}/fapi/v1/exchangeInfo`);
      if (!response.ok) return response;
      const instruments = parseExchangeInfo(response.value);
      return instruments ? { ok: true, value: instruments } : { ok: false, detail: 'unexpected response' };
    },
    onValue: ({ events, rejected }) => {
      // USDⓈ-M only: the COIN-M rows the same streams carry stay, known from their symbols.
      ingest.push([...events, { kind: 'list-complete', exchange: 'binance', margin: 'linear' }]);
      ingest.reject('binance', rejected);
    },
    onState: (state) =>
      deps.reportSource({
        id: 'binance:exchangeInfo',
        exchange: 'binance',
        label: 'Binance instrument list',
        fallback: 'every perpetual the mark-price stream carries is shown, TradFi ones counted as crypto by the market filter',
        ...state,
      }),
  });

  const stopIntervals = startRestSource({
    ...restOptions,
    refreshMs: 15 * 60_000,
    load: async (fetchImpl) => {
      const response = await getJson(fetchImpl, `${restBase}/fapi/v1/fundingInfo`);
      if (!response.ok) return response;
      const list = parseFundingInfo(response.value);
      return list ? { ok: true, value: list } : { ok: false, detail: 'unexpected response' };
    },
    onValue: (list) => {
      ingest.push([{ kind: 'funding-terms', exchange: 'binance', terms: fundingTermsTable(list), defaultHours: DEFAULT_FUNDING_INTERVAL_HOURS }]);
      ingest.reject('binance', list.rejected);
    },
    onState: (state) =>
      deps.reportSource({
        id: 'binance:fundingInfo',
        exchange: 'binance',
        label: 'Binance funding intervals',
        fallback: 'intervals assumed 8 h (marked *), funding caps not known',
        ...state,
      }),
  });

  const stopBookTops = startBinanceBookTops(deps, restBase);
  const stopOpenInterest = startBinanceOpenInterest(deps, restBase);

  return () => {
    stopped = true;
    stopStreams();
    stopInstruments();
    stopIntervals();
    stopBookTops();
    stopOpenInterest();
  };
}
