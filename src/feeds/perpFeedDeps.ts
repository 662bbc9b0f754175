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
  /** The keys of the worker's perpetual rows the page shows now: every row while a view shows them all. */
  shownPerps: () => readonly string[];
}
