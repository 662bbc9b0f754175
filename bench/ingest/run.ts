/**
 * `npm run bench:ingest`: the app's ingest code (hub, parsers, coalescing, batching) against bare
 * JSON.parse over the very same frames, with no browser and nothing else running. See
 * bench/README.md ("Ingest replay").
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startFakeAt } from '../harness/environment.ts';

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '10' },
    seconds: { type: 'string', default: '12' },
    repeats: { type: 'string', default: '9' },
    out: { type: 'string', default: 'bench/ingest-results.md' },
  },
});
const RECORDING = 'bench/.runtime/ingest-recording.json';
mkdirSync('bench/.runtime', { recursive: true });

function vitest(phase: 'record' | 'replay', env: Record<string, string>): void {
  const result = spawnSync('npx', ['vitest', 'run', '--config', 'bench/ingest/vitest.config.ts'], {
    stdio: 'inherit',
    env: {
      ...process.env,
      ...env,
      INGEST_PHASE: phase,
      INGEST_RECORDING: RECORDING,
      INGEST_RATE: values.rate,
      INGEST_SECONDS: values.seconds,
      INGEST_REPEATS: values.repeats,
      INGEST_OUT: values.out,
      INGEST_COMMAND: ['npm run bench:ingest', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' '),
    },
  });
  if (result.status !== 0) throw new Error(`the ${phase} phase failed (exit ${result.status})`);
}

// Recorded against a live fake; replayed after it has stopped, so its CPU does not skew the timings.
const fake = await startFakeAt(Number(values.rate), 42, null);
try {
  vitest('record', fake.env);
} finally {
  await fake.close();
}
vitest('replay', fake.env);
