import type { OkxArg } from './connection.ts';

/**
 * Parses one client frame into an OKX operation, or the error OKX answers. The text `ping` is
 * handled before this (it is not JSON).
 */
export type OkxRequest = { op: 'subscribe' | 'unsubscribe'; args: OkxArg[]; id?: string };

export interface OkxRequestError {
  code: string;
  msg: string;
  id?: string;
}

const ID_PATTERN = /^[A-Za-z0-9]{1,32}$/;

export function parseOkxRequest(raw: string): OkxRequest | OkxRequestError {
  const invalid = (id?: string): OkxRequestError => ({ code: '60012', msg: `Invalid request: ${raw}`, ...(id ? { id } : {}) });
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return invalid();
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return invalid();
  const { op, args, id } = body as Record<string, unknown>;
  if (id !== undefined && (typeof id !== 'string' || !ID_PATTERN.test(id))) return invalid();
  const echoId = typeof id === 'string' ? id : undefined;
  if (typeof op !== 'string') return invalid(echoId);
  if (op !== 'subscribe' && op !== 'unsubscribe') {
    // login is an operation too, but only private/business users need it; public data never does.
    return { code: '60019', msg: `Invalid op: ${op}`, ...(echoId ? { id: echoId } : {}) };
  }
  if (!Array.isArray(args) || args.length === 0) return invalid(echoId);
  if (!args.every(isArg)) return { code: '60013', msg: 'Invalid args', ...(echoId ? { id: echoId } : {}) };
  return { op, args, ...(echoId ? { id: echoId } : {}) };
}

export function isOkxRequestError(parsed: OkxRequest | OkxRequestError): parsed is OkxRequestError {
  return 'code' in parsed;
}

function isArg(value: unknown): value is OkxArg {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const fields = Object.values(value as Record<string, unknown>);
  return typeof (value as Record<string, unknown>)['channel'] === 'string' && fields.every((field) => typeof field === 'string');
}
