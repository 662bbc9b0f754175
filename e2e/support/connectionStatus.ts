import type { Locator, Page } from '@playwright/test';

export type ExchangeLabel = 'Binance' | 'OKX';

const STATE_WORDS = ['reconnecting', 'connecting', 'live', 'stalled', 'offline', 'down', 'idle'] as const;
/** A state word as the badge shows it; 'unknown' when its text has none, which a test should never see. */
export type SeenState = (typeof STATE_WORDS)[number] | 'unknown';

/** The header badge for one exchange: role "status", named "<Exchange> connection". */
export function connectionStatus(page: Page, exchange: ExchangeLabel): Locator {
  return page.getByRole('status', { name: `${exchange} connection` });
}

/** The state word in a badge's text. "reconnecting" is tested before "connecting", which it contains. */
function stateWordOf(text: string): SeenState {
  return STATE_WORDS.find((word) => text.includes(word)) ?? 'unknown';
}

/**
 * Records every text a badge shows from now on. A reconnect to a local fake can take well
 * under a second, too short to catch by polling the page, so the page records the changes.
 * Returns a reader for the states seen, repeats collapsed: e.g. ['live', 'reconnecting', 'live'].
 */
export async function recordStates(page: Page, exchange: ExchangeLabel): Promise<() => Promise<SeenState[]>> {
  const key = `__statusTexts_${exchange}`;
  await connectionStatus(page, exchange).evaluate((badge, key) => {
    const texts: string[] = [badge.textContent ?? ''];
    (window as unknown as Record<string, string[]>)[key] = texts;
    new MutationObserver(() => texts.push(badge.textContent ?? '')).observe(badge, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  }, key);
  return async () => {
    const texts = await page.evaluate((key) => (window as unknown as Record<string, string[]>)[key] ?? [], key);
    return texts.map(stateWordOf).filter((state, index, states) => state !== states[index - 1]);
  };
}
