/** One JavaScript chunk of the built app, as the preview server serves it. */
export interface ServedChunk {
  url: string;
  code: string;
}

/** `new Worker(new URL('…', import.meta.url))`: the one shape Vite rewrites into a worker chunk's URL. */
const WORKER_REFERENCE = /new Worker\(\s*new URL\(\s*(["'`])([^"'`]+)\1/g;
/** Static and dynamic ES imports and re-exports of another chunk: `from"./a.js"`, `import"./a.js"`, `import("./a.js")`. */
const CHUNK_IMPORT = /\b(?:from|import)\s*\(?\s*(["'`])([^"'`]+\.js)\1/g;
const SOURCE_MAP_COMMENT = /\/\/# sourceMappingURL=(\S+)\s*$/;

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
  return response.text();
}

function referencedUrls(chunk: ServedChunk, pattern: RegExp): string[] {
  return [...chunk.code.matchAll(pattern)].map((match) => new URL(match[2]!, chunk.url).href);
}

/** The chunks at `entries` and every chunk they import, each fetched once. */
async function withImports(entries: readonly string[]): Promise<ServedChunk[]> {
  const seen = new Set(entries);
  const queue = [...entries];
  const chunks: ServedChunk[] = [];
  for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
    const chunk = { url, code: await fetchText(url) };
    chunks.push(chunk);
    for (const imported of referencedUrls(chunk, CHUNK_IMPORT)) {
      if (!seen.has(imported)) {
        seen.add(imported);
        queue.push(imported);
      }
    }
  }
  return chunks;
}

function moduleScripts(html: string, pageUrl: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>/g)]
    .map((match) => match[1]!)
    .filter((attributes) => /\btype="module"/.test(attributes))
    .flatMap((attributes) => {
      const src = /\bsrc="([^"]+)"/.exec(attributes)?.[1];
      return src ? [new URL(src, pageUrl).href] : [];
    });
}

/**
 * Every chunk a Web Worker of the app runs: the chunks the page's code starts with
 * `new Worker(new URL(…))`, found by following the page's imports from index.html, plus what they import.
 */
export async function servedWorkerChunks(appUrl: string): Promise<ServedChunk[]> {
  const pageChunks = await withImports(moduleScripts(await fetchText(appUrl), appUrl));
  const workerEntries = [...new Set(pageChunks.flatMap((chunk) => referencedUrls(chunk, WORKER_REFERENCE)))];
  return withImports(workerEntries);
}

/** The modules bundled into a chunk, as its source map lists them (paths relative to the map). */
export async function bundledSources(chunk: ServedChunk): Promise<string[]> {
  const mapPath = SOURCE_MAP_COMMENT.exec(chunk.code)?.[1];
  if (!mapPath) throw new Error(`${chunk.url} has no sourceMappingURL: the build must emit source maps (build.sourcemap)`);
  const map = JSON.parse(await fetchText(new URL(mapPath, chunk.url).href)) as { sources?: unknown };
  if (!Array.isArray(map.sources)) throw new Error(`${chunk.url}: its source map lists no sources`);
  return map.sources.map(String);
}

/** The npm package a bundled module comes from (`react` for `…/node_modules/react/cjs/react.production.js`), or null for the app's own code. */
export function packageOf(source: string): string | null {
  const marker = 'node_modules/';
  const at = source.lastIndexOf(marker);
  if (at < 0) return null;
  const segments = source.slice(at + marker.length).split('/');
  return segments[0]!.startsWith('@') ? segments.slice(0, 2).join('/') : segments[0]!;
}
