import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const WORKER_ENTRY = fileURLToPath(new URL('../../src/ingest/ingestWorker.ts', import.meta.url));
const WORKER_INSTRUMENTS = fileURLToPath(new URL('../page/workerInstruments.ts', import.meta.url));

/**
 * Imports bench/page/workerInstruments.ts first in the benchmark build's ingest workers, so it
 * wraps the worker's WebSocket before the app opens any socket. For `worker.plugins` (Vite
 * applies the main plugin list to worker bundles in dev only). A build in which the entry never
 * came by fails: a moved entry would otherwise leave every worker figure silently unmeasured.
 */
export function workerInstrumentsPlugin(): Plugin {
  let instrumented = false;
  return {
    name: 'bench-worker-instruments',
    apply: 'build',
    transform(code, id) {
      if (id !== WORKER_ENTRY) return null;
      instrumented = true;
      return { code: `import ${JSON.stringify(WORKER_INSTRUMENTS)};\n${code}`, map: null };
    },
    buildEnd(error) {
      if (!error && !instrumented) this.error(`the ingest worker's entry ${WORKER_ENTRY} was not in the build`);
    },
  };
}
