import type { Locator, Page } from '@playwright/test';

/** The chain of the selected expiry: role "table", named "<underlying> options expiring <date>". */
export function chainTable(page: Page): Locator {
  return page.getByRole('table', { name: /options expiring/ });
}

export function chainStatus(page: Page): Locator {
  return page.getByRole('status', { name: 'Chain status' });
}

export function expiryTabs(page: Page): Locator {
  return page.getByRole('tablist', { name: 'Expiries' }).getByRole('tab');
}

export function selectedExpiry(page: Page): Locator {
  return page.getByRole('tablist', { name: 'Expiries' }).getByRole('tab', { selected: true });
}

/** The at-the-money strike's row (its strike header reads "… ATM"). */
export function atmRow(page: Page): Locator {
  return chainTable(page).getByRole('row').filter({ has: page.getByRole('rowheader', { name: /ATM/ }) });
}

/**
 * The text of one side's column in a row, found by its header's accessible name ("Put Mark IV in %":
 * pass "Put Mark IV"): body cells run in the order of the second header row, the strike being a row header.
 */
export async function cellText(row: Locator, header: string): Promise<string> {
  const table = row.page().getByRole('table', { name: /options expiring/ });
  const names = await table.locator('thead tr').nth(1).getByRole('columnheader').allTextContents();
  const index = names.findIndex((name) => name.startsWith(`${header} in `));
  if (index < 0) throw new Error(`no column ${header} among ${names.join(' | ')}`);
  return (await row.getByRole('cell').nth(index).textContent()) ?? '';
}

/** "95,500 ATM" / "4,390.00" / "−0.522" / "59.2%" → number; "—" or "" → null. */
export function numberIn(text: string): number | null {
  const cleaned = text.replace(/ATM|[,%\s]/g, '').replace('−', '-');
  if (cleaned === '' || cleaned === '—') return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}

/** The underlying price the status line shows ("Index 95,347.70" / "Forward 95,362.70"). */
export async function underlyingPriceShown(page: Page): Promise<number | null> {
  const text = (await chainStatus(page).textContent()) ?? '';
  const match = /(?:Index|Forward)\s*([\d,.]+)/.exec(text);
  return match ? numberIn(match[1]!) : null;
}

/** The expiry dates (`2025-12-26`) of the options of one OKX family whose `channel` the app is subscribed to, from the fake's GET /stats. */
export async function okxSubscribedExpiries(family: string, channel: 'mark-price' | 'tickers'): Promise<string[]> {
  const control = process.env.FAKE_CONTROL_URL;
  if (!control) throw new Error('FAKE_CONTROL_URL is not set: run the browser tests with `playwright test`');
  const response = await fetch(`${control.replace(/\/+$/, '')}/stats`);
  const stats = (await response.json()) as { okx: { connections: { subscriptions: { channel: string; instId?: string }[] }[] } };
  const dates = new Set<string>();
  for (const { subscriptions } of stats.okx.connections) {
    for (const arg of subscriptions) {
      const datePart = arg.channel === channel ? arg.instId?.slice(family.length + 1).match(/^(\d\d)(\d\d)(\d\d)-/) : null;
      if (arg.instId?.startsWith(`${family}-`) && datePart) dates.add(`20${datePart[1]}-${datePart[2]}-${datePart[3]}`);
    }
  }
  return [...dates].sort();
}
