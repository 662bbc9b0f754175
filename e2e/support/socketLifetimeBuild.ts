import type { Plugin } from 'vite';

const PATH = '/src/feeds/binance/binanceProtocol.ts';
const LIFETIME = 'maxSocketLifetimeMs: 24 * 60 * 60_000';

/**
 * A worker-bundle plugin for one browser test: Binance's 24 h socket lifetime becomes `ms`, so the
 * move before the cut happens within the test (the fake is told the same through /timing). Fails
 * the build if the protocol no longer states its lifetime this way, rather than test nothing.
 */
export function binanceSocketLifetime(ms: number): Plugin {
  let applied = false;
  return {
    name: 'test-binance-socket-lifetime',
    enforce: 'pre',
    transform(code, id) {
      if (!id.endsWith(PATH)) return null;
      if (!code.includes(LIFETIME)) this.error(`${PATH} no longer says "${LIFETIME}"`);
      applied = true;
      return code.replace(LIFETIME, `maxSocketLifetimeMs: ${ms}`);
    },
    buildEnd() {
      if (!applied) this.error(`${PATH} was not in the worker bundle`);
    },
  };
}
