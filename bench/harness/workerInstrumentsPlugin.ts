import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const WORKER_ENTRY = /\/src\/worker\/ingestWorker\.ts$/;
const WORKER_INSTRUMENTS = fileURLToPath(new URL('../page/workerInstruments.ts', import.meta.url));

/**
 * Imports bench/page/workerInstruments.ts first in the benchmark build's ingest workers, so it
 * wraps the worker's WebSocket before the app opens any socket. For `worker.plugins` (Vite
 * applies the main plugin list to worker bundles in dev only).
 */
export function workerInstrumentsPlugin(): Plugin {
  return {
    name: 'bench-worker-instruments',
    apply: 'build',
    transform(code, id) {
      if (!WORKER_ENTRY.test(id)) return null;
      return { code: `import ${JSON.stringify(WORKER_INSTRUMENTS)};\n${code}`, map: null };
    },
  };
}
