/** What the connection layer needs from a socket; both the browser WebSocket and `ws` fit via a factory. */
export interface SocketLike {
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export interface SocketHandlers {
  open(): void;
  message(data: unknown): void;
  close(code: number, reason: string): void;
  error(): void;
}

export type SocketFactory = (url: string, handlers: SocketHandlers) => SocketLike;

/** Any constructor shaped like the WHATWG WebSocket (the browser's, or `ws` in Node). */
interface WebSocketLikeConstructor {
  new (url: string): {
    onopen: unknown;
    onmessage: unknown;
    onclose: unknown;
    onerror: unknown;
    send(data: string): void;
    close(code?: number, reason?: string): void;
  };
}

export function webSocketFactory(WebSocketImpl: WebSocketLikeConstructor): SocketFactory {
  return (url, handlers) => {
    const socket = new WebSocketImpl(url);
    socket.onopen = () => handlers.open();
    socket.onmessage = (event: { data: unknown }) => handlers.message(event.data);
    socket.onclose = (event: { code: number; reason: string }) => handlers.close(event.code, event.reason);
    socket.onerror = () => handlers.error();
    return socket;
  };
}
