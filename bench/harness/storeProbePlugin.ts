import type { Plugin } from 'vite';

export const STORE_PROBE_ENTRY = '/bench/page/storeProbe.ts';

/** Adds bench/page/storeProbe.ts to the benchmark build as a second entry script of index.html. */
export function storeProbePlugin(): Plugin {
  return {
    name: 'bench-store-probe',
    apply: 'build',
    transformIndexHtml: {
      order: 'pre',
      handler: (html) => html.replace('</body>', `  <script type="module" src="${STORE_PROBE_ENTRY}"></script>\n  </body>`),
    },
  };
}
