import { backoffDelay } from '../../connection/backoff';
import { RequestPacer, type SentLedger } from '../../connection/requestPacer';
import type { Scheduler } from '../../connection/scheduler';
import type { ExchangeId } from '../../domain/exchange';
import { perpKey } from '../../domain/perp';
import { binanceHistoryRefusal, binanceRateLimit, fetchBinanceSettlements } from '../../feeds/binance/fundingHistoryPages';
import type { RestBases } from '../../feeds/chartHistory';
import type { SettlementFill, SettlementWindow } from '../../feeds/fundingHistoryPages';
import { fetchOkxSettlements, okxRateLimit } from '../../feeds/okx/fundingHistoryPages';
import { once } from '../../lib/once';
import {
  applyContractChanges,
  type ContractHistory,
  type FundingHistoryStore,
  type HistoryStorage,
  type SettlementSpan,
  type VenuePause,
} from '../../store/fundingHistoryStore';
import { BINANCE_HISTORY_BUDGET, CONTRACT_RETRY, HISTORY_CONCURRENCY, OKX_HISTORY_RATE, OKX_INSTRUMENT_RATE, VENUE_PAUSE } from './historyBudget';
import type { SettlementCache } from './settlementCache';
import { depthFrom, HISTORY_DAYS, intervalHoursOf, isTopUp, mergeSpans, nextWindow, trimSpan, type FundingHint } from './spans';
import { VenueGate } from './venueGate';

const DAY_MS = 86_400_000;
/** Wanted contracts are checked this often for a settlement due or a retry come. */
const SWEEP_MS = 5_000;
/** Settlements older than the deepest window by more than this are dropped from the cache. */
const KEEP_MARGIN_DAYS = 5;
/** Fills one turn in the queue may run: the whole depth, then what settled meanwhile. */
const FILLS_PER_TURN = 3;

export interface HistoryContract {
  exchange: ExchangeId;
  symbol: string;
}

export interface FundingHistoryLoaderOptions {
  store: FundingHistoryStore;
  openCache: (onStorage: (storage: HistoryStorage) => void) => Promise<SettlementCache>;
  fetch: typeof fetch;
  scheduler: Scheduler;
  random: () => number;
  /** Read at each request, so a retry after the trader switched OKX region asks the new region's host. */
  restBases: () => RestBases;
  /** The contract's row, when the page has one: its next funding time says when a settlement is due. */
  hintOf: (key: string) => FundingHint;
  /** Where Binance's history budget keeps its send times: this loader's memory unless given one every tab and reload shares. */
  binanceBudgetLedger?: SentLedger;
}

interface Holding {
  contract: HistoryContract;
  users: number;
}

interface Failure {
  attempts: number;
  detail: string;
  retryAt: number;
}

/** A contract waiting its turn: newer asks (higher priority) first, then in the order asked. */
interface Waiting {
  key: string;
  priority: number;
  order: number;
  topUp: boolean;
}

/** Why the venue is never asked for this contract's history; null when it is. */
function refusalOf(contract: HistoryContract): string | null {
  return contract.exchange === 'binance' ? binanceHistoryRefusal(contract.symbol) : null;
}

function sameEntry(a: ContractHistory, b: ContractHistory): boolean {
  return a.status === b.status && a.detail === b.detail && a.retryAt === b.retryAt && a.span === b.span;
}

/**
 * Funding history for the contracts views ask for: read from the cache first, asked of the venue
 * only for what the cache lacks (the depth, then each settlement as it becomes due), through one
 * queue per venue that keeps within its limits, and told to the store contract by contract.
 */
export class FundingHistoryLoader {
  private readonly holdings = new Map<string, Holding>();
  private readonly spans = new Map<string, SettlementSpan>();
  private readonly readFromCache = new Set<string>();
  private readonly reading = new Set<string>();
  private readonly askedAt = new Map<string, number>();
  private readonly failures = new Map<string, Failure>();
  private readonly waiting: Record<ExchangeId, Waiting[]> = { binance: [], okx: [] };
  /** Per running contract, whether its fill only tops it up. */
  private readonly running: Record<ExchangeId, Map<string, boolean>> = { binance: new Map(), okx: new Map() };
  private readonly gates: Record<ExchangeId, VenueGate>;
  private cachePromise: Promise<SettlementCache> | null = null;
  private asks = 0;
  private arrivals = 0;
  private sweepTimer: unknown = null;

