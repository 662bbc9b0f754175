import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { join } from 'node:path';

/** The subset of a DevTools `Profiler.Profile` this module reads. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export const ENTRY_AREAS = [
  'ingest: socket + parse',
  'ingest: store apply',
  'ingest: batch to page',
  'React render + commit',
  'table sort + virtualiser',
  'view code',
  'router',
  'other app JS',
  'bench instruments',
  'garbage collection',
  'native (style, layout, paint, other)',
] as const;
export type Area = (typeof ENTRY_AREAS)[number];

export interface ProfileBreakdown {
  /** Wall time the profiler ran, ms. */
  wallMs: number;
  /** Sampled busy time (idle excluded), ms. */
  busyMs: number;
  /** Time attributed to the outermost frame of each stack: what started the work. */
  byEntry: Partial<Record<Area, number>>;
  /** Self time by the code area of the innermost app frame: where the CPU actually went. */
  bySelf: Partial<Record<Area, number>>;
  /** The heaviest self-time functions, for the report's "where the time goes". */
  topFunctions: { name: string; area: Area; ms: number }[];
}

/** Code area of an original source path from the build's source map. */
function areaOfSource(source: string): Area {
  if (/\/bench\//.test(source)) return 'bench instruments';
  if (/\/src\/(connection|feeds)\//.test(source)) return 'ingest: socket + parse';
  // The worker's side of a batch (diff, encode, post) and the page's (decode, merge, apply to the stores).
  if (/\/src\/wire\/|\/src\/ingest\/ingest(Service|Worker)|\/src\/app\/workerClient/.test(source)) return 'ingest: batch to page';
  if (/\/src\/(ingest|store)\/|\/src\/app\/(perpFeeds|shownRows)|node_modules\/zustand\//.test(source)) return 'ingest: store apply';
  if (/node_modules\/(react-dom|react|scheduler)\//.test(source)) return 'React render + commit';
  if (/node_modules\/@tanstack\//.test(source)) return 'table sort + virtualiser';
  if (/node_modules\/react-router/.test(source)) return 'router';
  if (/\/src\//.test(source)) return 'view code';
  return 'other app JS';
}

/** Time (ms) a breakdown attributes to ingest: socket handling, parsing, coalescing and batching. */
export function ingestMs(breakdown: ProfileBreakdown): number {
  const entry = breakdown.byEntry;
  return (entry['ingest: socket + parse'] ?? 0) + (entry['ingest: store apply'] ?? 0) + (entry['ingest: batch to page'] ?? 0);
}

/**
 * Attributes a sampled CPU profile of the built app to code areas, mapping minified frames back
 * to their sources through the build's source maps. Frames without a URL are the bench's own init
 * script (the app has no inline scripts); `(program)` is the renderer's native work.
 */
export function breakDownProfile(profile: CpuProfile, assetsDir: string): ProfileBreakdown {
  const maps = new Map<string, SourceMap | null>();
  const mapFor = (url: string): SourceMap | null => {
    const file = url.slice(url.lastIndexOf('/') + 1);
    if (!maps.has(file)) {
      try {
        maps.set(file, new SourceMap(JSON.parse(readFileSync(join(assetsDir, `${file}.map`), 'utf8'))));
      } catch {
        maps.set(file, null);
      }
    }
    return maps.get(file) ?? null;
  };

  const parent = new Map<number, number>();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  const frameInfo = new Map<number, { area: Area | 'idle' | null; name: string }>();
  const infoOf = (id: number): { area: Area | 'idle' | null; name: string } => {
    const cached = frameInfo.get(id);
    if (cached) return cached;
    const { functionName, url, lineNumber, columnNumber } = byId.get(id)!.callFrame;
    let info: { area: Area | 'idle' | null; name: string };
    if (functionName === '(idle)') info = { area: 'idle', name: functionName };
    else if (functionName === '(garbage collector)') info = { area: 'garbage collection', name: functionName };
    else if (functionName === '(program)') info = { area: 'native (style, layout, paint, other)', name: functionName };
    else if (functionName === '(root)') info = { area: null, name: functionName };
    else if (url === '') info = { area: 'bench instruments', name: functionName || '(anonymous)' };
    else {
      const entry = mapFor(url)?.findEntry(lineNumber, columnNumber);
      const source = entry && 'originalSource' in entry ? String(entry.originalSource) : url;
      const shortSource = source.replace(/^.*?(node_modules\/|src\/)/, '$1');
      const line = entry && 'originalLine' in entry ? Number(entry.originalLine) + 1 : lineNumber + 1;
      info = { area: areaOfSource(source), name: `${functionName || '(anonymous)'} ${shortSource}:${line}` };
    }
    frameInfo.set(id, info);
    return info;
  };

  const byEntry: Partial<Record<Area, number>> = {};
  const bySelf: Partial<Record<Area, number>> = {};
  const byFunction = new Map<string, { area: Area; ms: number }>();
  let busyMs = 0;
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    // A sample's weight is the gap to the next sample (the last one gets the previous gap).
    const ms = (deltas[i + 1] ?? deltas[i] ?? 0) / 1000;
    const leaf = samples[i]!;
    const self = infoOf(leaf);
    if (self.area === 'idle' || self.area === null) continue;
    busyMs += ms;
    let outermost = self.area;
    for (let id: number | undefined = leaf; id !== undefined; id = parent.get(id)) {
      const area = infoOf(id).area;
      if (area !== null && area !== 'idle') outermost = area;
    }
    byEntry[outermost] = (byEntry[outermost] ?? 0) + ms;
    bySelf[self.area] = (bySelf[self.area] ?? 0) + ms;
    const fn = byFunction.get(self.name) ?? { area: self.area, ms: 0 };
    fn.ms += ms;
    byFunction.set(self.name, fn);
  }
  const topFunctions = [...byFunction.entries()]
    .map(([name, { area, ms }]) => ({ name, area, ms }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 12);
  return { wallMs: (profile.endTime - profile.startTime) / 1000, busyMs, byEntry, bySelf, topFunctions };
}
