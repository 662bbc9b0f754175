import { codeText, isRecord, text } from '../numbers';

/** The `{code, msg, data}` envelope of OKX REST: a non-"0" code is an error even with HTTP 200. Any JSON value may sit in its fields. */
export function okxData(body: unknown): { ok: true; data: unknown } | { ok: false; detail: string } {
  if (!isRecord(body)) return { ok: false, detail: 'unexpected response' };
  if (body.code !== '0') return { ok: false, detail: `OKX error ${codeText(body.code) ?? 'without a code'}: ${text(body.msg) ?? ''}` };
  return { ok: true, data: body.data };
}
