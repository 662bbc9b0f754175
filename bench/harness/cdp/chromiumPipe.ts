import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';

type Params = Record<string, unknown>;
type EventHandler = (params: Params) => void;

interface Pending {
  method: string;
  resolve(result: Params): void;
  reject(error: Error): void;
}

/**
 * Headless Chromium driven over the DevTools protocol on `--remote-debugging-pipe` (fd 3 in, fd 4
 * out, NUL-terminated JSON), with no automation library in between. Playwright enables the
 * Network domain on every page and worker it attaches to, so each WebSocket frame the app receives
 * is copied into a DevTools event for the harness: a per-frame cost a user's browser never pays,
 * larger than the app's own work at ×10. Here only the domains a measurement needs are enabled.
 */
export class ChromiumPipe {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly handlers = new Map<string, Set<EventHandler>>();
  private buffered = '';
  private readonly exited: Promise<void>;

  private constructor(
    private readonly child: ChildProcess,
    private readonly input: Writable,
    output: Readable,
  ) {
    output.setEncoding('utf8');
    output.on('data', (chunk: string) => this.receive(chunk));
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    void this.exited.then(() => {
      for (const { method, reject } of this.pending.values()) reject(new Error(`Chromium exited during ${method}`));
      this.pending.clear();
    });
  }

  static launch(executable: string, args: readonly string[]): ChromiumPipe {
    const child = spawn(executable, [...args, '--remote-debugging-pipe'], { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
    // Never leave the browser running when the bench itself is stopped or fails.
    process.once('exit', () => child.kill('SIGKILL'));
    return new ChromiumPipe(child, child.stdio[3] as Writable, child.stdio[4] as Readable);
  }

  /** A DevTools command, to the browser (no session) or to an attached target's session. */
  send<Result = Params>(method: string, params: Params = {}, sessionId?: string): Promise<Result> {
    const id = this.nextId++;
    const message = JSON.stringify(sessionId ? { id, method, params, sessionId } : { id, method, params });
    return new Promise<Result>((resolve, reject) => {
      this.pending.set(id, { method, resolve: resolve as (result: Params) => void, reject });
      this.input.write(`${message}\0`);
    });
  }

  /** Listens to one event of one session (or of the browser when sessionId is undefined). */
  on(method: string, sessionId: string | undefined, handler: EventHandler): () => void {
    const key = `${sessionId ?? ''}|${method}`;
    const set = this.handlers.get(key) ?? new Set<EventHandler>();
    set.add(handler);
    this.handlers.set(key, set);
    return () => set.delete(handler);
  }

  async close(): Promise<void> {
    void this.send('Browser.close').catch(() => undefined);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await this.exited;
    clearTimeout(timer);
  }

  private receive(chunk: string): void {
    this.buffered += chunk;
    let end = this.buffered.indexOf('\0');
    while (end >= 0) {
      this.dispatch(JSON.parse(this.buffered.slice(0, end)) as Message);
      this.buffered = this.buffered.slice(end + 1);
      end = this.buffered.indexOf('\0');
    }
  }

  private dispatch(message: Message): void {
    if (message.id !== undefined) {
      const pending = this.pending.get(message.id);
      if (!pending) return;
      this.pending.delete(message.id);
      if (message.error) pending.reject(new Error(`${pending.method}: ${message.error.message}`));
      else pending.resolve(message.result ?? {});
      return;
    }
    if (!message.method) return;
    for (const handler of this.handlers.get(`${message.sessionId ?? ''}|${message.method}`) ?? []) handler(message.params ?? {});
  }
}

interface Message {
  id?: number;
  method?: string;
  params?: Params;
  result?: Params;
  error?: { message: string };
  sessionId?: string;
}
