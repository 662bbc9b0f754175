import type { RuleStates } from '../domain/alerts/evaluateRules';
import type { AlertRule } from '../domain/alerts/rule';
import { initialLinkStatus, type ExchangeLinkStatus } from '../domain/connectionState';
import { EXCHANGES, type ExchangeId } from '../domain/exchange';
import type { OptionRow } from '../domain/option';
import type { PerpRow } from '../domain/perp';
import type { DatedFutureRow } from '../domain/datedFuture';
import { useConnectionStatusStore } from '../store/connectionStatusStore';
import { useDatedFutureStore } from '../store/datedFutureStore';
import { useOkxRegionStore } from '../store/okxRegionStore';
import { useOptionStore } from '../store/optionStore';
import { usePerpStore } from '../store/perpStore';
import { sumCounters, type IngestCounters } from '../domain/ingestCounters';
import { useSourceStatusStore } from '../store/sourceStatusStore';
import { useVenueClockStore } from '../store/venueClockStore';
import { type SourceStatus } from '../domain/sourceStatus';
import { once } from '../lib/once';
import type { FeedRequest, ShownRows, WorkerBatch, WorkerCommand } from '../wire/messages';
import { applyRowChanges, changesNoRow } from '../wire/readRowChanges';
import { watchNetwork } from './networkEvents';
import { DATED_FUTURE_CODEC, OPTION_CODEC, PERP_CODEC } from '../wire/rowCodecs';

/**
 * What arrived from the workers since the last frame. Rows are applied on arrival to the stores'
 * next records, copied from the stores at the first batch that changes them in a frame, so a tab
 * whose frames are paused holds one record rather than every batch.
 * Rows and chains are keyed by exchange, so the two workers' never collide; counters and
 * catalogs are kept per worker and combined when applied.
 */
const pending = {
  rows: null as Record<string, PerpRow> | null,
  perpChanged: false,
  chains: null as Record<string, Record<string, OptionRow>> | null,
  /** Chains of `chains` already copied this frame. */
  copiedChains: new Set<string>(),
  underlyings: {} as Partial<Record<ExchangeId, readonly string[]>>,
  optionChanged: false,
  futureRows: null as Record<string, DatedFutureRow> | null,
  futureChanged: false,
  links: new Map<ExchangeId, ExchangeLinkStatus>(),
  sources: [] as SourceStatus[],
  clocks: null as Partial<Record<ExchangeId, number>> | null,
};

/** The page's open leases per exchange, so a restarted worker is given them again. */
const leasesOf: Record<ExchangeId, Map<number, FeedRequest>> = { binance: new Map(), okx: new Map() };

/** Each worker's latest counters (totals since it started): the stores show their sum. */
const perpCountersOf: Partial<Record<ExchangeId, IngestCounters>> = {};
const optionCountersOf: Partial<Record<ExchangeId, IngestCounters>> = {};
const futureCountersOf: Partial<Record<ExchangeId, IngestCounters>> = {};

const workers = new Map<ExchangeId, Worker>();
let nextLease = 0;
let frameRequested = false;

function collect(exchange: ExchangeId, batch: WorkerBatch): void {
  if (batch.perp) {
    if (!changesNoRow(batch.perp.rows)) {
      pending.rows ??= { ...usePerpStore.getState().rows };
      applyRowChanges(pending.rows, batch.perp.rows, PERP_CODEC);
    }
    perpCountersOf[exchange] = batch.perp.counters;
    pending.perpChanged = true;
  }
  if (batch.option) {
    for (const [key, changes] of Object.entries(batch.option.chains)) {
      const chains = (pending.chains ??= { ...useOptionStore.getState().chains });
      if (!pending.copiedChains.has(key)) {
        chains[key] = { ...chains[key] };
        pending.copiedChains.add(key);
      }
      applyRowChanges(chains[key]!, changes, OPTION_CODEC);
    }
    if (batch.option.underlyings) pending.underlyings[exchange] = batch.option.underlyings[exchange];
    optionCountersOf[exchange] = batch.option.counters;
    pending.optionChanged = true;
  }
  if (batch.datedFutures) {
    if (!changesNoRow(batch.datedFutures.rows)) {
      pending.futureRows ??= { ...useDatedFutureStore.getState().rows };
      applyRowChanges(pending.futureRows, batch.datedFutures.rows, DATED_FUTURE_CODEC);
    }
    futureCountersOf[exchange] = batch.datedFutures.counters;
    pending.futureChanged = true;
  }
  for (const link of batch.links) pending.links.set(link.exchange, link);
  pending.sources.push(...batch.sources);
  if (batch.clocks) pending.clocks = { ...pending.clocks, ...batch.clocks };
}

