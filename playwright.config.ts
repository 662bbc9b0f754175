import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/** Debian's Chromium, used on CI and in the dev container; on a laptop Playwright's own browser is used instead. */
const SYSTEM_CHROMIUM = '/usr/bin/chromium';

const systemChromiumLaunch = {
  executablePath: SYSTEM_CHROMIUM,
  // Keep the browser quiet and self-contained: no sandbox or GPU in containers, and no
  // background traffic (updates, sync, QUIC probes) to hosts the machine cannot reach.
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-quic',
    '--disable-sync',
  ],
};

export default defineConfig({
  testDir: 'e2e/specs',
  outputDir: 'e2e/.runtime/test-results',
  globalSetup: './e2e/support/globalSetup.ts',
  // All tests drive one shared fake exchange and the machine has two cores: run them one at a time.
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  // .ci/run reads the pass/fail counts from the JSON file.
  reporter: [['list'], ['json', { outputFile: 'e2e/.runtime/playwright-results.json' }]],
  use: {
    browserName: 'chromium',
    trace: 'on-first-retry',
    launchOptions: existsSync(SYSTEM_CHROMIUM) ? systemChromiumLaunch : {},
  },
});
