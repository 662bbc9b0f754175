import type { ExchangeId } from '../domain/exchange';
import type { ExchangeLinkStatus } from '../domain/connectionState';
import type { OptionQuote } from '../domain/option';
import type { PerpQuote } from '../domain/perpetual';
import { useConnectionStatusStore } from '../store/connectionStatusStore';
import { useOptionStore, type OptionChainRows } from '../store/optionStore';
import { usePerpetualStore } from '../store/perpetualStore';
import { useSourceStatusStore } from '../store/sourceStatusStore';
import type { FeedRequest, WorkerBatch, WorkerCommand } from '../worker/protocol';
import { applyRows } from '../worker/rowsPatch';

let worker: Worker | null = null;
let nextLease = 0;
let queued: WorkerBatch[] = [];
let frameRequested = false;

/** Applies every batch that arrived since the last frame, with one setState per store. */
function applyQueued(): void {
  frameRequested = false;
  const batches = queued;
  queued = [];

  const perpBatches = batches.flatMap((batch) => (batch.perp ? [batch.perp] : []));
  const lastPerp = perpBatches.at(-1);
  if (lastPerp) {
    const quotes: Record<string, PerpQuote> = { ...usePerpetualStore.getState().quotes };
    for (const perp of perpBatches) applyRows(quotes, perp.quotes);
    usePerpetualStore.setState({ quotes, counters: lastPerp.counters });
  }

  const optionBatches = batches.flatMap((batch) => (batch.option ? [batch.option] : []));
  const lastOption = optionBatches.at(-1);
  if (lastOption) {
    const current = useOptionStore.getState();
    const chains: Record<string, OptionChainRows> = { ...current.chains };
    const copied = new Map<string, Record<string, OptionQuote>>();
    let underlyings = current.underlyings;
    for (const option of optionBatches) {
      for (const [key, patch] of Object.entries(option.chains)) {
        let rows = copied.get(key);
        if (!rows) copied.set(key, (rows = { ...chains[key] }));
        applyRows(rows, patch);
        chains[key] = rows;
      }
      if (option.underlyings) underlyings = option.underlyings;
    }
    useOptionStore.setState({ chains, underlyings, counters: lastOption.counters });
  }

  const links = new Map<ExchangeId, ExchangeLinkStatus>();
  for (const batch of batches) for (const link of batch.links) links.set(link.exchange, link);
  if (links.size > 0) {
    useConnectionStatusStore.setState((state) => ({ byExchange: { ...state.byExchange, ...Object.fromEntries(links) } }));
  }

  const sources = batches.flatMap((batch) => batch.sources);
  if (sources.length > 0) useSourceStatusStore.getState().reportAll(sources);
}

function ingestWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('../worker/ingestWorker.ts', import.meta.url), { type: 'module', name: 'ingest' });
    worker.onmessage = (event: MessageEvent<WorkerBatch>) => {
      queued.push(event.data);
      if (frameRequested) return;
      frameRequested = true;
      requestAnimationFrame(applyQueued);
    };
  }
  return worker;
}

function send(command: WorkerCommand): void {
  ingestWorker().postMessage(command);
}

/** Asks the ingest worker to run a feed until the returned release is called (once). */
export function acquireFeed(request: FeedRequest): () => void {
  const lease = ++nextLease;
  send({ type: 'acquire', lease, request });
  let released = false;
  return () => {
    if (released) return;
    released = true;
    send({ type: 'release', lease });
  };
}
