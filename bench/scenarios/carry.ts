import { sleep, type ViewScenario } from './scenario.ts';

/**
 * The Carry view, every pair priced live at the default settings, sorted by net APR. No latency
 * probe: it shows no per-interval rate a pinned funding would print, so update→DOM is not measured.
 */
export const carryScenario: ViewScenario = {
  id: 'carry',
  title: 'Carry, every pair by net APR',
  notMeasured: null,
  path: '/carry',
  async waitUntilLive(context) {
    await context.session.page.waitForSelector('table[aria-label="Carry pairs"] tbody tr');
    return null;
  },
  phases: [{ name: 'live, watching', activity: (_context, deadline) => sleep(deadline - Date.now()) }],
};
