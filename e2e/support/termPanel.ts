import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';

/** `261225` → 25 Dec 2026 08:00 UTC, when both venues' options of that date expire. */
export const expiryTime = (date: string): number =>
  Date.UTC(2000 + Number(date.slice(0, 2)), Number(date.slice(2, 4)) - 1, Number(date.slice(4, 6)), 8);

/** Opens Binance's BTC chain and its Term panel, which then streams both venues' BTC chains. */
export async function openTermPanel(page: Page, gotoApp: (path: string) => Promise<void>): Promise<void> {
  await gotoApp('/options?exchange=binance&underlying=BTCUSDT');
  await page.getByRole('button', { name: 'Term structure' }).click();
  await expect(page.getByRole('heading', { name: 'BTC vol term structure' })).toBeVisible();
}
