import type { MachineInfo } from './harness/environment.ts';
import type { WindowMeasure } from './harness/measureWindow.ts';
import type { ScenarioResult } from './harness/runScenario.ts';
import { percentile, type Distribution } from './harness/stats.ts';
import { ENTRY_AREAS, ingestMs, type ProfileBreakdown } from './harness/cpuProfile.ts';
import { AGE_SAMPLE_EVERY } from './page/instruments.ts';
import type { ViewScenario } from './scenarios/scenario.ts';

export interface BenchReport {
  command: string;
  startedAt: Date;
  machineBefore: MachineInfo;
  machineAfter: MachineInfo;
  seed: number;
  /** Alert rules imported into every context before its view loads. */
  alertRules: number;
  warmupSeconds: number;
  phaseSeconds: number;
  profileSeconds: number;
  /** How many times each view was run at each rate. */
  repeats: number;
  initialJsGzipBytes: number;
  results: RunResult[];
  notMeasured: ViewScenario[];
  rates: number[];
}

/** One run of a view at a rate: the first, second, … of `--repeats`. */
export interface RunResult extends ScenarioResult {
  run: number;
}

const fixed = (value: number | null, decimals = 1): string => (value === null || !Number.isFinite(value) ? '—' : value.toFixed(decimals));
const ms = (value: number | null): string => fixed(value, 1);
const pct = (numerator: number, denominator: number): string => (denominator > 0 ? `${((numerator / denominator) * 100).toFixed(1)} %` : '—');
const dist = (d: Distribution | null, decimals = 1): string =>
  d === null || d.count === 0 ? '—' : `${fixed(d.p50, decimals)} / ${fixed(d.p95, decimals)} / ${fixed(d.p99, decimals)}`;
const mb = (bytes: number): string => (bytes / 2 ** 20).toFixed(1);

/**
 * µs of app ingest (socket handling, parse, coalescing, batching, applying batches) per received
 * frame, on both threads, from the CPU profiles of the first phase; null without a worker profile,
 * since then most of the ingest went unseen.
 */
export function ingestMicrosPerFrame(result: ScenarioResult): number | null {
  const profile = result.profiles[0];
  if (!profile || profile.workers.length === 0 || profile.framesReceived === 0) return null;
  const workersMs = profile.workers.reduce((sum, worker) => sum + ingestMs(worker.breakdown), 0);
  return ((ingestMs(profile.breakdown) + workersMs) * 1000) / profile.framesReceived;
}

/** App ingest ÷ the JSON.parse floor, per frame; null when either is missing. */
function ingestRatio(result: ScenarioResult): number | null {
  const ingest = ingestMicrosPerFrame(result);
  return ingest !== null && result.parseFloor.microsPerFrame > 0 ? ingest / result.parseFloor.microsPerFrame : null;
}

