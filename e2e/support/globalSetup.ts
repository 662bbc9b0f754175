import { buildAndPreview } from '../../scripts/lib/previewBuild.ts';
import { startFakeExchange } from '../fake-exchange/server.ts';

/**
 * Starts the fake exchange in this (the runner's) process, builds the app pointed at it and
 * serves the build. Tests find both through APP_URL and FAKE_CONTROL_URL, which Playwright
 * hands on to its workers. The returned function is Playwright's global teardown.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const fake = await startFakeExchange({ binancePort: 0, okxPort: 0, controlPort: 0 });
  try {
    const app = await buildAndPreview({ outDir: 'e2e/.runtime/dist', env: fake.env });
    process.env.APP_URL = app.url;
    process.env.FAKE_CONTROL_URL = fake.controlUrl;
    return async () => {
      await app.close();
      await fake.close();
    };
  } catch (error) {
    await fake.close();
    throw error;
  }
}
