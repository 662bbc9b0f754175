import type { ExchangeLinkStatus } from '../domain/connectionState';
import type { ExchangeId } from '../domain/exchange';
import type { OptionQuote } from '../domain/option';
import type { PerpQuote } from '../domain/perpetual';
import type { IngestCounters } from '../store/perpetualStore';
import type { SourceStatus } from '../store/sourceStatusStore';

/** A feed the page asks the ingest worker to keep running; the worker refcounts identical requests. */
export type FeedRequest =
  | { feed: 'perpetuals' }
  | { feed: 'option-catalog' }
  | { feed: 'option-chain'; exchange: ExchangeId; underlying: string }
  | { feed: 'option-expiry'; exchange: ExchangeId; underlying: string; expiry: number };

/** Page → worker. A lease is the page's handle on one acquire, so a release stops exactly that one. */
export type WorkerCommand =
  | { type: 'acquire'; lease: number; request: FeedRequest }
  | { type: 'release'; lease: number };

/**
 * Rows that changed since the previous batch: new rows whole, rows the page already holds as only
 * the fields that changed (with their key; a live update touches 5 or 6 of ~25 fields), removed
 * rows by key.
 */
export interface RowsPatch<Row> {
  upserts: Row[];
  changes: RowChange<Row>[];
  removed: string[];
}

export type RowChange<Row> = Partial<Row> & { key: string };

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

/** Worker → page: everything one worker tick produced, already coalesced; the page applies it in one frame. */
/**
 * Batches cross to the page as JSON text: Chromium copies a string across threads in one go,
 * while structured clone rebuilds every row object on the page's main thread, property by
 * property (~10 ms for a batch of 700 rows, measured with Long Animation Frames at ×10, against
 * ~1 ms for JSON.parse of the same batch). Batches hold only JSON values (numbers are finite).
 */
export const encodeBatch = (batch: WorkerBatch): string => JSON.stringify(batch);
export const decodeBatch = (text: string): WorkerBatch => JSON.parse(text) as WorkerBatch;

export interface WorkerBatch {
  type: 'batch';
  perp: PerpBatch | null;
  option: OptionBatch | null;
  /** Newest link status per exchange that changed this tick. */
  links: ExchangeLinkStatus[];
  /** REST source reports in the order they happened. */
  sources: SourceStatus[];
}
