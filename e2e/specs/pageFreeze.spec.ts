import type { Page } from '@playwright/test';
import { WebSocket } from 'ws';
import { connectionStatus } from '../support/connectionStatus.ts';
import { expect, fakeEnv, test } from '../support/fixtures.ts';
import { rendererPidOf } from '../support/rendererProcess.ts';
import { columnIndex, numberOf, perpTable, rowFor } from '../support/screener.ts';

/**
 * The renderer frozen as a closed laptop lid freezes it (SIGSTOP: the page and its workers), while
 * the fake exchange keeps sending and the browser's network process holds the frames: thawed, the
 * workers drain a minute's backlog, oldest first, over about a second. No queued mark may show as
 * current, the badge may not call old data fresh, and no good value may be counted as bad. A
 * debugger pause (the page alone: the workers run on) never showed this.
 */
/** A minute's freeze shows the fault as 3 minutes do, in a third of the time. */
const FREEZE_MS = 60_000;
const SYMBOL = 'BTCUSDT';

test.describe.configure({ timeout: FREEZE_MS + 90_000 });

interface Shown {
  at: number;
  mark: number | null;
  grey: boolean;
  badge: string;
  /** The badge's tooltip, which counts the values refused as bad. */
  title: string;
}

/** From now on the page notes, on every animation frame, the Binance row's mark, whether it is grey, and the Binance badge with its tooltip. */
async function recordRow(page: Page, columns: { exchange: number; symbol: number; mark: number }): Promise<void> {
  await page.evaluate(
    ({ symbol, columns }) => {
      const shown: Shown[] = [];
      (window as unknown as { __shown: Shown[] }).__shown = shown;
      const markColumn = columns.mark;
      const note = () => {
        const row = [...document.querySelectorAll('table[aria-label="Perpetuals"] tbody tr')].find(
          (tr) => tr.children[columns.exchange]?.textContent === 'Binance' && tr.children[columns.symbol]?.textContent === symbol,
        );
        const text = (row?.children[markColumn] as HTMLElement | undefined)?.innerText ?? '';
        const mark = Number(text.replace(/,/g, ''));
        shown.push({
          at: Date.now(),
          mark: Number.isFinite(mark) && text !== '' ? mark : null,
          grey: row?.classList.contains('stale') ?? false,
          badge: document.querySelector('[aria-label="Binance connection"]')?.textContent ?? '',
          title: document.querySelector('[aria-label="Binance connection"]')?.getAttribute('title') ?? '',
        });
        requestAnimationFrame(note);
      };
      note();
    },
    { symbol: SYMBOL, columns },
  );
}

/** Binance's marks for the symbol as the fake exchange stamps and sends them, to a client that is never frozen: what a current row shows. */
function watchVenueMarks(): { marks: { at: number; mark: number }[]; stop: () => void } {
  const marks: { at: number; mark: number }[] = [];
  const socket = new WebSocket(`${fakeEnv().VITE_BINANCE_FUTURES_WS}/ws/${SYMBOL.toLowerCase()}@markPrice@1s`);
  socket.on('message', (data) => {
    const push = JSON.parse(String(data)) as { E: number; p: string };
    marks.push({ at: push.E, mark: Number(push.p) });
  });
  return { marks, stop: () => socket.close() };
}

test('after a freeze the rows and the badge tell the real age at once: no queued mark shows as current', async ({ app, page }) => {
  await app.gotoApp(`/screener?q=${SYMBOL}`);
  const table = perpTable(page);
  await expect(rowFor(table, SYMBOL)).toBeVisible({ timeout: 20_000 });
  await expect(connectionStatus(page, 'Binance')).toContainText('live', { timeout: 20_000 });
  await expect.poll(async () => numberOf(await rowFor(table, SYMBOL).getByRole('cell').nth(await columnIndex(table, 'Mark')).innerText())).not.toBeNull();
  const venue = watchVenueMarks();
  await recordRow(page, { exchange: await columnIndex(table, 'Exchange'), symbol: await columnIndex(table, 'Symbol'), mark: await columnIndex(table, 'Mark') });
  await page.waitForTimeout(1_000);

  const pid = await rendererPidOf(page);
  const frozenAt = Date.now();
  process.kill(pid, 'SIGSTOP');
  await new Promise((resolve) => setTimeout(resolve, FREEZE_MS));
  process.kill(pid, 'SIGCONT');
  const thawedAt = Date.now();
  await page.waitForTimeout(6_000);
  venue.stop();

  const shown = await page.evaluate(() => (window as unknown as { __shown: Shown[] }).__shown);
  // The first frame after the thaw comes before the page has run: it holds what was drawn before the freeze.
  const afterThaw = shown.filter((entry) => entry.at >= frozenAt + FREEZE_MS).slice(1);
  expect(afterThaw.length).toBeGreaterThan(10);
  expect(afterThaw.filter((entry) => entry.mark !== null).length).toBe(afterThaw.length);
  // A mark shown as current (not grey) must be one the venue stamped within the staleness window:
  // Binance rows grey 5 s after their stream's data, by a clock the page reads once a second.
  const outdated = afterThaw.filter(
    (entry) => !entry.grey && entry.mark !== null && !venue.marks.some((venue) => venue.mark === entry.mark && venue.at >= entry.at - 6_000 && venue.at <= entry.at + 500),
  );
  // The badge tells the age of what it shows: "last msg" under 2 s only once the row is current again.
  const ageOf = (badge: string) => Number(/last msg ([\d.]+)s ago/.exec(badge)?.[1] ?? NaN);
  const currentAgain = afterThaw.find((entry) => !entry.grey && !outdated.includes(entry))?.at ?? Infinity;
  const badgeTooFresh = afterThaw.filter((entry) => entry.at < currentAgain - 250 && ageOf(entry.badge) < 2);
  // Good values refused as bad, as the badge's tooltip counts them: none across the freeze.
  const rejectedOf = (entry: Shown) => Number(/(\d+) bad values rejected/.exec(entry.title)?.[1] ?? NaN);
  const rejectedBefore = rejectedOf(shown.filter((entry) => entry.at < frozenAt).at(-1)!);
  const rejectedAfter = Math.max(...afterThaw.map(rejectedOf));
  console.log(
    `thawed ${(thawedAt - frozenAt) / 1000} s after freezing; ${outdated.length} frames showed a queued mark as current` +
      ` (${outdated.length ? `${(outdated.at(-1)!.at - outdated[0]!.at) / 1000} s` : 'none'}); row current again ${(currentAgain - (frozenAt + FREEZE_MS)) / 1000} s after the thaw;` +
      ` ${badgeTooFresh.length} frames with the badge under 2 s before that; bad values rejected ${rejectedBefore} before, ${rejectedAfter} after`,
  );
  expect(outdated.map((entry) => `${entry.mark} at ${entry.at - frozenAt} ms`)).toEqual([]);
  expect(currentAgain).toBeLessThan(Infinity);
  expect(badgeTooFresh.map((entry) => `${entry.badge} at ${entry.at - frozenAt} ms`)).toEqual([]);
  expect(rejectedAfter).toBe(rejectedBefore);
});