/** Applies what arrived since the last frame, with one setState per store that changed. */
function applyPending(): void {
  frameRequested = false;
  if (pending.perpChanged) {
    const rows = pending.rows ?? usePerpStore.getState().rows;
    usePerpStore.setState({ rows, counters: sumCounters(Object.values(perpCountersOf)) });
    pending.rows = null;
    pending.perpChanged = false;
  }
  if (pending.optionChanged) {
    const current = useOptionStore.getState();
    const chains = pending.chains ?? current.chains;
    pending.chains = null;
    pending.copiedChains.clear();
    const underlyings = Object.keys(pending.underlyings).length > 0 ? { ...current.underlyings, ...pending.underlyings } : current.underlyings;
    useOptionStore.setState({ chains, underlyings, counters: sumCounters(Object.values(optionCountersOf)) });
    pending.underlyings = {};
    pending.optionChanged = false;
  }
  if (pending.futureChanged) {
    const rows = pending.futureRows ?? useDatedFutureStore.getState().rows;
    useDatedFutureStore.setState({ rows, counters: sumCounters(Object.values(futureCountersOf)) });
    pending.futureRows = null;
    pending.futureChanged = false;
  }
  if (pending.links.size > 0) {
    const links = Object.fromEntries(pending.links);
    useConnectionStatusStore.setState((state) => ({ byExchange: { ...state.byExchange, ...links } }));
    pending.links.clear();
  }
  if (pending.sources.length > 0) {
    useSourceStatusStore.getState().reportAll(pending.sources);
    pending.sources = [];
  }
  if (pending.clocks) {
    const clocks = pending.clocks;
    useVenueClockStore.setState((state) => ({ offsets: { ...state.offsets, ...clocks } }));
    pending.clocks = null;
  }
}

/**
 * One ingest worker per exchange: each parses its own sockets on its own thread, so a burst on
 * one exchange (OKX's many small frames) does not hold back the other's frames behind it.
 */
function ingestWorker(exchange: ExchangeId): Worker {
  let worker = workers.get(exchange);
  if (!worker) {
    worker = new Worker(new URL('../ingest/ingestWorker.ts', import.meta.url), { type: 'module', name: `ingest-${exchange}` });
    worker.onmessage = (event: MessageEvent<WorkerBatch>) => {
      collect(exchange, event.data);
      // Here, not in the frame: a hidden tab runs no animation frames, and its alerts must still ring.
      batchListeners.forEach((listener) => listener(event.data));
      if (frameRequested) return;
      frameRequested = true;
      requestAnimationFrame(applyPending);
    };
    worker.postMessage({ type: 'configure', okxRegion: useOkxRegionStore.getState().region } satisfies WorkerCommand);
    if (shown) worker.postMessage({ type: 'show', shown } satisfies WorkerCommand);
    if (alertRules) worker.postMessage(alertRules.command());
    if (!navigator.onLine) worker.postMessage({ type: 'network', online: false } satisfies WorkerCommand);
    workers.set(exchange, worker);
    watchNetworkOnce();
  }
  return worker;
}

/** Every worker hears the browser's `online` and `offline` events, from the first worker's start on. */
const watchNetworkOnce = once(() => watchNetwork((command) => workers.forEach((worker) => worker.postMessage(command))));

/** Asks the request's exchange's ingest worker to run a feed until the returned release is called (once). */
export function acquireFeed(request: FeedRequest): () => void {
  const lease = ++nextLease;
  const leases = leasesOf[request.exchange];
  const send = (command: WorkerCommand): void => ingestWorker(request.exchange).postMessage(command);
  leases.set(lease, request);
  send({ type: 'acquire', lease, request });
  return once(() => {
    leases.delete(lease);
    send({ type: 'release', lease });
  });
}

