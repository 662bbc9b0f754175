import type { ConnectionHub } from '../connection/connectionHub';
import type { Scheduler } from '../connection/scheduler';
import type { PerpIngest } from '../ingest/perpIngest';
import type { SourceStatus } from '../domain/sourceStatus';

/** What a perpetual feed needs from the outside, passed in so feeds stay free of globals and React. */
export interface PerpFeedDeps {
  hub: ConnectionHub;
  /** What a feed hands its events to. */
  ingest: Pick<PerpIngest, 'push' | 'reject' | 'countCoalesced'>;
  fetch: typeof fetch;
  scheduler: Scheduler;
  random: () => number;
  reportSource: (status: SourceStatus) => void;
  /** The keys of the worker's perpetual rows in view on the page now (and the Carry view's legs): per-symbol polls ask these only. */
  polledPerps: () => readonly string[];
}
