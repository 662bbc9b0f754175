/**
 * Parses one client frame into a Binance live-subscription request, or the exact error the
 * exchange answers. Binance's parser is Rust/serde; the messages below are its documented ones.
 */

export type BinanceRequest =
  | { method: 'SUBSCRIBE' | 'UNSUBSCRIBE'; params: string[]; id: number }
  | { method: 'LIST_SUBSCRIPTIONS'; id: number }
  | { method: 'SET_PROPERTY'; property: string; value: unknown; id: number }
  | { method: 'GET_PROPERTY'; property: string; id: number };

export interface BinanceRequestError {
  code: number;
  msg: string;
  id: number | null;
}

const METHODS = ['SUBSCRIBE', 'UNSUBSCRIBE', 'LIST_SUBSCRIPTIONS', 'SET_PROPERTY', 'GET_PROPERTY'] as const;
const KNOWN_FIELDS = new Set(['method', 'params', 'id']);

export function parseRequest(text: string): BinanceRequest | BinanceRequestError {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    const { line, column } = errorPosition(text, error);
    return { code: 3, msg: `Invalid JSON: expected value at line ${line} column ${column}`, id: null };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return invalid(`invalid type: ${typeName(body)}, expected struct Request at line 1 column ${text.length}`, null);
  }
  const fields = body as Record<string, unknown>;
  const rawId = fields['id'];
  const id = typeof rawId === 'number' && Number.isInteger(rawId) && rawId >= 0 ? rawId : null;
  if (!('method' in fields)) return invalid(`missing field \`method\` at line 1 column ${text.length}`, id);
  const method = fields['method'];
  if (typeof method !== 'string' || !(METHODS as readonly string[]).includes(method)) {
    const shown = typeof method === 'string' ? `\`${method}\`` : typeName(method);
    return invalid(
      `unknown variant ${shown}, expected one of ${METHODS.map((name) => `\`${name}\``).join(', ')} at line 1 column ${columnAfter(text, 'method')}`,
      id,
    );
  }
  if (Object.keys(fields).some((key) => !KNOWN_FIELDS.has(key))) return invalid('too many parameters', id);
  if (id === null) return invalid('request ID must be an unsigned integer', null);
  const params = fields['params'];
  switch (method) {
    case 'LIST_SUBSCRIPTIONS':
      return { method, id };
    case 'SUBSCRIBE':
    case 'UNSUBSCRIBE': {
      if (!Array.isArray(params)) return invalid(`invalid type: ${typeName(params)}, expected a sequence`, id);
      const notString = params.find((param) => typeof param !== 'string');
      if (notString !== undefined) return invalid(`invalid type: ${typeName(notString)}, expected a string`, id);
      return { method, params: params as string[], id };
    }
    case 'SET_PROPERTY':
    case 'GET_PROPERTY': {
      const property = Array.isArray(params) ? params[0] : undefined;
      if (typeof property !== 'string') return invalid('property name must be a string', id);
      if (property !== 'combined') return { code: 0, msg: 'Unknown property', id };
      if (method === 'GET_PROPERTY') return { method, property, id };
      const value = (params as unknown[])[1];
      if (typeof value !== 'boolean') return { code: 1, msg: 'Invalid value type: expected Boolean', id };
      return { method, property, value, id };
    }
  }
  throw new Error('unreachable');
}

export function isRequestError(parsed: BinanceRequest | BinanceRequestError): parsed is BinanceRequestError {
  return 'code' in parsed;
}

function invalid(detail: string, id: number | null): BinanceRequestError {
  return { code: 2, msg: `Invalid request: ${detail}`, id };
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'sequence';
  if (typeof value === 'number') return Number.isInteger(value) ? `integer \`${value}\`` : `floating point \`${value}\``;
  if (typeof value === 'string') return `string ${JSON.stringify(value)}`;
  if (typeof value === 'boolean') return `boolean \`${value}\``;
  if (value === undefined) return 'unit value';
  return 'map';
}

/** Column just after the value of a field, the way serde reports where it stopped. */
function columnAfter(text: string, field: string): number {
  const match = new RegExp(`"${field}"\\s*:\\s*("[^"]*"|[^,}]*)`).exec(text);
  return match ? match.index + match[0].length : text.length;
}

/** Line and column of a JSON.parse failure (V8 reports "at position N"). */
function errorPosition(text: string, error: unknown): { line: number; column: number } {
  const match = /position (\d+)/.exec(String(error));
  const offset = match ? Number(match[1]) : text.length;
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
