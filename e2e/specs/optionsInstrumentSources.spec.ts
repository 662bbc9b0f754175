import { expect, test } from '../support/fixtures.ts';
import { atmRow, cellText, chainTable, numberIn } from '../support/options.ts';
import { sourceNotice } from '../support/screener.ts';

const LOAD_TIMEOUT = 20_000;

/** Either source alone lists OKX's options: the REST list, or the instruments channel. */
test.describe('OKX option chain from either instrument source', () => {
  for (const { name, modes, refused } of [
    { name: 'REST list refused, the channel sending the whole list on subscribe', modes: { rest: 'refused', channel: 'full' }, refused: true },
    { name: 'REST list served, the channel sending changes only', modes: { rest: 'served', channel: 'changes' }, refused: false },
  ]) {
    test(`shows the BTC chain with the ${name}`, async ({ app, page }) => {
      if (refused) app.expectBrowserError(/status of 403/);
      await app.control('/okx-instruments', modes);
      await app.gotoApp('/options?exchange=okx&underlying=BTC-USD');
      await expect(page.getByLabel('Underlying').locator('option')).toHaveText(['BTC-USD', 'ETH-USD'], { timeout: LOAD_TIMEOUT });
      await expect(chainTable(page)).toHaveAccessibleName(/^BTC-USD options expiring/, { timeout: LOAD_TIMEOUT });
      await expect(atmRow(page)).toBeVisible({ timeout: LOAD_TIMEOUT });
      await expect.poll(async () => numberIn(await cellText(atmRow(page), 'Call Delta')), { timeout: LOAD_TIMEOUT }).toBeGreaterThan(0);
      if (refused) await expect(sourceNotice(page, 'OKX option list')).toContainText('HTTP 403');
      else await expect(sourceNotice(page, 'OKX option list')).toHaveCount(0);
    });
  }
});
