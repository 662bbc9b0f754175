import { pinFunding } from '../harness/environment.ts';
import type { BenchWindow } from '../harness/pageSession.ts';
import { sleep, type ScenarioContext } from './scenario.ts';

/**
 * Latency probes: each pins a Binance funding rate no view has shown yet (above every natural
 * rate, so in a funding-sorted table the row rises to the top, where it is rendered) and times it
 * from the event time of the first frame carrying it to the moment its text (per-interval, 4
 * decimals, as the views print it) is inside `domSelector`. Probes on one symbol must be further
 * apart than the fake's push period at ×1 (1 s), or a pin is replaced before it is ever sent.
 */
export function fundingProbes(symbols: (context: ScenarioContext) => readonly string[], domSelector: string, everyMs: number) {
  return async (context: ScenarioContext, deadline: number): Promise<void> => {
    const { page } = context.session;
    const candidates = symbols(context);
    while (Date.now() < deadline) {
      const id = context.nextProbeId();
      const symbol = candidates[id % candidates.length]!;
      const rate = Math.round((0.05 + id * 0.0001) * 1e8) / 1e8;
      const probe = { id, frameMarker: `"r":"${rate.toFixed(8)}"`, socketMarker: context.binanceSocketMarker, domText: `+${(rate * 100).toFixed(4)}%`, domSelector };
      await page.evaluate((armed: typeof probe) => (window as unknown as BenchWindow).__bench.armProbe(armed), probe);
      await pinFunding(context.controlUrl, 'binance', symbol, rate);
      await sleep(Math.min(everyMs, deadline - Date.now()));
    }
  };
}
