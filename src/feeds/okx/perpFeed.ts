import type { Endpoint, TopicListener } from '../../connection/connectionHub';
import { DEFAULT_BACKOFF } from '../../connection/backoff';
import { getJson, startRestSource, type FetchOutcome } from '../../connection/restSource';
import type { ParseResult, PerpEvent, PerpFundingEvent, PerpInstrumentEvent } from '../../domain/perpEvents';
import type { PerpFeedDeps } from '../perpFeedDeps';
import {
  instrumentFromSwapId,
  parseFundingRates,
  parseFundingRatesResponse,
  parseIndexTickersResponse,
  parseMarkPrices,
  parseOpenInterestResponse,
  parseSwapInstruments,
  parseSwapInstrumentsResponse,
  parseTickersResponse,
} from './parse';
import type { OkxArg } from './okxProtocol';
import { startInstrumentList, type InstrumentListSpec } from './instrumentList';
import { getOkxJson } from './rateLimits';

/** What makes a row live: its mark and its funding rate, per swap. */
const PER_SWAP_CHANNELS: Record<string, (payload: unknown) => ParseResult<PerpEvent>> = {
  'mark-price': parseMarkPrices,
  'funding-rate': parseFundingRates,
};

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
 * Index prices likewise: the `index-tickers` channel pushes each index whenever it moves, one
 * message per index; one REST call per quote currency returns every index, so they are polled
 * once a second, Binance's index cadence (bench/decisions.md).
 */
const INDEX_POLL_MS = 1_000;

/**
 * Open interest changes slowly and OKX answers every swap's in one call (20 per 2 s per IP and
 * instrument allowed), so once a minute is enough to rank rows by it.
 */
const OPEN_INTEREST_POLL_MS = 60_000;

/** OKX's swaps: `GET /api/v5/public/instruments?instType=SWAP` and the SWAP `instruments` channel. */
function swapListSpec(restBase: string): InstrumentListSpec<PerpInstrumentEvent> {
  return {
    instType: 'SWAP',
    parseChanges: parseSwapInstruments,
    loadList: async (fetchImpl): Promise<FetchOutcome<ParseResult<PerpInstrumentEvent>>> => {
      const response = await getJson(fetchImpl, `${restBase}/api/v5/public/instruments?instType=SWAP`);
      const parsed = response.ok ? parseSwapInstrumentsResponse(response.value) : null;
      // OKX always lists swaps: an empty list is a broken answer, not every swap delisted at once.
      if (parsed && parsed.events.length > 0) return { ok: true, value: parsed };
      return response.ok ? { ok: false, detail: 'unexpected response' } : response;
    },
    id: 'okx:instruments',
    label: 'OKX instrument list',
    fallback: "only the swaps OKX's funding rates or instruments channel name are listed",
  };
}

/** An OKX REST resource loaded, or polled, while the feed runs; its events go to the rows the feed follows. */
interface PolledSource<Value extends PerpEvent> {
  id: string;
  label: string;
  fallback: string;
  /** null: loaded once, retried only while it fails. */
  everyMs: number | null;
  /** The URLs of one poll, asked when it starts (what they cover can grow with the instrument list). */
  urls: () => string[];
  /** One answer's events for the followed rows; null when it is not the expected answer. */
  read: (body: unknown) => ParseResult<Value> | null;
  /** Sees one answer's events before the ingest does. */
  onEvents?: (events: Value[]) => void;
}

/**
 * OKX perpetual swaps. The swap list comes from REST and the `instruments` channel, either one
 * enough (instrumentList.ts); each listed swap then gets its mark price and funding rate over the
 * socket, and once a swap is known the swaps' 24 h tickers (with the best bid and ask), their
 * indexes' prices and their open interest are polled over REST. The hub spreads the arguments
 * over as many sockets as OKX allows.
 *
 * OKX pushes `funding-rate` every 30-90 s and promises nothing on subscribe, so every swap's
 * current rate is loaded in one REST call at the start and again after a reconnect; the stream
 * updates it from there. While no full list has arrived, the swaps that call names are followed
 * too: a page whose instrument list is blocked still lists every swap that pays funding.
 */
