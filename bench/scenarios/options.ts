import { sleep, type ViewScenario } from './scenario.ts';

const UNDERLYING = 'BTCUSDT';

/**
 * The Binance BTC options chain (nearest expiry), watched live, then with the Term panel open:
 * both venues' BTC chains streaming and their term structures worked out each second. No latency
 * probe: the fake's control API cannot pin an option's mark, so update→DOM is not measured here.
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
  phases: [
    { name: 'live, watching', activity: (_context, deadline) => sleep(deadline - Date.now()) },
    {
      name: 'Term panel open',
      // Opened as the window starts and closed at its end, so the phases after it (the profiled runs) start as the chain alone.
      async activity({ session: { page } }, deadline) {
        await page.clickButton('Term structure');
        await page.waitForSelector('.term-table tbody td');
        await sleep(deadline - Date.now());
        await page.clickButton('Term structure');
      },
    },
  ],
};
