import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv } from 'vite';
import { cspPlugin } from './build/csp.ts';
import { resolveEndpoints } from './build/endpointSettings.ts';

export default defineConfig(({ mode }) => {
  const endpoints = resolveEndpoints({ ...loadEnv(mode, process.cwd(), 'VITE_'), ...process.env });
  return {
    plugins: [react(), cspPlugin(endpoints)],
    define: Object.fromEntries(
      Object.entries(endpoints).map(([name, value]) => [`import.meta.env.${name}`, JSON.stringify(value)]),
    ),
    build: { target: 'es2022', sourcemap: true },
    // The ingest worker (src/ingest/ingestWorker.ts) is created as a module worker.
    worker: { format: 'es' },
    server: { host: '127.0.0.1' },
    preview: { host: '127.0.0.1' },
  };
});
