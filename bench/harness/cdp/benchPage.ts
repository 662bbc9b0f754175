import type { ChromiumPipe } from './chromiumPipe.ts';

type Params = Record<string, unknown>;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface EvaluateResult {
  result: { value?: unknown };
  exceptionDetails?: { text: string; exception?: { description?: string } };
}

/**
 * One page in its own browser context, attached over the DevTools protocol with only Page,
 * Performance and (while profiling) Profiler enabled. Dedicated workers are auto-attached without
 * enabling anything in them, so a worker can be profiled without paying per-message instrumentation.
 */
export class BenchPage {
  private readonly workers = new Map<string, { url: string; title: string }>();
  private mouse = { x: 0, y: 0 };

  private constructor(
    private readonly pipe: ChromiumPipe,
    private readonly browserContextId: string,
    readonly sessionId: string,
  ) {
    pipe.on('Target.attachedToTarget', sessionId, (params) => {
      const info = params.targetInfo as { type: string; url: string; title: string };
      if (info.type === 'worker') this.workers.set(params.sessionId as string, { url: info.url, title: info.title });
    });
    pipe.on('Target.detachedFromTarget', sessionId, (params) => this.workers.delete(params.sessionId as string));
  }

  static async open(pipe: ChromiumPipe, viewport: { width: number; height: number }): Promise<BenchPage> {
    const { browserContextId } = await pipe.send<{ browserContextId: string }>('Target.createBrowserContext', { disposeOnDetach: true });
    const { targetId } = await pipe.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank', browserContextId, ...viewport });
    const { sessionId } = await pipe.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
    const page = new BenchPage(pipe, browserContextId, sessionId);
    await page.send('Page.enable');
    await page.send('Emulation.setDeviceMetricsOverride', { ...viewport, deviceScaleFactor: 1, mobile: false });
    await page.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: true });
    return page;
  }

  send<Result = Params>(method: string, params: Params = {}): Promise<Result> {
    return this.pipe.send<Result>(method, params, this.sessionId);
  }

  /** Sessions of the page's dedicated workers whose script URL contains `urlPart`. */
  workerSessions(urlPart: string): { sessionId: string; title: string }[] {
    return [...this.workers].filter(([, { url }]) => url.includes(urlPart)).map(([sessionId, { title }]) => ({ sessionId, title }));
  }

  sendToSession<Result = Params>(sessionId: string, method: string, params: Params = {}): Promise<Result> {
    return this.pipe.send<Result>(method, params, sessionId);
  }

  async addInitScript(source: string): Promise<void> {
    await this.send('Page.addScriptToEvaluateOnNewDocument', { source });
  }

  async goto(url: string): Promise<void> {
    const loaded = new Promise<void>((resolve) => {
      const off = this.pipe.on('Page.loadEventFired', this.sessionId, () => {
        off();
        resolve();
      });
    });
    const { errorText } = await this.send<{ errorText?: string }>('Page.navigate', { url });
    if (errorText) throw new Error(`navigating to ${url}: ${errorText}`);
    await loaded;
  }

  /** Runs `fn(arg)` in the page (its source, so it must not close over anything) and returns the result by value. */
  async evaluate<Result, Arg = undefined>(fn: (arg: Arg) => Result | Promise<Result>, arg?: Arg): Promise<Result> {
    // tsx compiles the harness with keepNames: inner functions call a `__name` helper the page lacks.
    const expression = `(() => { const __name = (target) => target; return (${fn.toString()})(${arg === undefined ? '' : JSON.stringify(arg)}); })()`;
    const { result, exceptionDetails } = await this.send<EvaluateResult>('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
    if (exceptionDetails) throw new Error(`in the page: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value as Result;
  }

  /** Polls `fn(arg)` until it returns a truthy value, and returns that value. */
  async waitForFunction<Result, Arg = undefined>(fn: (arg: Arg) => Result, arg: Arg, options: { timeoutMs: number; pollMs: number }): Promise<NonNullable<Result>> {
    const deadline = Date.now() + options.timeoutMs;
    for (;;) {
      const value = await this.evaluate(fn, arg);
      if (value) return value as NonNullable<Result>;
      if (Date.now() > deadline) throw new Error(`timed out after ${options.timeoutMs} ms waiting for ${fn.toString().slice(0, 120)}`);
      await new Promise((resolve) => setTimeout(resolve, options.pollMs));
    }
  }

  async waitForSelector(selector: string, timeoutMs = 180_000): Promise<void> {
    await this.waitForFunction((css) => document.querySelector(css) !== null, selector, { timeoutMs, pollMs: 100 });
  }

  boundingBox(selector: string): Promise<Box | null> {
    return this.evaluate((css) => {
      const rect = document.querySelector(css)?.getBoundingClientRect();
      return rect ? { x: rect.x, y: rect.y, width: rect.width, height: rect.height } : null;
    }, selector);
  }

  async mouseMove(x: number, y: number): Promise<void> {
    this.mouse = { x, y };
    await this.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y });
  }

  async wheel(deltaX: number, deltaY: number): Promise<void> {
    await this.send('Input.dispatchMouseEvent', { type: 'mouseWheel', ...this.mouse, deltaX, deltaY });
  }

  /** Focuses the element and types `text` into it as one input, as a paste does. */
  async insertText(selector: string, text: string): Promise<void> {
    const found = await this.evaluate((css) => {
      const element = document.querySelector<HTMLElement>(css);
      element?.focus();
      return element !== null;
    }, selector);
    if (!found) throw new Error(`nothing matches "${selector}"`);
    await this.send('Input.insertText', { text });
  }

  /** A real mouse click in the middle of the button whose text, without its aria-hidden parts, is exactly `name`. */
  async clickButton(name: string): Promise<void> {
    const center = await this.evaluate((label) => {
      const visibleName = (element: Element) => {
        const copy = element.cloneNode(true) as Element;
        for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
        return copy.textContent?.trim();
      };
      const button = [...document.querySelectorAll('button')].find((candidate) => visibleName(candidate) === label);
      if (!button) return null;
      button.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      const rect = button.getBoundingClientRect();
      return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
    }, name);
    if (!center) throw new Error(`no button named "${name}"`);
    await this.mouseMove(center.x, center.y);
    for (const type of ['mousePressed', 'mouseReleased']) {
      await this.send('Input.dispatchMouseEvent', { type, ...center, button: 'left', buttons: type === 'mousePressed' ? 1 : 0, clickCount: 1 });
    }
  }

  async close(): Promise<void> {
    await this.pipe.send('Target.disposeBrowserContext', { browserContextId: this.browserContextId });
  }
}
