import { createConnectionHub } from '../connection/connectionHub';
import { retryRestSourcesNow } from '../connection/restSource';
import type { Scheduler } from '../connection/scheduler';
import type { SocketFactory } from '../connection/socketFactory';
import type { ExchangeLinkStatus } from '../domain/connectionState';
import type { ExchangeId } from '../domain/exchange';
import type { OkxRegion } from '../domain/okxRegion';
import type { DatedFutureRow } from '../domain/datedFuture';
import type { OptionRow } from '../domain/option';
import type { PerpRow } from '../domain/perp';
import type { SourceStatus } from '../domain/sourceStatus';
import { binanceOptionInstrument } from '../feeds/binance/optionParse';
import { instrumentFromSymbol } from '../feeds/binance/parse';
import { okxOptionInstrument } from '../feeds/okx/optionParse';
import { instrumentFromSwapId } from '../feeds/okx/parse';
import type { DatedFutureBatch, FeedRequest, OptionBatch, PerpBatch, RowChanges, WorkerBatch, WorkerCommand } from '../wire/messages';
import { DATED_FUTURE_CODEC, OPTION_CODEC, PERP_CODEC } from '../wire/rowCodecs';
import { noRowChanges, toRowChanges } from '../wire/writeRowChanges';
import { AlertWatch } from './alertWatch';
import { BackgroundRows } from './backgroundRows';
import { datedFutureFeeds } from './datedFutureFeeds';
import { createDatedFutureIngest } from './datedFutureIngest';
import { feedEndpoints } from './feedEndpoints';
import { optionFeeds } from './optionFeeds';
import { createOptionIngest } from './optionIngest';
import { createPerpIngest } from './perpIngest';
import { perpFeeds } from './perpFeeds';
import { RowTable } from './rowTable';
import { VenueClocks } from './venueClocks';

/** About seven batches a second: a longer tick costs less per frame but eats the update→screen budget (bench/decisions.md). */
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

/** Everything between an exchange's sockets and the page, inside its ingest worker: the hub, the feeds, the ingests and the tick. */
export interface IngestService {
  handle(command: Exclude<WorkerCommand, { type: 'configure' }>): void;
}

