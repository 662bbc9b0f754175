import { createConnectionHub } from '../connection/connectionHub';
import type { SnapshotRead } from '../connection/managedSocket';
import type { Scheduler } from '../connection/scheduler';
import type { SocketFactory } from '../connection/socketFactory';
import type { ExchangeLinkStatus } from '../domain/connectionState';
import type { ExchangeId } from '../domain/exchange';
import type { OkxRegion } from '../domain/okxRegion';
import type { OptionQuote } from '../domain/option';
import type { PerpQuote } from '../domain/perp';
import { binanceOptionInstrument } from '../feeds/binance/optionParse';
import { instrumentFromSymbol } from '../feeds/binance/parse';
import { okxOptionInstrument } from '../feeds/okx/optionParse';
import { instrumentFromSwapId } from '../feeds/okx/parse';
import { createOptionIngest } from './optionIngest';
import { createPerpIngest } from './perpIngest';
import { RowTable } from './rowTable';
import type { SourceStatus } from '../domain/sourceStatus';
import { feedEndpoints } from './feedEndpoints';
import { optionFeeds } from './optionFeeds';
import { perpetualFeeds } from './perpFeeds';
import type { FeedCommand, FeedRequest, OptionBatch, PerpBatch, RowsPatch, WorkerBatch } from '../wire/messages';
import { OPTION_CODEC, PERP_CODEC } from '../wire/rowCodecs';
import { noRowChanges, RowIds, takeRowsPatch } from '../wire/rowChanges';

/**
 * One batch per tick, about seven a second: as often as a reader can follow a number, and the
 * page then re-renders its tables that often instead of sixty times a second. Each row's latest
 * value wins, so nothing is lost; an update waits at most one tick (75 ms on average). A tick's
 * work is partly fixed (its post to the page, waking the page, the flush) and OKX's snapshot
 * pushes of a topic are parsed once per tick however many arrived, so a longer tick costs less
 * per frame; a still longer one would leave little of the update→screen budget (bench/decisions.md).
 */
export const TICK_MS = 150;

export interface IngestServiceOptions {
  post: (batch: WorkerBatch) => void;
  sockets: SocketFactory;
  fetch: typeof fetch;
  scheduler: Scheduler;
  random: () => number;
  /** Whose hosts the OKX feeds connect to. */
  okxRegion: OkxRegion;
  onProblem?: (exchange: ExchangeId, kind: string, detail: string) => void;
}

function takeChainPatches(tables: ReadonlyMap<string, RowTable<OptionQuote>>, ids: RowIds): Record<string, RowsPatch<OptionQuote>> | null {
  let chains: Record<string, RowsPatch<OptionQuote>> | null = null;
  for (const [key, table] of tables) {
    const patch = takeRowsPatch(table, OPTION_CODEC, ids);
    if (patch) (chains ??= {})[key] = patch;
  }
  return chains;
}

/**
 * Everything between the sockets and the page's stores, run inside an exchange's ingest worker: the hub,
 * the feeds, parsing and coalescing. The ingests write rows to tables here; each tick the rows
 * that changed since the last tick go to the page as one batch.
 */
export interface IngestService {
  handle(command: FeedCommand): void;
}

