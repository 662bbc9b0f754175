import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { ChromiumPipe } from './cdp/chromiumPipe.ts';
import { SYSTEM_CHROMIUM, SYSTEM_CHROMIUM_ARGS } from '../../scripts/lib/systemChromium.ts';
import { buildAndPreview, type PreviewedBuild } from '../../scripts/lib/previewBuild.ts';
import { storeProbePlugin } from './storeProbePlugin.ts';
import { workerInstrumentsPlugin } from './workerInstrumentsPlugin.ts';

/** As Playwright launches it, so figures stay comparable with earlier runs: no throttling of a page nobody looks at. */
const HEADLESS_ARGS = [
  '--headless',
  '--hide-scrollbars',
  '--mute-audio',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
  '--disable-field-trial-config',
  '--disable-dev-shm-usage',
  '--disable-extensions',
  '--disable-default-apps',
  '--disable-hang-monitor',
  '--disable-ipc-flooding-protection',
  '--no-default-browser-check',
];

export interface BenchBrowser {
  pipe: ChromiumPipe;
  version: string;
  close(): Promise<void>;
}

export interface FakePorts {
  binance: number;
  okx: number;
  control: number;
}

export interface RunningFake {
  binanceUrl: string;
  okxUrl: string;
  controlUrl: string;
  env: Record<string, string>;
  ports: FakePorts;
  rate: number;
  close(): Promise<void>;
}

const FAKE_CLI = fileURLToPath(new URL('../../e2e/fake-exchange/cli.ts', import.meta.url));
const portOf = (url: string): number => Number(new URL(url).port);

/**
 * Starts the fake exchange at a rate in a child process (`npm run fake-exchange`'s CLI): at ×10
 * and ×30 it keeps a core busy, and in this process it would delay the harness's own commands
 * to the browser. The build bakes the endpoints in, so every rate after the first reuses the
 * first one's ports and one build serves them all.
 */
