import { fundingProbes } from './fundingProbes.ts';
import type { ViewScenario } from './scenario.ts';

const SYMBOL = 'BTCUSDT';
const LIVE_VALUES = `dl[aria-label="${SYMBOL} live values"]`;

/** The mark-vs-index chart of BTCUSDT: history loaded, then live; probes read the live values above the chart. */
export const chartScenario: ViewScenario = {
  id: 'chart',
  title: `Chart, ${SYMBOL} mark vs index`,
  notMeasured: null,
  path: `/charts/binance/${SYMBOL}`,
  async waitUntilLive(context) {
    const { page } = context.session;
    await page.waitForSelector(LIVE_VALUES);
    await page.waitForSelector('.chart-canvas canvas');
    return null;
  },
  phases: [{ name: 'live, watching', activity: fundingProbes(() => [SYMBOL], LIVE_VALUES, 1200) }],
};
