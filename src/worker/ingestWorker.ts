/**
 * An ingest worker's entry (the page starts one per exchange): sockets, decoding, parsing and
 * coalescing run here, off the page's main thread. The page sends feed commands and receives one
 * batch per tick (src/app/workerClient.ts).
 */
import { realScheduler } from '../connection/scheduler';
import { webSocketFactory } from '../connection/socketFactory';
import { createIngestService } from './ingestService';
import { transferablesOf, type WorkerBatch, type WorkerCommand } from './protocol';

interface WorkerScope {
  postMessage(batch: WorkerBatch, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<WorkerCommand>) => void) | null;
}

const scope = globalThis as unknown as WorkerScope;

const service = createIngestService({
  post: (batch) => scope.postMessage(batch, transferablesOf(batch)),
  sockets: webSocketFactory(WebSocket),
  fetch: (input, init) => fetch(input, init),
  scheduler: realScheduler,
  random: Math.random,
  onProblem: (exchange, kind, detail) => console.warn(`[${exchange}] ${kind}: ${detail}`),
});

scope.onmessage = (event) => service.handle(event.data);
