import type { Locator, Page } from '@playwright/test';

/** The screener's perpetuals table and helpers to read it the way a person does: by role and header name. */
export function perpTable(page: Page): Locator {
  return page.getByRole('table', { name: 'Perpetuals' });
}

/** Body rows (the header row and virtualisation spacers excluded). */
export function bodyRows(table: Locator): Locator {
  return table.locator('tbody tr:not(.spacer)');
}

/** The zero-based position of a column, found by its header's accessible name. */
export async function columnIndex(table: Locator, header: string | RegExp): Promise<number> {
  await table.getByRole('columnheader').first().waitFor();
  const names = await table.getByRole('columnheader').allInnerTexts();
  const index = names.findIndex((name) => (typeof header === 'string' ? name.replace(/[▲▼\d]+$/, '').trim() === header : header.test(name)));
  if (index < 0) throw new Error(`no column ${String(header)} among ${names.join(' | ')}`);
  return index;
}

/** The texts of one column for the rows currently rendered, top to bottom. */
export async function columnTexts(table: Locator, header: string | RegExp): Promise<string[]> {
  const index = await columnIndex(table, header);
  return bodyRows(table).evaluateAll((rows, i) => rows.map((row) => (row.children[i] as HTMLElement | undefined)?.innerText ?? ''), index);
}

/** The texts of several columns read in one go, so a live re-sort cannot fall between them: one array per row. */
export async function rowTexts(table: Locator, headers: (string | RegExp)[]): Promise<string[][]> {
  const indexes: number[] = [];
  for (const header of headers) indexes.push(await columnIndex(table, header));
  return bodyRows(table).evaluateAll((rows, at) => rows.map((row) => at.map((i) => (row.children[i] as HTMLElement | undefined)?.innerText ?? '')), indexes);
}

/** "+1,234.50%" / "−0.0100%" / "+5.12" → number; "—" → null. */
export function numberOf(text: string): number | null {
  const cleaned = text.replace(/[,%\s]/g, '').replace('−', '-').replace(/^\+/, '');
  if (cleaned === '' || cleaned === '—') return null;
  const value = Number(cleaned.replace(/\/.*$/, ''));
  return Number.isFinite(value) ? value : null;
}

/** Compact volumes: "1.23M" → 1230000. */
export function volumeOf(text: string): number | null {
  const match = /^([\d.]+)([KMBT]?)$/.exec(text.trim());
  if (!match) return null;
  const scale = { '': 1, K: 1e3, M: 1e6, B: 1e9, T: 1e12 }[match[2] as '' | 'K' | 'M' | 'B' | 'T'];
  return Number(match[1]) * scale;
}

export function rowFor(table: Locator, symbol: string): Locator {
  return bodyRows(table).filter({ has: table.page().getByRole('cell', { name: symbol, exact: true }) });
}

/** The list of missing REST sources above the table ("Data source problems"). */
export function sourceNotices(page: Page): Locator {
  return page.getByRole('list', { name: 'Data source problems' });
}

/** One missing source's notice, by the source's label, e.g. "Binance funding intervals". */
export function sourceNotice(page: Page, label: string): Locator {
  return sourceNotices(page).getByRole('listitem').filter({ hasText: `${label} unavailable` });
}
