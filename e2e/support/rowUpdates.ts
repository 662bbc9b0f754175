import type { Page } from '@playwright/test';

/**
 * Records, on every animation frame from now on, when the named row's cell in the column `header`
 * shows a new text. The reader returns the page times of those changes.
 */
export async function recordCellChanges(page: Page, tableName: string, symbol: string, header: string): Promise<() => Promise<number[]>> {
  const key = `__cellChanges_${symbol}_${header}`;
  await page.evaluate(
    ({ tableName, symbol, header, key }) => {
      const changes: number[] = [];
      (window as unknown as Record<string, number[]>)[key] = changes;
      let last: string | null = null;
      const read = () => {
        const table = document.querySelector(`table[aria-label="${tableName}"]`);
        const headers = table ? [...table.querySelectorAll('thead th')].map((th) => (th.textContent ?? '').replace(/[▲▼\d]+$/, '').trim()) : [];
        const column = headers.indexOf(header);
        const row = table ? [...table.querySelectorAll('tbody tr')].find((tr) => [...tr.children].some((cell) => cell.textContent?.trim() === symbol)) : undefined;
        const text = column >= 0 && row ? (row.children[column]?.textContent ?? null) : null;
        if (text !== null && text !== last) {
          if (last !== null) changes.push(performance.now());
          last = text;
        }
        requestAnimationFrame(read);
      };
      read();
    },
    { tableName, symbol, header, key },
  );
  return () => page.evaluate((key) => (window as unknown as Record<string, number[]>)[key] ?? [], key);
}

/** The longest time between two successive changes (or from `from` to the first). */
export function longestGap(changes: number[], from: number, to: number): number {
  const inside = changes.filter((at) => at >= from && at <= to);
  let longest = 0;
  let previous = from;
  for (const at of [...inside, to]) {
    longest = Math.max(longest, at - previous);
    previous = at;
  }
  return longest;
}
