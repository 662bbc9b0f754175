import type { ExchangeLinkStatus } from '../domain/connectionState';
import type { ExchangeId } from '../domain/exchange';
import type { OptionQuote } from '../domain/option';
import type { PerpQuote } from '../domain/perpetual';
import type { IngestCounters } from '../store/perpetualStore';
import type { SourceStatus } from '../store/sourceStatusStore';

/**
 * A feed the page asks an exchange's ingest worker to keep running; the worker refcounts identical
 * requests. Each exchange has its own worker (src/app/workerClient.ts), so a request names it.
 */
export type FeedRequest =
  | { feed: 'perpetuals'; exchange: ExchangeId }
  | { feed: 'option-catalog'; exchange: ExchangeId }
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

/**
 * Batches cross to the page as JSON text, parsed on arrival. Decoding lands on the page's main
 * thread either way; at ×10 (ten batches a second) a trace put structured-clone decoding at
 * ~1.6 ms CPU a batch and a CPU profile put JSON.parse at ~1.3 ms. Batches hold only JSON values
 * (numbers are finite, absent values null).
 */
export const encodeBatch = (batch: WorkerBatch): string => JSON.stringify(batch);
export const decodeBatch = (text: string): WorkerBatch => JSON.parse(text) as WorkerBatch;

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
