import type { ConnectionHub } from '../connection/connectionHub';
import type { Scheduler } from '../connection/scheduler';
import type { OptionIngest } from '../ingest/optionIngest';
import type { SourceStatus } from '../domain/sourceStatus';

/** What an option feed needs from the outside, passed in so feeds stay free of globals and React. */
export interface OptionFeedDeps {
  hub: ConnectionHub;
  /** What a feed hands its events to. */
  ingest: Pick<OptionIngest, 'push' | 'reject' | 'countCoalesced'>;
  fetch: typeof fetch;
  scheduler: Scheduler;
  random: () => number;
  reportSource: (status: SourceStatus) => void;
}
