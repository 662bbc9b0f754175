import { codeText, isRecord } from '../numbers';

/** What a Binance stream-request error says, whichever of its two shapes it came in. */
export interface BinanceRequestError {
  /** The venue's code as text ("2"); null when the frame carries none we can read. */
  code: string | null;
  message: string;
}

/**
 * The error of a request answer, or null when the frame is no error. The live host nests it,
 * `{"error":{"code":2,"msg":"Invalid request: …"},"id":3}`, and past 1,024 streams sends
 * `{"error":{"code":4,"msg":"Too many subscriptions"}}` with no id; the docs' table shows it flat,
 * `{"code":2,"msg":"…","id":3}`. Any JSON value may sit in these fields: none of them throws.
 */
export function readRequestError(frame: Record<string, unknown>): BinanceRequestError | null {
  if ('error' in frame) {
    const error = frame.error;
    if (isRecord(error)) return { code: codeText(error.code), message: messageText(error.msg) };
    return { code: null, message: typeof error === 'string' && error !== '' ? error : 'error' };
  }
  if ('code' in frame) return { code: codeText(frame.code), message: messageText(frame.msg) };
  return null;
}

function messageText(message: unknown): string {
  return typeof message === 'string' && message !== '' ? message : 'error';
}
