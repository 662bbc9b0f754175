/**
 * Bundled into the benchmark's build only (a second entry script injected by
 * bench/harness/storeProbePlugin.ts), never into the product: it shares the app's store module
 * and exposes read-only figures the DOM does not show (ingest counters, rows without values).
 * It runs nothing per message; the page asks for figures when it wants them.
 */
import type { IngestCounters } from '../../src/domain/ingestCounters';
import { usePerpStore } from '../../src/store/perpStore';

export interface StoreProbeApi {
  counters(): IngestCounters;
  rows(): { total: number; live: number };
  /** Keys of the rows still without a mark or a funding rate, and what each lacks. */
  notLive(): string[];
  /** performance.now() when the store first held `expectedRows` rows, each with a mark and a funding rate. */
  fullAt(): number | null;
}

interface ProbeWindow {
  __benchExpectedRows?: number;
  __benchStore?: StoreProbeApi;
}

const probeWindow = window as unknown as ProbeWindow;

function rows(): { total: number; live: number } {
  const quotes = Object.values(usePerpStore.getState().rows);
  return { total: quotes.length, live: quotes.filter((quote) => quote.mark !== null && quote.fundingRate !== null).length };
}

let fullAt: number | null = null;
const stopWatching = usePerpStore.subscribe(() => {
  const expected = probeWindow.__benchExpectedRows ?? Number.POSITIVE_INFINITY;
  const { total, live } = rows();
  if (total !== expected || live !== expected) return;
  fullAt = performance.now();
  stopWatching();
});

probeWindow.__benchStore = {
  counters: () => usePerpStore.getState().counters,
  rows,
  notLive: () =>
    Object.values(usePerpStore.getState().rows)
      .filter((quote) => quote.mark === null || quote.fundingRate === null)
      .map((quote) => `${quote.key}${quote.mark === null ? ' (no mark)' : ''}${quote.fundingRate === null ? ' (no funding)' : ''}`),
  fullAt: () => fullAt,
};
