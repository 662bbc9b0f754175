import { configDefaults, defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

// Unit tests share the app's Vite config (plugins, endpoint defines). The browser specs in
// e2e/specs belong to Playwright, whose `test` cannot run under Vitest.
export default defineConfig((env) =>
  mergeConfig(viteConfig(env), {
    test: { exclude: [...configDefaults.exclude, 'e2e/specs/**', 'e2e/.runtime/**'] },
  }),
);