const median = (values: readonly number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** The runs of each view at each rate, in the order of their first run. */
function runsByView(results: readonly RunResult[]): RunResult[][] {
  const groups = new Map<string, RunResult[]>();
  for (const result of results) {
    const key = `${result.rate} ${result.scenario.id}`;
    const runs = groups.get(key) ?? [];
    runs.push(result);
    groups.set(key, runs);
  }
  return [...groups.values()];
}

/** Busy µs per received frame of the ingest workers' threads together, JS and native (socket message dispatch, posting). */
function workerBusyMicrosPerFrame(result: ScenarioResult): number | null {
  const profile = result.profiles[0];
  if (!profile || profile.workers.length === 0 || profile.framesReceived === 0) return null;
  return (profile.workers.reduce((sum, worker) => sum + worker.breakdown.busyMs, 0) * 1000) / profile.framesReceived;
}

function machineLine(machine: MachineInfo): string {
  return `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB; Node ${machine.node}; Chromium ${machine.chromium} (headless, software rendering)`;
}

function loadLine(machine: MachineInfo): string {
  return machine.loadAverage.map((value) => value.toFixed(2)).join(' / ');
}

/**
 * The probes time Binance values end to end; a frame of either exchange that is already older
 * than the bound when it reaches the socket cannot be on screen within it, so the sampled frame
 * ages bound both exchanges' latency from below.
 */
function arrivalWithin(window: WindowMeasure, boundMs: number): boolean {
  return [window.frameAgeMs.binance, window.frameAgeMs.okx].every((ages) => ages === null || (ages.p99 ?? Infinity) <= boundMs);
}

function agesText(window: WindowMeasure): string {
  return `frame age on arrival p99: Binance ${ms(window.frameAgeMs.binance?.p99 ?? null)}, OKX ${ms(window.frameAgeMs.okx?.p99 ?? null)} ms`;
}

/** Clicks of a window as `slow of all (to next paint p50 / max; in handlers p50 / max)`, over the slow ones; — where nothing was clicked. */
function clicksText(clicks: WindowMeasure['clicks']): string {
  if (clicks.count === 0) return '—';
  if (clicks.slow.length === 0) return `0 of ${clicks.count}`;
  const spread = (values: number[]) => `${ms(percentile(values, 0.5))} / ${ms(Math.max(...values))}`;
  return `${clicks.slow.length} of ${clicks.count} (${spread(clicks.slow.map((click) => click.toPaintMs))}; ${spread(clicks.slow.map((click) => click.handlersMs))})`;
}

/**
 * The ×10 frame target (p95 ≤ 16.7 ms) asks for every frame within one vsync at 60 Hz. Headless
 * Chromium's frame timer jitters by about 0.1 ms and the page's clock has 0.1 ms resolution, so
 * on-time frames read 16.7-16.8 ms; a frame that misses its vsync reads 33.3 ms or more.
 */
const ONE_VSYNC_MS = 17;

/**
 * One view at one rate, over all its runs: frames, long tasks and latency must hold in every run
 * (worst p95, all long tasks, worst p99); the ingest ratio, a cost that moves by tens of percent
 * between runs minutes apart, is judged on the runs' median.
 */
function targetsFor(runs: readonly RunResult[]): string[] {
  const notes: string[] = [];
  const first = runs[0]!;
  const allWindows = runs.flatMap((run) => run.windows);
  const lives = runs.map((run) => run.windows[0]).filter((window): window is WindowMeasure => window !== undefined);
  const interacts = runs.flatMap((run) => run.windows.filter((window) => window.phase === 'scroll + sort'));
  const ratios = runs.map(ingestRatio).filter((ratio): ratio is number => ratio !== null);
  const ratio = median(ratios);
  const ratioText = runs.length > 1 ? `median ${fixed(ratio, 2)}× of ${ratios.map((value) => `${value.toFixed(2)}×`).join(', ')}` : `${fixed(ratio, 2)}×`;
  const worstP95 = Math.max(...allWindows.map((window) => window.frameMs.p95 ?? Infinity));
  const longTasks = allWindows.reduce((sum, window) => sum + window.longTasks.length, 0);
  const probed = lives.filter((window) => window.latencyMs?.p99 != null);
  const worstLive = probed.reduce<WindowMeasure | null>((worst, window) => (worst === null || window.latencyMs!.p99! > worst.latencyMs!.p99! ? window : worst), null);
  const latencyP99 = worstLive?.latencyMs?.p99 ?? null;
  const within = (boundMs: number) => latencyP99 !== null && latencyP99 <= boundMs && probed.every((window) => arrivalWithin(window, boundMs));
  const worstPhase = runs.length > 1 ? 'worst phase of any run' : 'worst phase';
  const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');
  if (first.rate === 10) {
    notes.push(`p95 frame ≤ 16.7 ms, one 60 Hz vsync: ${verdict(worstP95 <= ONE_VSYNC_MS)} (${ms(worstP95)} ms ${worstPhase})`);
    notes.push(`no long task > 50 ms: ${verdict(longTasks === 0)} (${longTasks}${runs.length > 1 ? ` over ${runs.length} runs` : ''})`);
    notes.push(
      worstLive === null
        ? 'update→DOM: not measured for this view'
        : `update→DOM p99 ≤ 250 ms: ${verdict(within(250))} (${ms(latencyP99)} ms${runs.length > 1 ? ', worst run' : ''}; ${agesText(worstLive)})`,
    );
    notes.push(`ingest ≤ 3× JSON.parse: ${verdict(ratio !== null && ratio <= 3)} (${ratioText})`);
  } else if (first.rate === 30) {
    notes.push(
      worstLive === null
        ? 'latency: not measured for this view'
        : `latency p99 ≤ 1 s: ${verdict(within(1000))} (update→DOM ${ms(latencyP99)} ms${runs.length > 1 ? ', worst run' : ''}; ${agesText(worstLive)})`,
    );
    if (interacts.length > 0) {
      notes.push(`scrolling and sorting: frame p50 / p99 ${interacts.map((window) => `${ms(window.frameMs.p50)} / ${ms(window.frameMs.p99)}`).join(', ')} ms`);
    }
    const behind = allWindows.reduce((sum, window) => sum + window.framesSent - window.framesReceived, 0);
    notes.push(`coalesced (counted): ${allWindows.reduce((sum, window) => sum + window.coalesced, 0)} events; frames sent − received over the windows: ${behind}`);
  }
  return notes;
}

export function renderReport(report: BenchReport): string {
  const lines: string[] = [];
  const { results } = report;
  const view = (result: RunResult): string => (report.repeats > 1 ? `${result.scenario.title} · run ${result.run}` : result.scenario.title);
  lines.push('# Performance benchmark results', '');
  lines.push(`Generated by \`${report.command}\` on ${report.startedAt.toISOString()}. Definitions and method: [README.md](README.md).`, '');
  lines.push(`- Machine: ${machineLine(report.machineBefore)}`);
  lines.push(`- Load average (1 / 5 / 15 min): ${loadLine(report.machineBefore)} at start, ${loadLine(report.machineAfter)} at end (the machine is shared; figures taken under load are pessimistic)`);
  lines.push(`- Fake exchange seed ${report.seed}; per view and rate: ${report.warmupSeconds} s warm-up, ${report.phaseSeconds} s per measured phase, then ${report.profileSeconds} s per phase under the CPU profiler${report.repeats > 1 ? `; each view run ${report.repeats} times per rate, the views taken in turn` : ''}${report.alertRules > 0 ? `; ${report.alertRules} alert rules active (bench/scenarios/alertRules.ts), imported through the Alerts panel before each load` : ''}`);
  lines.push(`- Initial JS (the entry and every chunk it imports, the ingest workers' script excluded; gzip): ${(report.initialJsGzipBytes / 1000).toFixed(1)} kB (target ≤ 300 kB)`);
  for (const runs of runsByView(results)) {
    const loads = runs.flatMap((run) => run.liveAfterMs).sort((a, b) => a - b);
    if (loads.length === 0) continue;
    lines.push(
      `- ×${runs[0]!.rate} ${runs[0]!.scenario.title}: every row live ${ms(median(loads))} ms after navigation, median of ${loads.length} fresh loads (${loads.map((value) => value.toFixed(0)).join(', ')} ms; target ≤ 1500 ms)`,
    );
  }
  lines.push('');

  lines.push('## Per view, rate and phase', '');
  lines.push(
    '| rate | view | phase | frames/s received (sent by the fake) | row updates applied/s | coalesced/s | main thread per frame (µs): all tasks / script / style + layout | frame p50 / p95 / p99 (ms) | long tasks (max ms) | clicks ≥ 16 ms of all (of those, to next paint p50 / max; in handlers p50 / max, ms) | update→DOM p50 / p99 (ms) | of which exchange→socket p50 / p95 / p99 (ms) |',
  );
  lines.push('|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const result of results) {
    for (const window of result.windows) {
      const perSecond = (value: number) => (value / window.seconds).toFixed(0);
      const perFrame = (msTotal: number) => fixed(window.framesReceived > 0 ? (msTotal * 1000) / window.framesReceived : null, 0);
      const { taskMs, scriptMs, styleMs, layoutMs } = window.mainThread;
      const mainPerFrame = `${perFrame(taskMs)} / ${perFrame(scriptMs)} / ${perFrame(styleMs + layoutMs)}`;
      const longTasks = window.longTasks.length === 0 ? '0' : `${window.longTasks.length} (${Math.max(...window.longTasks).toFixed(0)})`;
      const latency =
        window.latencyMs === null
          ? '—'
          : `${ms(window.latencyMs.p50)} / ${ms(window.latencyMs.p99)} (n=${window.latencyMs.count}${window.probesNotRendered > 0 ? `, ${window.probesNotRendered} not rendered` : ''})`;
      lines.push(
        `| ×${result.rate} | ${view(result)} | ${window.phase} | ${perSecond(window.framesReceived)} (${perSecond(window.framesSent)}) | ${perSecond(window.applied)} | ${perSecond(window.coalesced)} | ${mainPerFrame} | ${dist(window.frameMs)} | ${longTasks} | ${clicksText(window.clicks)} | ${latency} | ${dist(window.arrivalMs)} |`,
      );
    }
  }
  for (const scenario of report.notMeasured) {
    for (const rate of report.rates) lines.push(`| ×${rate} | ${scenario.title} | — | ${scenario.notMeasured} | | | | | | | | |`);
  }
  lines.push('');

  lines.push('## Frame age on arrival', '');
  lines.push(
    `One frame in ${AGE_SAMPLE_EVERY} of every socket: the time from the exchange's event time (Binance \`E\`, OKX \`ts\`) to the frame reaching the app's socket. Frames the page cannot take as fast as they are sent wait in the transport (the fake's send buffers, the network); this shows it per exchange, where the latency probes follow one Binance value.`,
    '',
  );
  lines.push('| rate | view | phase | Binance p50 / p95 / p99 (ms) | Binance frames sampled | OKX p50 / p95 / p99 (ms) | OKX frames sampled |');
  lines.push('|---|---|---|---|---|---|---|');
  for (const result of results) {
    for (const window of result.windows) {
      const { binance, okx } = window.frameAgeMs;
      lines.push(`| ×${result.rate} | ${view(result)} | ${window.phase} | ${dist(binance, 0)} | ${binance?.count ?? 0} | ${dist(okx, 0)} | ${okx?.count ?? 0} |`);
    }
  }
  lines.push('');

  lines.push('## Ingest against the JSON.parse floor', '');
  lines.push('| rate | view | frames captured (MB) | JSON.parse floor, median (range) of the timings (µs/frame) | app ingest (µs/frame) | ratio | ingest workers busy, JS + native (µs/frame) | main thread, whole page (µs/frame) |');
  lines.push('|---|---|---|---|---|---|---|---|');
  for (const result of results) {
    const floor = result.parseFloor;
    const ingest = ingestMicrosPerFrame(result);
    const ratio = ingestRatio(result);
    const live = result.windows[0];
    const whole = live && live.framesReceived > 0 ? (live.mainThread.taskMs * 1000) / live.framesReceived : null;
    lines.push(
      `| ×${result.rate} | ${view(result)} | ${floor.frames} (${mb(floor.bytes)}) | ${fixed(floor.microsPerFrame, 1)} (${fixed(Math.min(...floor.timings), 1)}–${fixed(Math.max(...floor.timings), 1)}) | ${fixed(ingest, 1)} | ${ratio === null ? '—' : `${ratio.toFixed(2)}×`} | ${fixed(workerBusyMicrosPerFrame(result), 1)} | ${fixed(whole, 0)} |`,
    );
  }
  lines.push('');
  if (report.repeats > 1) {
    lines.push('Over the runs of each view (the ratio is judged on the median):', '');
    lines.push('| rate | view | app ingest, median (range) (µs/frame) | floor, median (range) (µs/frame) | ratio, median (range) |');
    lines.push('|---|---|---|---|---|');
    for (const runs of runsByView(results)) {
      const spread = (values: number[], format: (value: number) => string) =>
        values.length === 0 ? '—' : `${format(median(values)!)} (${format(Math.min(...values))}–${format(Math.max(...values))})`;
      const ingests = runs.map(ingestMicrosPerFrame).filter((value): value is number => value !== null);
      const ratios = runs.map(ingestRatio).filter((value): value is number => value !== null);
      lines.push(
        `| ×${runs[0]!.rate} | ${runs[0]!.scenario.title} | ${spread(ingests, (value) => value.toFixed(1))} | ${spread(runs.map((run) => run.parseFloor.microsPerFrame), (value) => value.toFixed(1))} | ${spread(ratios, (value) => `${value.toFixed(2)}×`)} |`,
      );
    }
    lines.push('');
  }

  lines.push('## Where the time goes (CPU profiles of both threads, by what started the work)', '');
  const header = ENTRY_AREAS.map((area) => area).join(' | ');
  lines.push(`| rate | view | phase | thread | busy | ${header} |`);
  lines.push(`|---|---|---|---|---|${ENTRY_AREAS.map(() => '---').join('|')}|`);
  const threadsOf = (profile: ScenarioResult['profiles'][number]): [string, ProfileBreakdown][] => [
    ['page (main)', profile.breakdown],
    ...profile.workers.map(({ name, breakdown }) => [`worker ${name}`, breakdown] as [string, ProfileBreakdown]),
  ];
  for (const result of results) {
    for (const profile of result.profiles) {
      for (const [thread, { busyMs, byEntry, wallMs }] of threadsOf(profile)) {
        const cells = ENTRY_AREAS.map((area) => pct(byEntry[area] ?? 0, busyMs)).join(' | ');
        lines.push(`| ×${result.rate} | ${view(result)} | ${profile.phase} | ${thread} | ${pct(busyMs, wallMs)} | ${cells} |`);
      }
    }
  }
  lines.push('');
  lines.push('Heaviest functions by self time (rate, phase, thread: share of that thread\'s busy time):', '');
  for (const result of results) {
    for (const profile of result.profiles) {
      for (const [thread, breakdown] of threadsOf(profile)) {
        const top = breakdown.topFunctions
          .slice(0, 6)
          .map((fn) => `\`${fn.name}\` ${pct(fn.ms, breakdown.busyMs)}`)
          .join(', ');
        lines.push(`- ×${result.rate} ${view(result)}, ${profile.phase}, ${thread}: ${top}`);
      }
    }
  }
  lines.push('');

  lines.push('## Heap', '');
  lines.push('| rate | view | JS heap after GC, start → end of run (MB) |');
  lines.push('|---|---|---|');
  for (const result of results) lines.push(`| ×${result.rate} | ${view(result)} | ${mb(result.heapStartBytes)} → ${mb(result.heapEndBytes)} |`);
  lines.push('', 'The 10-minute soak at ×10 is `npm run bench:soak`; its results are in [soak-results.md](soak-results.md).', '');

  lines.push('## Targets', '');
  for (const runs of runsByView(results)) {
    const notes = targetsFor(runs);
    if (notes.length > 0) lines.push(`- ×${runs[0]!.rate} ${runs[0]!.scenario.title}: ${notes.join('; ')}`);
  }
  lines.push('');
  return lines.join('\n');
}
