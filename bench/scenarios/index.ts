import type { ViewScenario } from './scenario.ts';
import { chartScenario } from './chart.ts';
import { screenerScenario } from './screener.ts';

function notYetMeasured(id: string, title: string, path: string, reason: string): ViewScenario {
  return {
    id,
    title,
    notMeasured: reason,
    path,
    waitUntilLive: () => Promise.reject(new Error(`${title} is not measured: ${reason}`)),
    phases: [],
  };
}

/** Every view issue #7 measures; the ones whose page does not exist yet say so in the results. */
export const SCENARIOS: ViewScenario[] = [
  screenerScenario,
  chartScenario,
  notYetMeasured('options', 'Options chain, BTC', '/options', 'not measured: the options view (issue #6) is not built yet'),
];
