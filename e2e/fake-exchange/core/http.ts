import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** By default public market data is answered to any origin; nobody here has seen the venues' live headers, so the cors fault can take them away. */
const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': '*',
  'Access-Control-Max-Age': '86400',
} as const;

const withoutCors = new WeakSet<ServerResponse>();

/** Sends this response without CORS headers, as a venue (or a block page in front of it) may: the browser then hides it from the page. */
export function withholdCors(response: ServerResponse): void {
  withoutCors.add(response);
}

function corsHeaders(response: ServerResponse): Record<string, string> {
  return withoutCors.has(response) ? {} : CORS_HEADERS;
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': 'application/json', ...corsHeaders(response), ...headers });
  response.end(text);
}

/** Answers a CORS preflight; returns true when the request was one. */
export function answerPreflight(request: IncomingMessage, response: ServerResponse): boolean {
  if (request.method !== 'OPTIONS') return false;
  response.writeHead(204, corsHeaders(response));
  response.end();
  return true;
}

export function requestUrl(request: IncomingMessage): URL {
  return new URL(request.url ?? '/', 'http://127.0.0.1');
}

/** Listens on loopback only: the fake exchange must never be reachable from another machine. */
export function listenLoopback(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => void;

export function createHttpServer(handler: RequestHandler): Server {
  return createServer((request, response) => {
    try {
      handler(request, response);
    } catch (error) {
      sendJson(response, 500, { error: String(error) });
    }
  });
}

/** Writes a bare HTTP status on an upgrade socket: how a server refuses a WebSocket handshake. */
export function refuseUpgrade(socket: NodeJS.WritableStream & { destroy(): void }, status: number, body = ''): void {
  const reason = STATUS_TEXT[status] ?? 'Error';
  socket.write(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
  socket.destroy();
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  418: "I'm a teapot",
  429: 'Too Many Requests',
  451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};
