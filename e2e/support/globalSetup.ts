import { fileURLToPath } from 'node:url';
import { build, preview, type InlineConfig } from 'vite';
import { startFakeExchange } from '../fake-exchange/server.ts';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The app under test is a production build, so the generated Content-Security-Policy is exercised for real. */
const appConfig: InlineConfig = {
  root: REPO_ROOT,
  configFile: `${REPO_ROOT}vite.config.ts`,
  logLevel: 'warn',
  build: { outDir: 'e2e/.runtime/dist', emptyOutDir: true },
  preview: { host: '127.0.0.1', port: 0 },
};

/**
 * Starts the fake exchange in this (the runner's) process, builds the app pointed at it and
 * serves the build. Tests find both through APP_URL and FAKE_CONTROL_URL, which Playwright
 * hands on to its workers. The returned function is Playwright's global teardown.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const fake = await startFakeExchange({ binancePort: 0, okxPort: 0, controlPort: 0 });
  try {
    // vite.config.ts reads the endpoint variables from process.env when it builds.
    Object.assign(process.env, fake.env);
    await build(appConfig);
    const server = await preview(appConfig);
    const appUrl = server.resolvedUrls?.local[0];
    if (!appUrl) {
      await server.close();
      throw new Error('vite preview did not report a local URL');
    }
    process.env.APP_URL = appUrl;
    process.env.FAKE_CONTROL_URL = fake.controlUrl;
    return async () => {
      await server.close();
      await fake.close();
    };
  } catch (error) {
    await fake.close();
    throw error;
  }
}