export async function startFakeAt(rate: number, seed: number, ports: FakePorts | null): Promise<RunningFake> {
  const portFlags = ports ? ['--binance-port', ports.binance, '--okx-port', ports.okx, '--control-port', ports.control].map(String) : [];
  const child = spawn(process.execPath, ['--import', 'tsx', FAKE_CLI, '--seed', String(seed), '--rate', String(rate), ...portFlags], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Never leave the fake running when the bench itself is stopped or fails.
  const stopChild = () => child.kill('SIGTERM');
  process.once('exit', stopChild);
  const [line] = (await Promise.race([once(createInterface({ input: child.stdout! }), 'line'), exited.then(() => [null])])) as [string | null];
  if (!line) throw new Error(`the fake exchange exited before it started (rate ${rate})`);
  const started = JSON.parse(line) as { binance: string; okx: string; control: string; env: Record<string, string> };
  return {
    binanceUrl: started.binance,
    okxUrl: started.okx,
    controlUrl: started.control,
    env: started.env,
    rate,
    ports: { binance: portOf(started.binance), okx: portOf(started.okx), control: portOf(started.control) },
    close: async () => {
      process.off('exit', stopChild);
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The production build plus the bench's read-only store probe and worker socket counters, served by vite preview. */
export function buildBenchApp(env: Record<string, string>): Promise<PreviewedBuild> {
  return buildAndPreview({
    outDir: 'bench/.runtime/dist',
    env,
    plugins: [storeProbePlugin()],
    workerPlugins: [workerInstrumentsPlugin()],
  });
}

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

/**
 * Gzipped size of the JavaScript the page loads up front, measured on a plain production build:
 * the entry chunk and every chunk it imports, statically or dynamically (the entry imports the
 * views' chunk dynamically only to start the ingest workers first; it is requested at once). The
 * worker's own script is not counted. A lazily loaded route would be counted too: an upper bound.
 */
export async function initialJsGzipBytes(env: Record<string, string>): Promise<number> {
  const build = await buildAndPreview({ outDir: 'bench/.runtime/product-dist', env, manifest: true });
  await build.close();
  const manifest = JSON.parse(readFileSync(join(build.outDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const files = new Set<string>();
  const visit = (key: string): void => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const next of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) visit(next);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  let bytes = 0;
  for (const file of files) if (file.endsWith('.js')) bytes += gzipSync(readFileSync(join(build.outDir, file))).length;
  return bytes;
}

/** Headless Chromium on a DevTools pipe of the bench's own (see ChromiumPipe for why not Playwright), with a throwaway profile. */
export async function launchChromium(): Promise<BenchBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'bench-chromium-'));
  const pipe = ChromiumPipe.launch(SYSTEM_CHROMIUM, [...SYSTEM_CHROMIUM_ARGS, ...HEADLESS_ARGS, `--user-data-dir=${profile}`, 'about:blank']);
  const { product } = await pipe.send<{ product: string }>('Browser.getVersion');
  return {
    pipe,
    version: product.replace(/^\D*\//, ''),
    close: async () => {
      await pipe.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  chromium: string;
  loadAverage: [number, number, number];
}

export function machineInfo(browser: BenchBrowser): MachineInfo {
  const [one = 0, five = 0, fifteen = 0] = loadavg();
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    chromium: browser.version,
    loadAverage: [one, five, fifteen],
  };
}

/**
 * What the fake market lists: the rows a full screener shows (Binance's trading perpetuals, TradFi
 * ones included, the COIN-M ones its USDⓈ-M streams carry, which only fundingInfo names, and OKX's
 * live swaps), and Binance symbols to probe.
 */
export async function fakeUniverse(fake: RunningFake): Promise<{ expectedRows: number; binanceSymbols: string[] }> {
  const binance = (await (await fetch(`${fake.binanceUrl}/fapi/v1/exchangeInfo`)).json()) as {
    symbols: { symbol: string; contractType: string; status: string }[];
  };
  const fundingInfo = (await (await fetch(`${fake.binanceUrl}/fapi/v1/fundingInfo`)).json()) as { symbol: string }[];
  const okx = (await (await fetch(`${fake.okxUrl}/api/v5/public/instruments?instType=SWAP`)).json()) as { data: { state: string }[] };
  const trading = binance.symbols.filter((item) => item.status === 'TRADING');
  const binanceSymbols = trading.filter((item) => item.contractType === 'PERPETUAL').map((item) => item.symbol);
  const tradFi = trading.filter((item) => item.contractType === 'TRADIFI_PERPETUAL').length;
  const coinMargined = fundingInfo.filter((item) => item.symbol.endsWith('_PERP')).length;
  return { expectedRows: binanceSymbols.length + tradFi + coinMargined + okx.data.filter((item) => item.state === 'live').length, binanceSymbols };
}

/** Frames the fake exchange has sent so far, per exchange, over its open connections. */
export async function fakeSentFrames(controlUrl: string): Promise<{ binance: number; okx: number }> {
  const stats = (await (await fetch(`${controlUrl}/stats`)).json()) as Record<'binance' | 'okx', { connections: { sent: number }[] }>;
  const sum = (exchange: 'binance' | 'okx') => stats[exchange].connections.reduce((total, connection) => total + connection.sent, 0);
  return { binance: sum('binance'), okx: sum('okx') };
}

export async function pinFunding(controlUrl: string, exchange: 'binance' | 'okx', symbol: string, rate: number): Promise<void> {
  const url = new URL('/funding', controlUrl);
  url.search = new URLSearchParams({ exchange, symbol, rate: String(rate) }).toString();
  const response = await fetch(url, { method: 'POST' });
  if (!response.ok) throw new Error(`POST ${url.pathname}${url.search}: HTTP ${response.status} ${await response.text()}`);
}

/** Drops every open socket of `exchange` at the fake, as a network blip would. */
export async function dropSockets(controlUrl: string, exchange: 'binance' | 'okx'): Promise<void> {
  const url = new URL('/drop', controlUrl);
  url.search = new URLSearchParams({ exchange }).toString();
  const response = await fetch(url, { method: 'POST' });
  if (!response.ok) throw new Error(`POST ${url.pathname}${url.search}: HTTP ${response.status} ${await response.text()}`);
}
