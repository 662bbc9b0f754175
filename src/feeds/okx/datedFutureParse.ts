import { okxDatedFuture, type DatedFutureInstrument } from '../../domain/datedFuture';
import type { DatedFutureMarkEvent } from '../../domain/datedFutureEvents';
import type { ParseResult } from '../../domain/perpEvents';
import { isRecord, positive, text, timestamp } from '../numbers';
import { fromResponse } from './parse';

/** A FUTURES instrument record, `listed` only while its state is `live`. */
export interface OkxDatedFutureListing {
  instrument: DatedFutureInstrument;
  listed: boolean;
}

function each<E>(payload: unknown, parseItem: (item: Record<string, unknown>) => E | null): ParseResult<E> {
  const events: E[] = [];
  let rejected = Array.isArray(payload) ? 0 : 1;
  for (const item of Array.isArray(payload) ? payload : []) {
    const event = isRecord(item) ? parseItem(item) : null;
    if (event === null) rejected++;
    else events.push(event);
  }
  return { events, rejected };
}

/** FUTURES instrument records (`GET /api/v5/public/instruments?instType=FUTURES`'s data): the index is the record's `uly`. */
export function parseFuturesInstruments(payload: unknown): ParseResult<OkxDatedFutureListing> {
  return each(payload, (item) => {
    const symbol = text(item.instId);
    const instrument = symbol === null || item.instType !== 'FUTURES' ? null : okxDatedFuture(symbol);
    if (instrument === null) return null;
    return { instrument: { ...instrument, indexId: text(item.uly) ?? instrument.indexId }, listed: item.state === 'live' };
  });
}

/** `mark-price` pushes (or `GET /api/v5/public/mark-price?instType=FUTURES` data) of dated futures → marks without an index. */
export function parseFutureMarks(payload: unknown): ParseResult<DatedFutureMarkEvent> {
  return each(payload, (item): DatedFutureMarkEvent | null => {
    const symbol = text(item.instId);
    const instrument = symbol === null || (item.instType !== undefined && item.instType !== 'FUTURES') ? null : okxDatedFuture(symbol);
    const time = timestamp(item.ts);
    const mark = positive(item.markPx);
    if (instrument === null || time === null || mark === null) return null;
    return { kind: 'mark', ...instrument, time, mark, index: null };
  });
}

export const parseFuturesInstrumentsResponse = fromResponse(parseFuturesInstruments);
export const parseFutureMarksResponse = fromResponse(parseFutureMarks);
