import type { Page } from '@playwright/test';
import type { ExchangeLabel, SeenState } from './connectionStatus.ts';

const STATE_WORDS = ['reconnecting', 'connecting', 'live', 'down', 'idle'] as const;

/** One stretch of a badge in one state: from `at` (page ms) for `ms` (until the next state, or until read). */
export interface BadgeSpan {
  state: SeenState;
  at: number;
  ms: number;
}

interface Seen {
  text: string;
  at: number;
}

/**
 * Records every text each header badge shows from the page's first script on (an init script, so
 * the very first paint of the badge is seen too), with the page's time of each change.
 */
export async function recordBadgesFromLoad(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: Record<string, Seen[]> = {};
    (window as unknown as { __badgeTimeline: Record<string, Seen[]> }).__badgeTimeline = seen;
    const sample = () => {
      for (const badge of document.querySelectorAll('[role="status"][aria-label$=" connection"]')) {
        const name = badge.getAttribute('aria-label')!.replace(/ connection$/, '');
        const list = (seen[name] ??= []);
        const text = badge.textContent ?? '';
        if (list.at(-1)?.text !== text) list.push({ text, at: performance.now() });
      }
    };
    new MutationObserver(sample).observe(document, { subtree: true, childList: true, characterData: true });
  });
}

/** The states a badge went through since load, repeats merged, each with how long it lasted. */
export async function badgeSpans(page: Page, exchange: ExchangeLabel): Promise<BadgeSpan[]> {
  const { seen, now } = await page.evaluate((name) => {
    const timeline = (window as unknown as { __badgeTimeline?: Record<string, Seen[]> }).__badgeTimeline;
    return { seen: timeline?.[name] ?? [], now: performance.now() };
  }, exchange);
  const spans: BadgeSpan[] = [];
  for (const { text, at } of seen) {
    const state: SeenState = STATE_WORDS.find((word) => text.includes(word)) ?? 'unknown';
    const last = spans.at(-1);
    if (last?.state === state) continue;
    if (last) last.ms = at - last.at;
    spans.push({ state, at, ms: 0 });
  }
  const last = spans.at(-1);
  if (last) last.ms = now - last.at;
  return spans;
}