/** What the views on screen show, as last told to every worker (a worker started later is told at its start). */
let shown: ShownRows | null = null;

export function tellWorkersShown(next: ShownRows): void {
  shown = next;
  for (const worker of workers.values()) worker.postMessage({ type: 'show', shown } satisfies WorkerCommand);
}

/** The alert rules, as last told to every worker (a worker started later is told at its start, with the states kept by then). */
let alertRules: { command: () => WorkerCommand } | null = null;

/** `keptStates` is read at each telling: a worker started later (a new OKX region) resumes from the states kept by then. */
export function tellWorkersRules(rules: readonly AlertRule[], keptStates: () => RuleStates): void {
  const listed = [...rules];
  alertRules = { command: () => ({ type: 'rules', rules: listed, states: keptStates() }) };
  for (const worker of workers.values()) worker.postMessage(alertRules.command());
}

const batchListeners = new Set<(batch: WorkerBatch) => void>();

/** Calls `listener` with each batch as it arrives, before any frame, until the returned stop is called. */
export function listenToBatches(listener: (batch: WorkerBatch) => void): () => void {
  batchListeners.add(listener);
  return () => batchListeners.delete(listener);
}

/** Every perpetual row as it stands now: what arrived since the last frame, else the store's. */
export function freshPerpRows(): Readonly<Record<string, PerpRow>> {
  return pending.rows ?? usePerpStore.getState().rows;
}

/** A record without the entries keyed `<exchange>:…` (perpKey, chainKey). */
function withoutExchange<Value>(record: Readonly<Record<string, Value>>, exchange: ExchangeId): Record<string, Value> {
  const prefix = `${exchange}:`;
  return Object.fromEntries(Object.entries(record).filter(([key]) => !key.startsWith(prefix)));
}

/** Clears from the stores everything an exchange's worker sent: its rows, chains, counters, link, sources and clock. */
function forgetExchange(exchange: ExchangeId): void {
  delete perpCountersOf[exchange];
  delete optionCountersOf[exchange];
  delete futureCountersOf[exchange];
  usePerpStore.setState((state) => ({
    rows: withoutExchange(state.rows, exchange),
    counters: sumCounters(Object.values(perpCountersOf)),
  }));
  useOptionStore.setState((state) => ({
    chains: withoutExchange(state.chains, exchange),
    underlyings: { ...state.underlyings, [exchange]: [] },
    counters: sumCounters(Object.values(optionCountersOf)),
  }));
  useDatedFutureStore.setState((state) => ({
    rows: withoutExchange(state.rows, exchange),
    counters: sumCounters(Object.values(futureCountersOf)),
  }));
  useConnectionStatusStore.setState((state) => ({ byExchange: { ...state.byExchange, [exchange]: initialLinkStatus(exchange) } }));
  useVenueClockStore.setState((state) => ({ offsets: { ...state.offsets, [exchange]: undefined } }));
  useSourceStatusStore.setState((state) => ({
    sources: Object.fromEntries(Object.entries(state.sources).filter(([, source]) => source.exchange !== exchange)),
  }));
}

/**
 * Replaces an exchange's ingest worker with one configured afresh (a new OKX region), holding the
 * same leases: its sockets and REST calls go to the new hosts, and no row of the old ones lingers.
 */
export function restartIngestWorker(exchange: ExchangeId): void {
  const worker = workers.get(exchange);
  if (!worker) return;
  worker.onmessage = null;
  worker.terminate();
  workers.delete(exchange);
  // What the old worker sent before it stopped is applied now, so that forgetting it clears it too.
  applyPending();
  forgetExchange(exchange);
  const fresh = ingestWorker(exchange);
  for (const [lease, request] of leasesOf[exchange]) fresh.postMessage({ type: 'acquire', lease, request } satisfies WorkerCommand);
}

/** Runs one feed on every exchange, each in its exchange's worker, until the returned release is called. */
export function acquireOnEveryExchange(feed: 'perps' | 'option-catalog'): () => void {
  const releases = EXCHANGES.map((exchange) => acquireFeed({ feed, exchange }));
  return () => releases.forEach((release) => release());
}
