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

/** Rows that changed since the previous batch: new or replaced rows whole, removed rows by key. */
export interface RowsPatch<Row> {
  upserts: Row[];
  removed: string[];
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
