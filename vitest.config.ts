import { configDefaults, defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

// Unit tests share the app's Vite config (plugins, endpoint defines). The browser specs in
// e2e/specs belong to Playwright, whose `test` cannot run under Vitest.
export default defineConfig((env) =>
  mergeConfig(viteConfig(env), {
    test: {
      exclude: [...configDefaults.exclude, 'e2e/specs/**', 'e2e/.runtime/**', 'bench/.runtime/**'],
      // A few tests simulate a day of timers or generate whole option markets: about a second on an idle
      // machine, but over the 5 s default on a busy 2-core CI box. A hang still fails, after 30 s.
      testTimeout: 30_000,
    },
  }),
);
