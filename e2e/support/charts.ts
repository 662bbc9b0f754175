import { expect, type Locator, type Page } from '@playwright/test';
import { numberOf } from './screener';

/** The chart figure of one perpetual, e.g. chartFigure(page, 'BTCUSDT', '1m'). */
export function chartFigure(page: Page, symbol: string, interval: string): Locator {
  return page.getByRole('figure', { name: `${symbol} mark vs index, ${interval} bars` });
}

/** A chart legend value by its term: 'Mark', 'Index', 'Premium (bps)', 'Time'. */
export function legendValue(figure: Locator, term: string): Locator {
  return figure.getByLabel('Chart legend').locator('div').filter({ has: figure.page().locator('dt', { hasText: new RegExp(`^${escape(term)}$`) }) }).locator('dd');
}

/** A live value above the chart by its term: 'Mark', 'Index', 'Premium (bps)', 'Annualised', 'Next funding'. */
export function statValue(page: Page, symbol: string, term: string | RegExp): Locator {
  const stats = page.getByLabel(`${symbol} live values`);
  const pattern = typeof term === 'string' ? new RegExp(`^${escape(term)}$`) : term;
  return stats.locator('div').filter({ has: page.locator('dt', { hasText: pattern }) }).locator('dd');
}

/**
 * Every legend value at one moment, by term. Live ticks revise the legend every frame, so values
 * that are compared with each other must come from one read, not one read each.
 */
export async function legendSnapshot(figure: Locator): Promise<Record<string, number | null>> {
  const pairs = await figure
    .getByLabel('Chart legend')
    .evaluate((legend) => [...legend.querySelectorAll('div')].map((item) => [item.querySelector('dt')?.textContent ?? '', item.querySelector('dd')?.textContent ?? '']));
  return Object.fromEntries(pairs.map(([term, value]) => [term, numberOf(value!)]));
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface SummaryFigures {
  bars: number;
  interval: string;
  liveUpdates: number;
}

/** Reads "500 1m bars from … to …; 7 live updates" (the chart's summary in words). */
export async function summaryOf(summary: Locator): Promise<SummaryFigures> {
  const text = await summary.innerText();
  const match = /^(\d+) (\w+) bars from .+ to .+; (\d+) live updates$/.exec(text.trim());
  if (!match) throw new Error(`unexpected chart summary: ${text}`);
  return { bars: Number(match[1]), interval: match[2]!, liveUpdates: Number(match[3]) };
}

export async function expectNumber(locator: Locator): Promise<number> {
  await expect(locator).toHaveText(/\d/);
  const value = numberOf(await locator.innerText());
  expect(value).not.toBeNull();
  return value!;
}
