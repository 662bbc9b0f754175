import WebSocket from 'ws';

/**
 * A test client socket that keeps every frame it receives, so tests can wait for the one they
 * expect (or assert that none arrived) without racing the server.
 */
export class TestSocket {
  readonly frames: string[] = [];
  readonly pings: number[] = [];
  closed: { code: number; reason: string } | null = null;
  private waiters: Array<() => void> = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.frames.push(data.toString());
      this.wake();
    });
    ws.on('ping', () => {
      this.pings.push(Date.now());
      this.wake();
    });
    ws.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() };
      this.wake();
    });
  }

  /** Opens a socket; `autoPong: false` lets a test play a client that never answers pings. */
  static open(url: string, options: { autoPong?: boolean } = {}): Promise<TestSocket> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { autoPong: options.autoPong ?? true });
      const socket = new TestSocket(ws);
      ws.once('open', () => resolve(socket));
      ws.once('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
      ws.once('error', reject);
    });
  }

  /** The HTTP status a refused upgrade answered with. */
  static refusal(url: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
      ws.once('open', () => {
        ws.close();
        reject(new Error('upgrade was accepted'));
      });
      ws.once('unexpected-response', (_request, response) => {
        resolve(response.statusCode ?? 0);
        ws.terminate();
      });
      ws.once('error', () => {});
    });
  }

  send(value: unknown): void {
    this.ws.send(typeof value === 'string' ? value : JSON.stringify(value));
  }

  /** Parsed JSON frames (frames that are not JSON, like OKX's "pong", are skipped). */
  json(): unknown[] {
    return this.frames.flatMap((frame) => {
      try {
        return [JSON.parse(frame) as unknown];
      } catch {
        return [];
      }
    });
  }

  /** Waits for a frame matching `match` (counting from frame `from`), returning it parsed. */
  async next<T = Record<string, unknown>>(match: (frame: T) => boolean, timeoutMs = 3000, from = 0): Promise<T> {
    let found: T | undefined;
    await this.until(() => {
      for (const frame of this.frames.slice(from)) {
        let parsed: T;
        try {
          parsed = JSON.parse(frame) as T;
        } catch {
          continue;
        }
        if (match(parsed)) {
          found = parsed;
          return true;
        }
      }
      return false;
    }, timeoutMs);
    return found!;
  }

  async nextText(text: string, timeoutMs = 3000): Promise<void> {
    await this.until(() => this.frames.includes(text), timeoutMs);
  }

  async waitClosed(timeoutMs = 3000): Promise<{ code: number; reason: string }> {
    await this.until(() => this.closed !== null, timeoutMs);
    return this.closed!;
  }

  async until(condition: () => boolean, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out after ${timeoutMs} ms; last frames: ${this.frames.slice(-3).join(' | ').slice(0, 500)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 50));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.ws.terminate();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function post(controlUrl: string, path: string, body?: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${controlUrl}${path}`, { method: 'POST', body });
  return (await response.json()) as Record<string, unknown>;
}

export async function getJson<T = unknown>(url: string): Promise<{ status: number; body: T; headers: Headers }> {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as T, headers: response.headers };
}
