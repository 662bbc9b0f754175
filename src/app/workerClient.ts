import type { ExchangeLinkStatus } from '../domain/connectionState';
import type { ExchangeId } from '../domain/exchange';
import type { OptionQuote } from '../domain/option';
import type { PerpQuote } from '../domain/perpetual';
import { useConnectionStatusStore } from '../store/connectionStatusStore';
import { useOptionStore, type OptionChainRows, type OptionState } from '../store/optionStore';
import { usePerpetualStore, type IngestCounters } from '../store/perpetualStore';
import { useSourceStatusStore, type SourceStatus } from '../store/sourceStatusStore';
import { decodeBatch, type FeedRequest, type WorkerBatch, type WorkerCommand } from '../worker/protocol';
import { applyRows, collectRows, type PendingRows } from '../worker/rowsPatch';

/**
 * What arrived from the worker since the last frame, merged on arrival (newest per row), so a
 * tab whose frames are paused holds one change per row rather than every batch.
 */
const pending = {
  perpRows: new Map() as PendingRows<PerpQuote>,
  perpCounters: null as IngestCounters | null,
  optionChains: new Map<string, PendingRows<OptionQuote>>(),
  underlyings: null as OptionState['underlyings'] | null,
  optionCounters: null as IngestCounters | null,
  links: new Map<ExchangeId, ExchangeLinkStatus>(),
  sources: [] as SourceStatus[],
};

let worker: Worker | null = null;
let nextLease = 0;
let frameRequested = false;

function collect(batch: WorkerBatch): void {
  if (batch.perp) {
    collectRows(pending.perpRows, batch.perp.quotes);
    pending.perpCounters = batch.perp.counters;
  }
  if (batch.option) {
    for (const [key, patch] of Object.entries(batch.option.chains)) {
      let rows = pending.optionChains.get(key);
      if (!rows) pending.optionChains.set(key, (rows = new Map()));
      collectRows(rows, patch);
    }
    if (batch.option.underlyings) pending.underlyings = batch.option.underlyings;
    pending.optionCounters = batch.option.counters;
  }
  for (const link of batch.links) pending.links.set(link.exchange, link);
  pending.sources.push(...batch.sources);
}

/** Applies what arrived since the last frame, with one setState per store that changed. */
function applyPending(): void {
  frameRequested = false;
  if (pending.perpCounters) {
    const quotes: Record<string, PerpQuote> = { ...usePerpetualStore.getState().quotes };
    applyRows(quotes, pending.perpRows);
    usePerpetualStore.setState({ quotes, counters: pending.perpCounters });
    pending.perpRows.clear();
    pending.perpCounters = null;
  }
  if (pending.optionCounters) {
    const current = useOptionStore.getState();
    const chains: Record<string, OptionChainRows> = { ...current.chains };
    for (const [key, changes] of pending.optionChains) {
      const rows: Record<string, OptionQuote> = { ...chains[key] };
      applyRows(rows, changes);
      chains[key] = rows;
    }
    useOptionStore.setState({ chains, underlyings: pending.underlyings ?? current.underlyings, counters: pending.optionCounters });
    pending.optionChains.clear();
    pending.underlyings = null;
    pending.optionCounters = null;
  }
  if (pending.links.size > 0) {
    const links = Object.fromEntries(pending.links);
    useConnectionStatusStore.setState((state) => ({ byExchange: { ...state.byExchange, ...links } }));
    pending.links.clear();
  }
  if (pending.sources.length > 0) {
    useSourceStatusStore.getState().reportAll(pending.sources);
    pending.sources = [];
  }
}

function ingestWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('../worker/ingestWorker.ts', import.meta.url), { type: 'module', name: 'ingest' });
    worker.onmessage = (event: MessageEvent<string>) => {
      collect(decodeBatch(event.data));
      if (frameRequested) return;
      frameRequested = true;
      requestAnimationFrame(applyPending);
    };
  }
  return worker;
}

/** Asks the ingest worker to run a feed until the returned release is called (once). */
export function acquireFeed(request: FeedRequest): () => void {
  const lease = ++nextLease;
  const send = (command: WorkerCommand): void => ingestWorker().postMessage(command);
  send({ type: 'acquire', lease, request });
  let released = false;
  return () => {
    if (released) return;
    released = true;
    send({ type: 'release', lease });
  };
}
