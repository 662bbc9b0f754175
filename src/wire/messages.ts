import type { ExchangeLinkStatus } from '../domain/connectionState';
import type { ExchangeId } from '../domain/exchange';
import type { OkxRegion } from '../domain/okxRegion';
import type { OptionQuote } from '../domain/option';
import type { PerpQuote } from '../domain/perp';
import type { IngestCounters } from '../domain/ingestCounters';
import type { SourceStatus } from '../domain/sourceStatus';

/**
 * A feed the page asks an exchange's ingest worker to keep running; the worker refcounts identical
 * requests. Each exchange has its own worker (src/app/workerClient.ts), so a request names it.
 * `perpetual-rows` runs no feed: it says which of the exchange's perpetuals a view shows (`'all'`,
 * or symbols, possibly none), so the worker sends the others once a second (PerpIngest.watchRows).
 */
export type FeedRequest =
  | { feed: 'perpetuals'; exchange: ExchangeId }
  | { feed: 'perpetual-rows'; exchange: ExchangeId; symbols: readonly string[] | 'all' }
  | { feed: 'option-catalog'; exchange: ExchangeId }
  | { feed: 'option-chain'; exchange: ExchangeId; underlying: string }
  | { feed: 'option-expiry'; exchange: ExchangeId; underlying: string; expiry: number };

/** A lease is the page's handle on one acquire, so a release stops exactly that one. */
export type FeedCommand =
  | { type: 'acquire'; lease: number; request: FeedRequest }
  | { type: 'release'; lease: number };

/** Page → worker: `configure` first and once (the worker runs no feed before it), then feed commands. */
export type WorkerCommand = { type: 'configure'; okxRegion: OkxRegion } | FeedCommand;

/**
 * Rows that changed since the previous batch: new (or relisted) rows whole, rows the page already
 * holds as their numeric columns (src/worker/rowsPatch.ts), removed rows by key.
 */
export interface RowsPatch<Row> {
  upserts: Row[];
  /** Each upsert's row id (RowIds), in the same order: the id `changed` names the row by. */
  upsertIds: number[];
  changed: RowColumns;
  removed: string[];
}

/** One changed row per id: its values at `index × columns` in `values`, in its codec's column order. */
export interface RowColumns {
  ids: Int32Array;
  values: Float64Array;
}

export interface PerpBatch {
  quotes: RowsPatch<PerpQuote>;
  counters: IngestCounters;
}

export interface OptionBatch {
  /** Only the chains that changed, by chain key. */
  chains: Record<string, RowsPatch<OptionQuote>>;
  /** The catalogue's chains per exchange, when they changed. */
  underlyings: Readonly<Record<ExchangeId, readonly string[]>> | null;
  counters: IngestCounters;
}

/**
 * Batches cross to the page by structured clone, their column buffers transferred rather than
 * copied: as JSON text, formatting and parsing them was a large share of ingest (bench/decisions.md).
 */
export function transferablesOf(batch: WorkerBatch): ArrayBuffer[] {
  const patches = [...(batch.perp ? [batch.perp.quotes] : []), ...Object.values(batch.option?.chains ?? {})];
  return patches.flatMap((patch) => [patch.changed.ids.buffer as ArrayBuffer, patch.changed.values.buffer as ArrayBuffer]);
}

/** Worker → page: everything one worker tick produced, already coalesced; the page applies it in one frame. */
export interface WorkerBatch {
  type: 'batch';
  perp: PerpBatch | null;
  option: OptionBatch | null;
  /** Newest link status per exchange that changed this tick. */
  links: ExchangeLinkStatus[];
  /** REST source reports in the order they happened. */
  sources: SourceStatus[];
}
