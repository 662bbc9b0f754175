import type { CDPSession, Page } from '@playwright/test';

/**
 * Script that moves its realm's wall clock by `offsetMs`: `Date.now()`, `new Date()` and `Date()`.
 * Dates built from a value keep it, as on a computer whose clock is wrong.
 */
function shiftedDateSource(offsetMs: number): string {
  return `(() => {
    const RealDate = Date;
    const realNow = RealDate.now.bind(RealDate);
    const offset = ${offsetMs};
    class ShiftedDate extends RealDate {
      constructor(...args) {
        if (args.length === 0) super(realNow() + offset);
        else super(...args);
      }
      static now() {
        return realNow() + offset;
      }
    }
    globalThis.Date = new Proxy(ShiftedDate, { apply: () => new ShiftedDate().toString() });
  })();`;
}

interface AttachedTarget {
  sessionId: string;
  targetInfo: { type: string; url: string };
  waitingForDebugger: boolean;
}

/** Runs `expression` in an attached (non-flat) worker session and waits for its answer. */
function evaluateInTarget(cdp: CDPSession, sessionId: string, id: number, expression: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onMessage = (event: { sessionId: string; message: string }): void => {
      if (event.sessionId !== sessionId) return;
      const answer = JSON.parse(event.message) as { id?: number; error?: { message: string }; result?: { exceptionDetails?: { text: string } } };
      if (answer.id !== id) return;
      cdp.off('Target.receivedMessageFromTarget', onMessage);
      const failure = answer.error?.message ?? answer.result?.exceptionDetails?.text;
      if (failure) reject(new Error(`shifting a worker's clock: ${failure}`));
      else resolve();
    };
    cdp.on('Target.receivedMessageFromTarget', onMessage);
    void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.evaluate', params: { expression } }) });
  });
}

/**
 * Makes the page and every dedicated worker it starts run on a wall clock `offsetMs` off, as on a
 * computer whose clock is wrong. An init script reaches the page only, so workers are caught over
 * the DevTools protocol as they start (paused before their first line), shifted, then resumed.
 * Returns how many workers have been shifted so far.
 */
export async function shiftClock(page: Page, offsetMs: number): Promise<() => number> {
  const source = shiftedDateSource(offsetMs);
  await page.addInitScript(source);
  const cdp = await page.context().newCDPSession(page);
  let shifted = 0;
  let nextId = 1;
  cdp.on('Target.attachedToTarget', (event: AttachedTarget) => {
    if (event.targetInfo.type !== 'worker') return;
    const id = nextId++;
    void evaluateInTarget(cdp, event.sessionId, id, source).then(() => {
      shifted++;
      return cdp.send('Target.sendMessageToTarget', {
        sessionId: event.sessionId,
        message: JSON.stringify({ id: nextId++, method: 'Runtime.runIfWaitingForDebugger' }),
      });
    });
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });
  return () => shifted;
}