export function startOkxPerpFeed(deps: PerpFeedDeps, endpoint: Endpoint<OkxArg>, restBase: string): () => void {
  const { hub, ingest } = deps;
  const followed = new Map<string, { instrument: PerpInstrumentEvent; release: () => void }>();
  /** The followed swaps' indexes (`BTC-USDT`), and the quote currencies they are polled by. */
  const indexIds = new Set<string>();
  const indexQuotes = new Set<string>();
  /** A whole list has arrived (REST): from then on it alone says which swaps are rows. */
  let listKnown = false;
  let stopPolls: (() => void) | null = null;

  /** One listener per channel, so a push is routed by its subscription rather than by reading its topic. */
  const listeners = Object.entries(PER_SWAP_CHANNELS).map(([channel, parse]) => ({
    channel,
    onPush: ((payload, _topicKey, receivedAt, coalesced) => {
      const { events, rejected } = parse(payload);
      ingest.push(events, receivedAt);
      ingest.reject('okx', rejected);
      ingest.countCoalesced(coalesced);
    }) satisfies TopicListener,
  }));

  const follow = (instruments: PerpInstrumentEvent[]): void => {
    for (const instrument of instruments) {
      const { symbol, indexId } = instrument;
      if (!instrument.listed) {
        followed.get(symbol)?.release();
        followed.delete(symbol);
        continue;
      }
      if (indexId !== null) {
        indexIds.add(indexId);
        indexQuotes.add(indexId.slice(indexId.lastIndexOf('-') + 1));
      }
      if (followed.has(symbol)) continue;
      const releases = listeners.map(({ channel, onPush }) => hub.subscribe(endpoint, [{ channel, instId: symbol }], onPush));
      followed.set(symbol, { instrument, release: () => releases.forEach((release) => release()) });
    }
    // Started once a swap is known, so the first answers already have rows to fill.
    if (followed.size > 0) stopPolls ??= startPolls();
  };

  const applyList = (instruments: PerpInstrumentEvent[], complete: boolean): void => {
    const batch: PerpInstrumentEvent[] = [...instruments];
    if (complete) {
      const named = new Set(instruments.map((instrument) => instrument.symbol));
      for (const [symbol, { instrument }] of followed) if (!named.has(symbol)) batch.push({ ...instrument, listed: false });
      listKnown = true;
    }
    ingest.push(complete ? [...batch, { kind: 'list-complete', exchange: 'okx' }] : batch);
    follow(batch);
  };

  const poll = <Value extends PerpEvent>(source: PolledSource<Value>): (() => void) =>
    startRestSource<ParseResult<Value>>({
      fetch: deps.fetch,
      scheduler: deps.scheduler,
      random: deps.random,
      backoff: { ...DEFAULT_BACKOFF, capMs: 60_000 },
      refreshMs: source.everyMs,
      load: async (fetchImpl) => {
        const responses = await Promise.all(source.urls().map((url) => getOkxJson(fetchImpl, url)));
        const merged: ParseResult<Value> = { events: [], rejected: 0 };
        for (const response of responses) {
          if (!response.ok) return response;
          const parsed = source.read(response.value);
          if (!parsed) return { ok: false, detail: 'unexpected response' };
          merged.events.push(...parsed.events);
          merged.rejected += parsed.rejected;
        }
        return { ok: true, value: merged };
      },
      onValue: (value) => {
        source.onEvents?.(value.events);
        ingest.push(value.events);
        ingest.reject('okx', value.rejected);
      },
      onState: (state) => deps.reportSource({ id: source.id, exchange: 'okx', label: source.label, fallback: source.fallback, ...state }),
    });

  const startPolls = (): (() => void) => {
    const stops = [
      poll({
        id: 'okx:tickers',
        label: 'OKX 24 h tickers',
        fallback: "OKX swaps' 24 h change and volume stay as last loaded, and so do their bid and ask",
        everyMs: TICKERS_POLL_MS,
        urls: () => [`${restBase}/api/v5/market/tickers?instType=SWAP`],
        // The response also lists swaps that are not trading (pre-open, suspended): not rows.
        read: (body) => parseTickersResponse(body, (instId) => followed.has(instId)),
      }),
      poll({
        id: 'okx:index',
        label: 'OKX index prices',
        fallback: "OKX swaps' index and premium stay as last loaded",
        everyMs: INDEX_POLL_MS,
        urls: () => [...indexQuotes].map((quote) => `${restBase}/api/v5/market/index-tickers?quoteCcy=${encodeURIComponent(quote)}`),
        // Each answer lists every index in its currency, spot pairs without a swap included.
        read: (body) => parseIndexTickersResponse(body, (instId) => indexIds.has(instId)),
      }),
      poll({
        id: 'okx:openInterest',
        label: 'OKX open interest',
        fallback: "OKX swaps' open interest stays as last loaded",
        everyMs: OPEN_INTEREST_POLL_MS,
        urls: () => [`${restBase}/api/v5/public/open-interest?instType=SWAP`],
        read: (body) => parseOpenInterestResponse(body, (instId) => followed.has(instId)),
      }),
    ];
    return () => stops.forEach((stop) => stop());
  };

  /** Every swap's current funding: loaded once (retried while it fails), again after each reconnect. */
  const loadFunding = (): (() => void) =>
    poll<PerpFundingEvent>({
      id: 'okx:funding',
      label: 'OKX funding rates',
      fallback: "each OKX swap's funding shows once its stream pushes it (every 30-90 s)",
      everyMs: null,
      urls: () => [`${restBase}/api/v5/public/funding-rate?instId=ANY`],
      // Once the whole list is known, a swap it does not list (pre-open) is not a row.
      read: (body) => parseFundingRatesResponse(body, (instId) => !listKnown || followed.has(instId)),
      onEvents: (events) => {
        if (!listKnown) follow(events.flatMap((event) => instrumentFromSwapId(event.symbol) ?? []));
      },
    });

  const swapList = startInstrumentList(deps, endpoint, swapListSpec(restBase), applyList);
  let stopFunding = loadFunding();
  const stopReconnects = hub.onReconnect(endpoint, () => {
    stopFunding();
    stopFunding = loadFunding();
    swapList.reload();
  });

  return () => {
    stopReconnects();
    swapList.stop();
    stopFunding();
    stopPolls?.();
    for (const { release } of followed.values()) release();
    followed.clear();
  };
}