export function createIngestService(options: IngestServiceOptions): IngestService {
  const { scheduler } = options;
  const perpRows = new RowTable<PerpQuote>();
  /** One id space for every row this worker sends, perpetuals and options alike. */
  const rowIds = new RowIds();
  const optionChains = new Map<string, RowTable<OptionQuote>>();

  /**
   * The sockets' waiting snapshot pushes, read at the tick before the ingests flush what they
   * yield. Pushes of perpetuals no view shows are read only when their held patches fall due.
   */
  const snapshotReads = new Set<SnapshotRead>();
  const flushes = new Set<() => void>();
  const links = new Map<ExchangeId, ExchangeLinkStatus>();
  let sources: SourceStatus[] = [];
  let timer: unknown = null;

  const tick = (): void => {
    timer = null;
    const reads = [...snapshotReads];
    snapshotReads.clear();
    const letWait = perpIngest.pushesMayWait(scheduler.now());
    reads.forEach((read) => read(letWait));
    const due = [...flushes];
    flushes.clear();
    due.forEach((flush) => flush());

    const quotes = takeRowsPatch(perpRows, PERP_CODEC, rowIds);
    const perpCounters = perpIngest.counters();
    let perp: PerpBatch | null = null;
    if (quotes || perpCounters !== perpCountersSent) {
      perp = { quotes: quotes ?? noRowChanges(), counters: perpCounters };
      perpCountersSent = perpCounters;
    }
    const chains = takeChainPatches(optionChains, rowIds);
    const underlyings = optionIngest.underlyings();
    const optionCounters = optionIngest.counters();
    let option: OptionBatch | null = null;
    if (chains || underlyings !== underlyingsSent || optionCounters !== optionCountersSent) {
      option = {
        chains: chains ?? {},
        underlyings: underlyings !== underlyingsSent ? underlyings : null,
        counters: optionCounters,
      };
      optionCountersSent = optionCounters;
      underlyingsSent = underlyings;
    }
    if (!perp && !option && links.size === 0 && sources.length === 0) return;
    options.post({ type: 'batch', perp, option, links: [...links.values()], sources });
    links.clear();
    sources = [];
  };

  const postNow = (): void => {
    if (timer !== null) scheduler.clearTimeout(timer);
    tick();
  };
  const arm = (): void => {
    if (timer === null) timer = scheduler.setTimeout(tick, TICK_MS);
  };
  const schedule = (flush: () => void): void => {
    flushes.add(flush);
    arm();
  };

  const hub = createConnectionHub({
    sockets: options.sockets,
    scheduler,
    random: options.random,
    fetch: options.fetch,
    onStatus: (status) => {
      // Newest per tick, but never a state the page has not seen yet: a reconnect quicker than a
      // tick would otherwise never show as reconnecting.
      const waiting = links.get(status.exchange);
      if (waiting && waiting.state !== status.state) postNow();
      links.set(status.exchange, status);
      arm();
    },
    onProblem: options.onProblem,
    readSnapshotsLater: (read) => {
      snapshotReads.add(read);
      arm();
    },
  });
  const reportSource = (status: SourceStatus): void => {
    sources.push(status);
    arm();
  };
  const now = () => scheduler.now();

  const perpIngest = createPerpIngest({
    rows: perpRows,
    schedule,
    now,
    instrumentFromSymbol: {
      binance: (symbol) => ({ kind: 'instrument', ...instrumentFromSymbol(symbol), indexId: null, listed: true }),
      okx: instrumentFromSwapId,
    },
  });
  const optionIngest = createOptionIngest({
    chains: optionChains,
    schedule,
    now,
    instrumentFromSymbol: { binance: binanceOptionInstrument, okx: okxOptionInstrument },
  });

  // What the page was last sent, starting from the ingests' own first values: a worker's first batch waits for a flush.
  let perpCountersSent = perpIngest.counters();
  let optionCountersSent = optionIngest.counters();
  let underlyingsSent = optionIngest.underlyings();

  const common = { hub, fetch: options.fetch, scheduler, random: options.random, reportSource };
  const endpoints = feedEndpoints(options.okxRegion);
  const acquirePerpetuals = perpetualFeeds({ ...common, ingest: perpIngest }, endpoints);
  const optionFeedSet = optionFeeds({ ...common, ingest: optionIngest }, endpoints);

  const start = (request: FeedRequest): (() => void) => {
    switch (request.feed) {
      case 'perpetuals':
        return acquirePerpetuals(request.exchange);
      case 'perpetual-rows':
        return perpIngest.watchRows(request.exchange, request.symbols);
      case 'option-catalog':
        return optionFeedSet.acquireCatalog(request.exchange);
      case 'option-chain':
        return optionFeedSet.acquireChain(request.exchange, request.underlying);
      case 'option-expiry':
        return optionFeedSet.acquireExpiry(request.exchange, request.underlying, request.expiry);
    }
  };

  const leases = new Map<number, () => void>();
  return {
    handle(command) {
      if (command.type === 'acquire') {
        if (!leases.has(command.lease)) leases.set(command.lease, start(command.request));
      } else {
        leases.get(command.lease)?.();
        leases.delete(command.lease);
      }
    },
  };
}