  constructor(private readonly options: FundingHistoryLoaderOptions) {
    const { fetch, scheduler, random } = options;
    const binanceBudget = new RequestPacer(BINANCE_HISTORY_BUDGET.requests, BINANCE_HISTORY_BUDGET.windowMs, scheduler, options.binanceBudgetLedger);
    const okxVenue = new RequestPacer(OKX_HISTORY_RATE.requests, OKX_HISTORY_RATE.windowMs, scheduler);
    const okxInstrument = new RequestPacer(OKX_INSTRUMENT_RATE.requests, OKX_INSTRUMENT_RATE.windowMs, scheduler);
    const common = { fetch, scheduler, random };
    this.gates = {
      binance: new VenueGate({
        ...common,
        turns: () => [{ pacer: binanceBudget, key: 'fundingRate' }],
        rateLimitOf: binanceRateLimit,
        minPauseMs: VENUE_PAUSE.binance.minMs,
        backoff: VENUE_PAUSE.binance.backoff,
        onPause: (pause) => this.setPause('binance', pause),
      }),
      okx: new VenueGate({
        ...common,
        // The instrument's turn last: OKX counts per instrument, and that count must fall when the request goes.
        turns: (instId) => [
          { pacer: okxVenue, key: 'funding-rate-history' },
          { pacer: okxInstrument, key: instId },
        ],
        rateLimitOf: okxRateLimit,
        minPauseMs: VENUE_PAUSE.okx.minMs,
        backoff: VENUE_PAUSE.okx.backoff,
        onPause: (pause) => this.setPause('okx', pause),
      }),
    };
  }

  /** Keeps the contracts' history loaded and current until the returned release; the newest ask goes first. */
  want(contracts: readonly HistoryContract[]): () => void {
    const priority = ++this.asks;
    const keys = contracts.map((contract) => perpKey(contract.exchange, contract.symbol));
    contracts.forEach((contract, i) => {
      const key = keys[i]!;
      const holding = this.holdings.get(key);
      if (holding) holding.users++;
      else this.holdings.set(key, { contract, users: 1 });
      const waiting = this.waiting[contract.exchange].find((entry) => entry.key === key);
      if (waiting) waiting.priority = priority;
    });
    for (const key of keys) this.examine(key, priority);
    this.publish(keys);
    this.startSweep();
    return once(() => this.release(keys));
  }

  /** The browser is online again: what failed is tried now, its backoff reset; a venue's rate-limit pause still holds. */
  retryFailedNow(): void {
    const now = this.options.scheduler.now();
    for (const [key, failure] of this.failures) this.failures.set(key, { ...failure, attempts: 0, retryAt: now });
    for (const key of this.holdings.keys()) this.examine(key, 0);
    this.publish([...this.failures.keys()]);
  }

  private release(keys: readonly string[]): void {
    const changes = new Map<string, ContractHistory | null>();
    for (const key of keys) {
      const holding = this.holdings.get(key);
      if (!holding || --holding.users > 0) continue;
      this.holdings.delete(key);
      const queue = this.waiting[holding.contract.exchange];
      const index = queue.findIndex((entry) => entry.key === key);
      if (index >= 0) queue.splice(index, 1);
      changes.set(key, null);
    }
    applyContractChanges(this.options.store, changes);
    if (this.holdings.size === 0) this.stopSweep();
  }

  private cache(): Promise<SettlementCache> {
    this.cachePromise ??= this.options.openCache((storage) => this.options.store.setState({ storage }));
    return this.cachePromise;
  }

  private busy(key: string, exchange: ExchangeId): boolean {
    return this.reading.has(key) || this.running[exchange].has(key) || this.waiting[exchange].some((entry) => entry.key === key);
  }

  /** Reads the cache once, then queues what the venue must be asked for, if anything; a refused contract is neither read nor asked for. */
  private examine(key: string, priority: number): void {
    const holding = this.holdings.get(key);
    if (!holding) return;
    const { exchange } = holding.contract;
    if (refusalOf(holding.contract) !== null || this.busy(key, exchange)) return;
    if (!this.readFromCache.has(key)) {
      this.reading.add(key);
      void this.readCache(key).then(() => {
        this.reading.delete(key);
        this.readFromCache.add(key);
        this.examine(key, priority);
        this.publish([key]);
      });
      return;
    }
    const failure = this.failures.get(key);
    if (failure && this.options.scheduler.now() < failure.retryAt) return;
    const window = this.windowFor(key, exchange, failure !== undefined);
    if (!window) return;
    this.waiting[exchange].push({ key, priority, order: ++this.arrivals, topUp: isTopUp(this.spans.get(key) ?? null, window) });
    this.publish([key]);
    this.pump(exchange);
  }

  /** A cache that cannot answer is a cache without the contract: the venue is asked. */
  private async readCache(key: string): Promise<void> {
    const span = await (await this.cache()).read(key).catch(() => null);
    if (span) this.spans.set(key, mergeSpans(this.spans.get(key) ?? null, span) ?? span);
  }

  /** After a failure the retry is due at once; otherwise a top-up waits out TOP_UP_RETRY_MS since the last ask. */
  private windowFor(key: string, exchange: ExchangeId, retrying: boolean): SettlementWindow | null {
    const span = this.spans.get(key) ?? null;
    const hint = this.options.hintOf(key);
    const now = this.options.scheduler.now();
    const askedAt = retrying ? Number.NEGATIVE_INFINITY : (this.askedAt.get(key) ?? Number.NEGATIVE_INFINITY);
    return nextWindow(span, depthFrom(exchange, intervalHoursOf(span, hint), now), hint, now, askedAt);
  }

