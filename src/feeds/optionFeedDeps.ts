import type { ConnectionHub } from '../connection/connectionHub';
import type { Scheduler } from '../connection/scheduler';
import type { OptionIngest } from '../store/optionIngest';
import type { SourceStatus } from '../store/sourceStatusStore';

/** What an option feed needs from the outside, passed in so feeds stay free of globals and React. */
export interface OptionFeedDeps {
  hub: ConnectionHub;
  ingest: OptionIngest;
  fetch: typeof fetch;
  scheduler: Scheduler;
  random: () => number;
  reportSource: (status: SourceStatus) => void;
}
