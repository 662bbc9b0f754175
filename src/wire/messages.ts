import type { RuleStateChange, RuleStates } from '../domain/alerts/evaluateRules';
import type { AlertRule, FiredAlert } from '../domain/alerts/rule';
import type { ExchangeLinkStatus } from '../domain/connectionState';
import type { DatedFutureRow } from '../domain/datedFuture';
import type { ExchangeId } from '../domain/exchange';
import type { IngestCounters } from '../domain/ingestCounters';
import type { OkxRegion } from '../domain/okxRegion';
import type { OptionRow } from '../domain/option';
import type { PerpRow } from '../domain/perp';
import type { SourceStatus } from '../domain/sourceStatus';

/** A feed the page asks an exchange's ingest worker to run; the worker ref-counts identical requests. */
export type FeedRequest =
  | { feed: 'perps'; exchange: ExchangeId }
  | { feed: 'option-catalog'; exchange: ExchangeId }
  | { feed: 'option-chain'; exchange: ExchangeId; underlying: string }
  | { feed: 'option-expiry'; exchange: ExchangeId; underlying: string; expiry: number }
  /** One coin's dated futures (mark and index), while its chart page shows it. */
  | { feed: 'dated-futures'; exchange: ExchangeId; coin: string };

/** What the views on screen show; every other row is a background row (src/ingest/backgroundRows.ts). */
export interface ShownRows {
  /** Perpetual row keys, or every row (the screener sorts them all; also while no view has said). */
  perps: 'all' | readonly string[];
  /** Per chain key, the expiries (ms) on screen; a chain not named shows every expiry. */
  expiries: Readonly<Record<string, readonly number[]>>;
  /** Perpetual row keys whose per-symbol REST facts are polled (Binance open interest): the rows in view of every view. */
  polled: readonly string[];
}

/** Page → worker: `configure` first and once, then what views show, the feeds they need (a lease per acquire), the browser's network state and the alert rules. */
export type WorkerCommand =
  | { type: 'configure'; okxRegion: OkxRegion }
  | { type: 'network'; online: boolean }
  | { type: 'show'; shown: ShownRows }
  /** `states`: the rule states the page keeps, for the rules a worker holds none of (it has just started). */
  | { type: 'rules'; rules: AlertRule[]; states: RuleStates }
  | { type: 'acquire'; lease: number; request: FeedRequest }
  | { type: 'release'; lease: number };

/** The rows of a table that changed since the last batch: new or relisted rows whole, updated rows as columns, removed rows by key. */
export interface RowChanges<Row> {
  upserts: Row[];
  updated: ColumnValues;
  removed: string[];
}

/** One updated row per key: its values at `index × columns` in `values`, in its codec's column order. */
export interface ColumnValues {
  keys: string[];
  values: Float64Array;
}

export interface PerpBatch {
  rows: RowChanges<PerpRow>;
  counters: IngestCounters;
}

export interface OptionBatch {
  /** Only the chains that changed, by chain key. */
  chains: Record<string, RowChanges<OptionRow>>;
  /** The catalog's chains per exchange, when they changed. */
  underlyings: Readonly<Record<ExchangeId, readonly string[]>> | null;
  counters: IngestCounters;
}

export interface DatedFutureBatch {
  rows: RowChanges<DatedFutureRow>;
  counters: IngestCounters;
}

/** Worker → page: everything one worker tick produced, already coalesced; the page applies it in one frame. */
export interface WorkerBatch {
  type: 'batch';
  perp: PerpBatch | null;
  option: OptionBatch | null;
  datedFutures: DatedFutureBatch | null;
  /** Venue clock offsets (venue minus local, ms) that are new or moved, per exchange; null when none did. */
  clocks: Partial<Record<ExchangeId, number>> | null;
  /** Newest link status per exchange that changed this tick. */
  links: ExchangeLinkStatus[];
  /** REST source reports in the order they happened. */
  sources: SourceStatus[];
  /** Alerts the worker's rules fired this tick; empty when none did. */
  alerts: FiredAlert[];
  /** Rule states that moved this tick, for the page to keep across reloads; empty when none did. */
  ruleStates: RuleStateChange[];
}

/** Column buffers are transferred, not copied: as JSON text, batches cost a large share of ingest (bench/decisions.md). */
export function transferablesOf(batch: WorkerBatch): ArrayBuffer[] {
  const changes = [
    ...(batch.perp ? [batch.perp.rows] : []),
    ...Object.values(batch.option?.chains ?? {}),
    ...(batch.datedFutures ? [batch.datedFutures.rows] : []),
  ];
  return changes.map((change) => change.updated.values.buffer as ArrayBuffer);
}
