import type { ParseResult } from '../../domain/perpEvents';
import { codeText, isRecord, text } from '../numbers';

/** The `{code, msg, data}` envelope of OKX REST: a non-"0" code is an error even with HTTP 200. Any JSON value may sit in its fields. */
export function okxData(body: unknown): { ok: true; data: unknown } | { ok: false; detail: string } {
  if (!isRecord(body)) return { ok: false, detail: 'unexpected response' };
  if (body.code !== '0') return { ok: false, detail: `OKX error ${codeText(body.code) ?? 'without a code'}: ${text(body.msg) ?? ''}` };
  return { ok: true, data: body.data };
}

/** Runs `parseItem` over a push's `data` array, counting the items it refuses (all of it when it is no array). */
export function eachItem<E>(payload: unknown, parseItem: (item: Record<string, unknown>) => E | null): ParseResult<E> {
  const events: E[] = [];
  let rejected = Array.isArray(payload) ? 0 : 1;
  for (const item of Array.isArray(payload) ? payload : []) {
    const event = isRecord(item) ? parseItem(item) : null;
    if (event === null) rejected++;
    else events.push(event);
  }
  return { events, rejected };
}
