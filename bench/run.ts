/**
 * `npm run bench [-- --rates 1,10,30 --seconds 15 --views screener --repeats 3 --alert-rules 50 --out bench/results.md]`:
 * the built app in headless Chromium against the fake exchange at each rate, every view
 * measured the same way (each `--repeats` times, the views taken in turn); writes a markdown
 * report. Not a test: nothing here runs in CI.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { numberFlag } from '../scripts/lib/flags.ts';
import { buildBenchApp, fakeUniverse, initialJsGzipBytes, launchChromium, machineInfo, startFakeAt, type RunningFake } from './harness/environment.ts';
import { runScenario } from './harness/runScenario.ts';
import { renderReport, type RunResult } from './report.ts';
import { benchAlertRulesFile } from './scenarios/alertRules.ts';
import { SCENARIOS } from './scenarios/index.ts';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

const { values: flags } = parseArgs({
  options: {
    rates: { type: 'string', default: '1,10,30' },
    views: { type: 'string' },
    seconds: { type: 'string' },
    warmup: { type: 'string' },
    'profile-seconds': { type: 'string' },
    seed: { type: 'string' },
    repeats: { type: 'string' },
    out: { type: 'string', default: 'bench/results.md' },
    'alert-rules': { type: 'string' },
  },
});

const rates = flags.rates.split(',').map((text) => numberFlag('rates', text)!);
const seed = numberFlag('seed', flags.seed) ?? 42;
const phaseSeconds = numberFlag('seconds', flags.seconds) ?? 15;
const warmupSeconds = numberFlag('warmup', flags.warmup) ?? 5;
const profileSeconds = numberFlag('profile-seconds', flags['profile-seconds']) ?? 8;
const repeats = numberFlag('repeats', flags.repeats) ?? 1;
const alertRuleCount = numberFlag('alert-rules', flags['alert-rules']) ?? 0;
const wanted = flags.views?.split(',');
const scenarios = SCENARIOS.filter((scenario) => !wanted || wanted.includes(scenario.id));
const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
const log = (message: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

const startedAt = new Date();
let running: RunningFake = await startFakeAt(rates[0]!, seed, null);
const universe = await fakeUniverse(running);
const alertRules = alertRuleCount > 0 ? { file: benchAlertRulesFile(alertRuleCount, universe.binanceSymbols), count: alertRuleCount } : null;
log(`fake exchange up (${universe.expectedRows} perpetuals); building the app`);
const initialJs = await initialJsGzipBytes(running.env);
const app = await buildBenchApp(running.env);
const browser = await launchChromium();
const machineBefore = machineInfo(browser);
const results: RunResult[] = [];
let probeId = 0;
try {
  for (const [index, rate] of rates.entries()) {
    if (index > 0) {
      const ports = running.ports;
      await running.close();
      running = await startFakeAt(rate, seed, ports);
    }
    // Runs of one view are spread over the rate's time (screener, chart, options, screener, …), so a
    // slow stretch of the shared machine lands on several views once rather than on one view's every run.
    for (let run = 1; run <= repeats; run++) {
      for (const scenario of scenarios.filter((candidate) => candidate.notMeasured === null)) {
        log(`×${rate} ${scenario.title}${repeats > 1 ? `, run ${run} of ${repeats}` : ''}`);
        const result = await runScenario(browser, scenario, {
          appUrl: app.url,
          assetsDir: join(app.outDir, 'assets'),
          controlUrl: running.controlUrl,
          log,
          rate,
          binanceSocketMarker: `:${running.ports.binance}/`,
          expectedRows: universe.expectedRows,
          binanceSymbols: universe.binanceSymbols,
          nextProbeId: () => ++probeId,
          warmupSeconds,
          phaseSeconds,
          profileSeconds,
          alertRules,
        });
        results.push({ ...result, run });
      }
    }
  }
  const markdown = renderReport({
    command,
    startedAt,
    machineBefore,
    machineAfter: machineInfo(browser),
    seed,
    warmupSeconds,
    phaseSeconds,
    profileSeconds,
    repeats,
    alertRules: alertRuleCount,
    initialJsGzipBytes: initialJs,
    results,
    notMeasured: scenarios.filter((scenario) => scenario.notMeasured !== null),
    rates,
  });
  writeFileSync(resolve(REPO_ROOT, flags.out), markdown);
  console.log(markdown);
  log(`written to ${flags.out}`);
} finally {
  await browser.close();
  await app.close();
  await running.close();
}
