import { expect, test } from '../support/fixtures.ts';
import { watchForInjection } from '../support/injectionWatch.ts';
import { perpTable } from '../support/screener.ts';

const MARKUP_SYMBOL = '<img src=x onerror=alert(1)>USDT';

test('a Binance perpetual whose symbol is markup shows its symbol as text and runs nothing', async ({ app, page }) => {
  await app.control('/relist', { exchange: 'binance', symbol: 'XLMUSDT', as: MARKUP_SYMBOL });
  const verdict = watchForInjection(page);
  await app.gotoApp('/screener');
  await page.getByRole('searchbox', { name: 'Search coin' }).fill('onerror');
  const cell = perpTable(page).getByRole('cell', { name: MARKUP_SYMBOL, exact: true });
  await expect(cell).toBeVisible({ timeout: 20_000 });
  await expect(cell).toHaveText(MARKUP_SYMBOL);

  await cell.click();
  await expect(page).toHaveURL(`${new URL(page.url()).origin}/charts/binance/${encodeURIComponent(MARKUP_SYMBOL)}`);
  await expect(page.getByRole('heading', { level: 2, name: MARKUP_SYMBOL })).toBeVisible();
  await expect(page.getByLabel(`${MARKUP_SYMBOL} live values`)).toBeVisible();

  const seen = await verdict();
  expect(seen.dialogs, 'dialogs opened').toEqual([]);
  expect(seen.payloadImageRequests, "requests for the markup's src=x").toEqual([]);
  expect(seen.strayUrls, 'requests and sockets beyond the configured endpoints').toEqual([]);
});
