/** An ingest worker's entry, one per exchange: the page configures it, sends commands and receives one batch per tick. */
import { realScheduler } from '../connection/scheduler';
import { webSocketFactory } from '../connection/socketFactory';
import { createIngestService, type IngestService } from './ingestService';
import { transferablesOf, type WorkerBatch, type WorkerCommand } from '../wire/messages';

interface WorkerScope {
  postMessage(batch: WorkerBatch, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<WorkerCommand>) => void) | null;
}

const scope = globalThis as unknown as WorkerScope;

let service: IngestService | null = null;

scope.onmessage = (event) => {
  const command = event.data;
  if (command.type !== 'configure') {
    service?.handle(command);
    return;
  }
  service ??= createIngestService({
    post: (batch) => scope.postMessage(batch, transferablesOf(batch)),
    sockets: webSocketFactory(WebSocket),
    fetch: (input, init) => fetch(input, init),
    scheduler: realScheduler,
    random: Math.random,
    okxRegion: command.okxRegion,
    onProblem: (exchange, kind, detail) => console.warn(`[${exchange}] ${kind}: ${detail}`),
  });
};
