import type { ViewScenario } from './scenario.ts';
import { carryScenario } from './carry.ts';
import { chartScenario } from './chart.ts';
import { optionsScenario } from './options.ts';
import { screenerScenario } from './screener.ts';

/** Every view issue #7 measures. A view not built yet goes here with `notMeasured` set; the results then say so. */
export const SCENARIOS: ViewScenario[] = [
  screenerScenario,
  chartScenario,
  optionsScenario,
  carryScenario,
];
