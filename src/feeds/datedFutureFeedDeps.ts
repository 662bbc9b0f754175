import type { ConnectionHub } from '../connection/connectionHub';
import type { Scheduler } from '../connection/scheduler';
import type { DatedFutureIngest } from '../ingest/datedFutureIngest';
import type { SourceStatus } from '../domain/sourceStatus';

/** What a dated-future feed needs from the outside, passed in so feeds stay free of globals and React. */
export interface DatedFutureFeedDeps {
  hub: ConnectionHub;
  /** What a feed hands its events to. */
  ingest: Pick<DatedFutureIngest, 'push' | 'reject' | 'countCoalesced'>;
  fetch: typeof fetch;
  scheduler: Scheduler;
  random: () => number;
  reportSource: (status: SourceStatus) => void;
}
