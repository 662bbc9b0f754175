import { sleep, type ViewScenario } from './scenario.ts';

const UNDERLYING = 'BTCUSDT';

/**
 * The Binance BTC options chain (nearest expiry), watched live. No latency probe: the fake's
 * control API cannot pin an option's mark, so update→DOM is not measured for this view.
 */
export const optionsScenario: ViewScenario = {
  id: 'options',
  title: 'Options chain, BTC (Binance)',
  notMeasured: null,
  path: `/options?exchange=binance&underlying=${UNDERLYING}`,
  async waitUntilLive(context) {
    await context.session.page.waitForSelector('th[scope="row"] .atm-badge');
    return null;
  },
  phases: [{ name: 'live, watching', activity: (_context, deadline) => sleep(deadline - Date.now()) }],
};