export function createIngestService(options: IngestServiceOptions): IngestService {
  const { scheduler } = options;
  const perpRows = new RowTable<PerpRow>();
  const optionChains = new Map<string, RowTable<OptionRow>>();
  const datedFutureRows = new RowTable<DatedFutureRow>();
  const background = new BackgroundRows();
  /** The sockets' snapshot pushes, each topic's newest read at the tick, before the ingests flush. */
  const snapshotReads = new Set<() => void>();
  const flushes = new Set<() => void>();
  const links = new Map<ExchangeId, ExchangeLinkStatus>();
  const alertWatch = new AlertWatch();
  let sources: SourceStatus[] = [];
  let timer: unknown = null;

  const takeChains = (withBackground: boolean): Record<string, RowChanges<OptionRow>> | null => {
    let chains: Record<string, RowChanges<OptionRow>> | null = null;
    for (const [key, table] of optionChains) {
      const changes = toRowChanges(table.takeChanges(withBackground ? undefined : background.backgroundOptionsOf(key)), (key) => table.get(key), OPTION_CODEC);
      if (changes) (chains ??= {})[key] = changes;
    }
    return chains;
  };

  const tick = (): void => {
    timer = null;
    const reads = [...snapshotReads];
    snapshotReads.clear();
    reads.forEach((read) => read());
    const due = [...flushes];
    flushes.clear();
    due.forEach((flush) => flush());
    const alerts = alertWatch.observe({
      time: scheduler.now(),
      perps: () => perpRows.values(),
      changedPerps: () => perpRows.changedRows(),
      changedChain: (key) => {
        const table = optionChains.get(key);
        return table?.hasChanges ? table.values() : null;
      },
      links: [...links.values()],
    });

    const withBackground = background.due(scheduler.now());
    const rows = toRowChanges(perpRows.takeChanges(withBackground ? undefined : background.isBackgroundPerp), (key) => perpRows.get(key), PERP_CODEC);
    const perpCounters = perpIngest.counters();
    let perp: PerpBatch | null = null;
    // Counters alone are a background value: they go with rows, or once a second.
    if (rows || (withBackground && perpCounters !== perpCountersSent)) {
      perp = { rows: rows ?? noRowChanges(), counters: perpCounters };
      perpCountersSent = perpCounters;
    }
    const chains = takeChains(withBackground);
    const underlyings = optionIngest.underlyings();
    const optionCounters = optionIngest.counters();
    let option: OptionBatch | null = null;
    if (chains || underlyings !== underlyingsSent || (withBackground && optionCounters !== optionCountersSent)) {
      option = { chains: chains ?? {}, underlyings: underlyings !== underlyingsSent ? underlyings : null, counters: optionCounters };
      optionCountersSent = optionCounters;
      underlyingsSent = underlyings;
    }
    // Few rows, all on the one page that asked for them: sent whenever they change.
    const futureRows = toRowChanges(datedFutureRows.takeChanges(), (key) => datedFutureRows.get(key), DATED_FUTURE_CODEC);
    const futureCounters = datedFutureIngest.counters();
    let datedFutures: DatedFutureBatch | null = null;
    if (futureRows || (withBackground && futureCounters !== futureCountersSent)) {
      datedFutures = { rows: futureRows ?? noRowChanges(), counters: futureCounters };
      futureCountersSent = futureCounters;
    }
    // Background rows still waiting go out within the second even if nothing else arrives; a link down fires with no data.
    if (perpRows.hasChanges || [...optionChains.values()].some((table) => table.hasChanges) || alertWatch.watchesTime) arm();
    const clocks = venueClocks.takeChanges();
    const ruleStates = alertWatch.takeStateChanges();
    if (!perp && !option && !datedFutures && !clocks && links.size === 0 && sources.length === 0 && alerts.length === 0 && ruleStates.length === 0) return;
    options.post({ type: 'batch', perp, option, datedFutures, clocks, links: [...links.values()].map(withStreamAge), sources, alerts, ruleStates });
    links.clear();
    sources = [];
  };

  /** A backlog drained after a freeze is no news: the badge's last message is no newer than the newest data was current. */
  const withStreamAge = (link: ExchangeLinkStatus): ExchangeLinkStatus => {
    const streamed = venueClocks.streamedAt(link.exchange);
    return streamed !== null && link.lastMessageAt !== null && streamed < link.lastMessageAt ? { ...link, lastMessageAt: streamed } : link;
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
  const venueClocks = new VenueClocks(now);

  const perpIngest = createPerpIngest({
    rows: perpRows,
    schedule,
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

  const datedFutureIngest = createDatedFutureIngest({ rows: datedFutureRows, schedule, now });

  // What the page was last sent, starting from the ingests' own first values: a worker's first batch waits for a flush.
  let perpCountersSent = perpIngest.counters();
  let optionCountersSent = optionIngest.counters();
  let underlyingsSent = optionIngest.underlyings();
  let futureCountersSent = datedFutureIngest.counters();

  const common = { hub, fetch: options.fetch, scheduler, random: options.random, reportSource };
  const endpoints = feedEndpoints(options.okxRegion);
  const acquirePerps = perpFeeds({ ...common, ingest: venueClocks.guard(perpIngest), polledPerps: () => background.polledPerpKeys(perpRows) }, endpoints);
  const optionFeedSet = optionFeeds({ ...common, ingest: venueClocks.guard(optionIngest) }, endpoints);
  const acquireDatedFutures = datedFutureFeeds({ ...common, ingest: venueClocks.guard(datedFutureIngest) }, endpoints);

  const start = (request: FeedRequest): (() => void) => {
    switch (request.feed) {
      case 'perps':
        return acquirePerps(request.exchange);
      case 'option-catalog':
        return optionFeedSet.acquireCatalog(request.exchange);
      case 'option-chain':
        return optionFeedSet.acquireChain(request.exchange, request.underlying);
      case 'option-expiry':
        return optionFeedSet.acquireExpiry(request.exchange, request.underlying, request.expiry);
      case 'dated-futures':
        return acquireDatedFutures(request.exchange, request.coin);
    }
  };

  const leases = new Map<number, () => void>();
  return {
    handle(command) {
      if (command.type === 'show') {
        background.show(command.shown);
        arm();
      } else if (command.type === 'rules') {
        alertWatch.setRules(command.rules, command.states);
        arm();
      } else if (command.type === 'network') {
        hub.setOnline(command.online);
        if (command.online) retryRestSourcesNow();
      } else if (command.type === 'acquire') {
        if (!leases.has(command.lease)) leases.set(command.lease, start(command.request));
      } else {
        leases.get(command.lease)?.();
        leases.delete(command.lease);
      }
    },
  };
}
