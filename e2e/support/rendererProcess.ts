import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';

/** Names of a process's threads, as the kernel has them (each cut to 15 characters). */
function threadNames(pid: number): string[] {
  try {
    return readdirSync(`/proc/${pid}/task`).map((thread) => readFileSync(`/proc/${pid}/task/${thread}/comm`, 'utf8').trim());
  } catch {
    return [];
  }
}

/**
 * The PID of the renderer that runs the page and its workers: of the browser's renderers, the one
 * with dedicated-worker threads (the only page of the test that starts workers). Linux only.
 */
export async function rendererPidOf(page: Page): Promise<number> {
  const browser = page.context().browser();
  if (!browser) throw new Error('the page has no browser to ask for its processes');
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
  await cdp.detach();
  const withWorkers = processInfo.filter((process) => process.type === 'renderer' && threadNames(process.id).includes('DedicatedWorker'));
  if (withWorkers.length !== 1) throw new Error(`expected one renderer running workers, found ${withWorkers.length} among ${JSON.stringify(processInfo)}`);
  return withWorkers[0]!.id;
}
