import { rm } from 'node:fs/promises';
import { buildAndPreview } from '../../scripts/lib/previewBuild.ts';
import { startFakeExchange } from '../fake-exchange/server.ts';

/**
 * Starts the fake exchange in this (the runner's) process, builds the app pointed at it and
 * serves the build. Tests find both through APP_URL and FAKE_CONTROL_URL, which Playwright
 * hands on to its workers. The returned function is Playwright's global teardown.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const fake = await startFakeExchange({ binancePort: 0, okxPort: 0, controlPort: 0 });
  // One build per run: the build embeds this run's fake exchange ports, and runs may overlap.
  const outDir = `e2e/.runtime/dist-${process.pid}`;
  try {
    const app = await buildAndPreview({ outDir, env: fake.env });
    process.env.APP_URL = app.url;
    process.env.FAKE_CONTROL_URL = fake.controlUrl;
    process.env.FAKE_BINANCE_REST = fake.binanceUrl;
    return async () => {
      await app.close();
      await fake.close();
      await rm(outDir, { recursive: true, force: true });
    };
  } catch (error) {
    await fake.close();
    throw error;
  }
}
