import { fileURLToPath } from 'node:url';
import { build, preview, type InlineConfig, type PluginOption } from 'vite';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface PreviewBuildOptions {
  /** Build output, relative to the repository root (emptied first). */
  outDir: string;
  /** The app's VITE_* endpoint variables, baked into the build (vite.config.ts reads them from process.env). */
  env: Record<string, string>;
  /** Added after the app's own plugins, e.g. a benchmark probe. */
  plugins?: PluginOption[];
  /** Added to the worker bundles (Vite applies `plugins` to workers in dev only). */
  workerPlugins?: PluginOption[];
  /** Also write Vite's manifest (.vite/manifest.json: each chunk's static and dynamic imports). */
  manifest?: boolean;
}

export interface PreviewedBuild {
  url: string;
  outDir: string;
  close(): Promise<void>;
}

/**
 * Builds the app for production against the given endpoints and serves the build with
 * `vite preview` on a free loopback port: what the browser tests and the benchmark run against,
 * so the generated Content-Security-Policy and the minified bundle are exercised for real.
 */
export async function buildAndPreview(options: PreviewBuildOptions): Promise<PreviewedBuild> {
  Object.assign(process.env, options.env);
  const config: InlineConfig = {
    root: REPO_ROOT,
    configFile: `${REPO_ROOT}vite.config.ts`,
    logLevel: 'warn',
    plugins: options.plugins ?? [],
    worker: { plugins: () => options.workerPlugins ?? [] },
    build: { outDir: options.outDir, emptyOutDir: true, manifest: options.manifest ?? false },
    preview: { host: '127.0.0.1', port: 0 },
  };
  await build(config);
  const server = await preview(config);
  const url = server.resolvedUrls?.local[0];
  if (!url) {
    await server.close();
    throw new Error('vite preview did not report a local URL');
  }
  return { url, outDir: `${REPO_ROOT}${options.outDir}`, close: () => server.close() };
}
