import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from '../../vite.config.ts';

// Runs under Vitest only for Vite's transform of the app's modules (import.meta.env endpoints);
// it is a measurement, not a test, and `npm test` never includes it.
export default defineConfig((env) =>
  mergeConfig(viteConfig(env), { test: { include: ['bench/ingest/replay.run.ts'], testTimeout: 600_000 } }),
);
