import type { Inbound } from '../connection/wireProtocol';

export type DecodedFrame =
  | { ok: true; frame: Record<string, unknown> }
  | { ok: false; inbound: Extract<Inbound, { kind: 'malformed' | 'unknown' }> };

/** Decodes one text frame into a JSON object, or says why it is not one. Shared by both exchanges' protocols. */
export function decodeObjectFrame(raw: string): DecodedFrame {
  let message: unknown;
  try {
    message = JSON.parse(raw);
  } catch {
    return { ok: false, inbound: { kind: 'malformed', reason: `not JSON: ${raw.slice(0, 80)}` } };
  }
  if (typeof message !== 'object' || message === null || Array.isArray(message)) {
    return { ok: false, inbound: { kind: 'unknown', reason: 'frame is not an object' } };
  }
  return { ok: true, frame: message as Record<string, unknown> };
}
