import type { Locator, Page } from '@playwright/test';

export type OkxRegionName = 'global' | 'eea' | 'us';

/** What the fake exchange saw on one OKX region's port (GET /stats, okx.regions). */
export interface OkxRegionTraffic {
  openConnections: number;
  openedConnections: number;
  restRequests: number;
}

/** The header's OKX region choice: a select named "OKX region". */
export function okxRegionSelect(page: Page): Locator {
  return page.getByRole('combobox', { name: 'OKX region' });
}

/** Each OKX region's sockets and REST requests, as the fake exchange counts them. */
export async function okxRegionTraffic(): Promise<Record<OkxRegionName, OkxRegionTraffic>> {
  const control = process.env.FAKE_CONTROL_URL;
  if (!control) throw new Error('FAKE_CONTROL_URL is not set: run the browser tests with `playwright test`');
  const response = await fetch(`${control.replace(/\/+$/, '')}/stats`);
  const stats = (await response.json()) as { okx: { regions: Record<OkxRegionName, OkxRegionTraffic> } };
  return stats.okx.regions;
}
