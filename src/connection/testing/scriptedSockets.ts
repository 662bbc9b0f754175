import type { SocketFactory, SocketHandlers, SocketLike } from '../socketFactory';

/** A socket the test plays the server for: it sees what the client sent and decides what comes back. */
export class ScriptedSocket implements SocketLike {
  readonly sent: string[] = [];
  closedByClient: { code?: number; reason?: string } | null = null;

  constructor(
    readonly url: string,
    private readonly handlers: SocketHandlers,
  ) {}

  send(data: string): void {
    this.sent.push(data);
  }

  close(code?: number, reason?: string): void {
    this.closedByClient = { code, reason };
  }

  open(): void {
    this.handlers.open();
  }

  receive(data: unknown): void {
    this.handlers.message(typeof data === 'string' ? data : JSON.stringify(data));
  }

  drop(code = 1006, reason = ''): void {
    this.handlers.error();
    this.handlers.close(code, reason);
  }

  /** The handshake fails: the browser reports an error then a 1006 close without ever opening. */
  refuse(): void {
    this.drop(1006);
  }

  sentJson(): Array<Record<string, unknown>> {
    return this.sent.filter((text) => text.startsWith('{')).map((text) => JSON.parse(text) as Record<string, unknown>);
  }
}

export class ScriptedServer {
  readonly sockets: ScriptedSocket[] = [];

  readonly factory: SocketFactory = (url, handlers) => {
    const socket = new ScriptedSocket(url, handlers);
    this.sockets.push(socket);
    return socket;
  };

  last(): ScriptedSocket {
    const socket = this.sockets.at(-1);
    if (!socket) throw new Error('no socket was opened');
    return socket;
  }
}
