// The base test, not ../support/fixtures.ts's: this test reads the served build and needs no browser page.
import { expect, test } from '@playwright/test';
import { harnessUrl } from '../support/fixtures.ts';
import { bundledSources, packageOf, servedWorkerChunks } from '../support/servedBundle.ts';

/** Packages that belong to the page: a worker bundling one carries React's runtime or a page store it never renders. */
const PAGE_ONLY_PACKAGES = new Set(['react', 'react-dom', 'scheduler', 'zustand']);

// The source map, not a marker string: tree shaking keeps parts of React without its tell-tale strings.
test('the ingest worker bundles no React and no zustand', async () => {
  const chunks = await servedWorkerChunks(harnessUrl('APP_URL'));
  expect(chunks.map((chunk) => chunk.url), 'worker chunks the page starts').not.toEqual([]);
  for (const chunk of chunks) {
    const sources = await bundledSources(chunk);
    expect.soft(sources.filter((source) => packageOf(source) === null), `${chunk.url}: app modules in its source map`).not.toEqual([]);
    const pageOnly = sources.filter((source) => PAGE_ONLY_PACKAGES.has(packageOf(source) ?? ''));
    expect.soft(pageOnly, `${chunk.url}: page-only packages bundled into the worker`).toEqual([]);
  }
});
