import type { Page } from '@playwright/test';

/**
 * Headless Chromium keeps every page visible (minimising its window or opening another tab over it
 * changes nothing), so a test hides the page as a browser hides a background tab: its animation
 * frames held and `visibilitychange` fired.
 */
/** Before the app's scripts: animation frames and visibility the test can switch, as a browser does for a background tab. */
export async function hideableTab(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const harness = window as unknown as { __setHidden(hidden: boolean): void };
    const realFrame = window.requestAnimationFrame.bind(window);
    let hidden = false;
    let held: FrameRequestCallback[] = [];
    window.requestAnimationFrame = (callback) => {
      if (!hidden) return realFrame(callback);
      held.push(callback);
      return 0;
    };
    Object.defineProperty(document, 'visibilityState', { get: () => (hidden ? 'hidden' : 'visible') });
    Object.defineProperty(document, 'hidden', { get: () => hidden });
    harness.__setHidden = (next) => {
      hidden = next;
      document.dispatchEvent(new Event('visibilitychange'));
      if (hidden) return;
      const waiting = held;
      held = [];
      realFrame((time) => waiting.forEach((callback) => callback(time)));
    };
  });
}

/** Hides or shows a page made hideable by `hideableTab`. */
export async function setHidden(page: Page, hidden: boolean): Promise<void> {
  await page.evaluate((next) => (window as unknown as { __setHidden(hidden: boolean): void }).__setHidden(next), hidden);
}