  private pump(exchange: ExchangeId): void {
    const queue = this.waiting[exchange];
    while (this.running[exchange].size < HISTORY_CONCURRENCY && queue.length > 0) {
      let next = 0;
      for (let i = 1; i < queue.length; i++) {
        const [a, b] = [queue[i]!, queue[next]!];
        if (a.priority > b.priority || (a.priority === b.priority && a.order < b.order)) next = i;
      }
      const [entry] = queue.splice(next, 1);
      void this.run(entry!.key, exchange);
    }
  }

  private async run(key: string, exchange: ExchangeId): Promise<void> {
    const holding = this.holdings.get(key);
    if (!holding) return;
    const running = this.running[exchange];
    running.set(key, true);
    try {
      for (let fill = 0; fill < FILLS_PER_TURN && this.holdings.has(key); fill++) {
        const window = this.windowFor(key, exchange, fill === 0 && this.failures.has(key));
        if (!window) break;
        running.set(key, isTopUp(this.spans.get(key) ?? null, window));
        this.publish([key]);
        this.askedAt.set(key, this.options.scheduler.now());
        const piece = await this.fetchFill(holding.contract, window);
        this.absorb(key, piece);
        if (piece.failure) {
          this.fail(key, exchange, piece.failure.detail);
          break;
        }
        this.failures.delete(key);
      }
    } finally {
      running.delete(key);
      this.publish([key]);
      this.pump(exchange);
    }
  }

  private async fetchFill(contract: HistoryContract, window: SettlementWindow): Promise<SettlementFill> {
    const bases = this.options.restBases();
    const clock = () => this.options.scheduler.now();
    const { symbol } = contract;
    try {
      return contract.exchange === 'binance'
        ? await fetchBinanceSettlements((url) => this.gates.binance.request(url, symbol), bases.binance, symbol, window, clock)
        : await fetchOkxSettlements((url) => this.gates.okx.request(url, symbol), bases.okx, symbol, window, clock);
    } catch (error) {
      return { settlements: [], coveredFrom: window.from, coveredTo: window.from, failure: { detail: `network error (${String(error)})`, limited: null } };
    }
  }

  /** Joins a fill with what is held, keeps it no deeper than read, and stores it for the next visit. */
  private absorb(key: string, piece: SettlementFill): void {
    const merged = mergeSpans(this.spans.get(key) ?? null, { settlements: piece.settlements, coveredFrom: piece.coveredFrom, coveredTo: piece.coveredTo });
    if (!merged) return;
    const span = trimSpan(merged, this.options.scheduler.now() - (HISTORY_DAYS + KEEP_MARGIN_DAYS) * DAY_MS);
    this.spans.set(key, span);
    void this.cache().then((cache) => cache.write(key, span));
  }

  private fail(key: string, exchange: ExchangeId, detail: string): void {
    const attempts = (this.failures.get(key)?.attempts ?? 0) + 1;
    const backoff = this.options.scheduler.now() + backoffDelay(attempts - 1, CONTRACT_RETRY, this.options.random);
    this.failures.set(key, { attempts, detail, retryAt: Math.max(backoff, this.gates[exchange].resumesAt) });
  }

  private entryOf(key: string, contract: HistoryContract): ContractHistory {
    const refusal = refusalOf(contract);
    if (refusal !== null) return { status: 'refused', detail: refusal, retryAt: null, span: null };
    const { exchange } = contract;
    const span = this.spans.get(key) ?? null;
    const failure = this.failures.get(key);
    if (failure) return { status: 'failed', detail: failure.detail, retryAt: failure.retryAt, span };
    const waiting = this.waiting[exchange].find((entry) => entry.key === key);
    const status = this.reading.has(key) || this.running[exchange].get(key) === false ? 'loading' : waiting && !waiting.topUp ? 'queued' : 'loaded';
    return { status, detail: null, retryAt: null, span };
  }

  private publish(keys: readonly string[]): void {
    const contracts = this.options.store.getState().contracts;
    const changes = new Map<string, ContractHistory>();
    for (const key of keys) {
      const holding = this.holdings.get(key);
      if (!holding) continue;
      const entry = this.entryOf(key, holding.contract);
      const current = contracts[key];
      if (!current || !sameEntry(current, entry)) changes.set(key, entry);
    }
    applyContractChanges(this.options.store, changes);
  }

  private setPause(exchange: ExchangeId, pause: VenuePause | null): void {
    this.options.store.setState((state) => ({ pauses: { ...state.pauses, [exchange]: pause } }));
  }

  private startSweep(): void {
    if (this.sweepTimer !== null) return;
    const sweep = () => {
      for (const key of this.holdings.keys()) this.examine(key, 0);
      this.sweepTimer = this.options.scheduler.setTimeout(sweep, SWEEP_MS);
    };
    this.sweepTimer = this.options.scheduler.setTimeout(sweep, SWEEP_MS);
  }

  private stopSweep(): void {
    if (this.sweepTimer !== null) this.options.scheduler.clearTimeout(this.sweepTimer);
    this.sweepTimer = null;
  }
}
