import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { SYSTEM_CHROMIUM, SYSTEM_CHROMIUM_ARGS } from './scripts/lib/systemChromium.ts';

/** Debian's Chromium on CI and in the dev container; on a laptop without it, Playwright's own browser. */
const systemChromiumLaunch = { executablePath: SYSTEM_CHROMIUM, args: [...SYSTEM_CHROMIUM_ARGS] };

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
