import { okxDatedFuture, type DatedFutureInstrument } from '../../domain/datedFuture';
import type { DatedFutureMarkEvent } from '../../domain/datedFutureEvents';
import type { ParseResult } from '../../domain/perpEvents';
import { positive, text, timestamp } from '../numbers';
import { eachItem } from './envelope';
import { fromResponse } from './parse';

/** A FUTURES instrument record, `listed` only while its state is `live`. */
export interface OkxDatedFutureListing {
  instrument: DatedFutureInstrument;
  listed: boolean;
}

/** FUTURES instrument records (`GET /api/v5/public/instruments?instType=FUTURES`'s data): the index is the record's `uly`. */
export function parseFuturesInstruments(payload: unknown): ParseResult<OkxDatedFutureListing> {
  return eachItem(payload, (item) => {
    const symbol = text(item.instId);
    const instrument = symbol === null || item.instType !== 'FUTURES' ? null : okxDatedFuture(symbol);
    if (instrument === null) return null;
    return { instrument: { ...instrument, indexId: text(item.uly) ?? instrument.indexId }, listed: item.state === 'live' };
  });
}

/** `mark-price` pushes (or `GET /api/v5/public/mark-price?instType=FUTURES` data) of dated futures → marks without an index. */
export function parseFutureMarks(payload: unknown): ParseResult<DatedFutureMarkEvent> {
  return eachItem(payload, (item): DatedFutureMarkEvent | null => {
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
