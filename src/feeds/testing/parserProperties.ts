import fc from 'fast-check';
import { it } from 'vitest';
import type { ParseResult } from '../../domain/perpEvents';
import { arbitraryLike, MAX_DATE_MS, mutatedFrom, propertyParameters } from './jsonMutations';

/** Fields that hold a time (ms): `time`, `nextFundingTime`, `lastSettlementTime`, `expiry`. */
const TIME_FIELD = /(^t|T)ime$|^expiry$/;
/** Fields that name what an event is about. */
const NAME_FIELDS = new Set(['symbol', 'indexId', 'underlying', 'base']);

/** Checks run tens of thousands of times: plain conditions, an error only on failure (vitest's expect is slower). */
function demand(condition: boolean, message: () => string): void {
  if (!condition) throw new Error(message());
}

/** What every accepted event (or instrument, or settlement) must be: finite numbers, real positive dates, named. */
export function expectSane(accepted: object): void {
  for (const [key, value] of Object.entries(accepted)) {
    if (typeof value === 'number') {
      demand(Number.isFinite(value), () => `${key} = ${value} is not finite`);
      if (TIME_FIELD.test(key)) demand(value > 0 && value <= MAX_DATE_MS, () => `${key} = ${value} is no real date`);
    }
    // An index id is null where the venue publishes none (Binance); any other name is always there.
    if (NAME_FIELDS.has(key) && !(key === 'indexId' && value === null)) demand(typeof value === 'string' && value !== '', () => `${key} is empty`);
  }
}

/** A parser under test, by name, with its recorded payloads. */
export interface ItemParserCase {
  name: string;
  parse: (payload: unknown) => ParseResult<object> | null;
  samples: readonly unknown[];
  /** Events one accepted item becomes, when more than one. */
  eventsPerItem?: number;
}

export interface ItemParserSpec<Event> {
  parse: (payload: unknown) => ParseResult<Event> | null;
  /** Recorded payloads (the parser's input, not the whole frame). */
  samples: readonly unknown[];
  /** The items a payload carries, each of which must become events, a rejection or a documented skip. */
  itemsOf: (payload: unknown) => readonly unknown[] | null;
  /** Events one accepted item becomes (Binance's option marks: greeks, mark and book). */
  eventsPerItem?: number;
  /** Items the parser skips by a documented rule (a delivery contract among perpetuals), counted as neither. */
  skips?: (item: unknown) => boolean;
}

function check<Event>(spec: ItemParserSpec<Event>, payload: unknown): void {
  const result = spec.parse(payload);
  const items = spec.itemsOf(payload);
  if (result === null) {
    // Refused whole: the caller reports the source as failed ("unexpected response").
    demand(items === null, () => 'a payload with items was refused whole');
    return;
  }
  for (const event of result.events) expectSane(event as object);
  demand(items !== null, () => 'a payload without items was read');
  const skipped = items!.filter((item) => spec.skips?.(item) ?? false).length;
  const accountedFor = result.events.length / (spec.eventsPerItem ?? 1) + result.rejected + skipped;
  demand(accountedFor === items!.length, () => `${items!.length} items, but ${accountedFor} accepted, rejected or skipped`);
}

/** The two properties every item parser keeps, each over PROPERTY_RUNS inputs: never throws, and counts what it refuses. */
export function itemParserProperties<Event>(spec: ItemParserSpec<Event>): void {
  it('keeps its rules on mutated recorded payloads', () => {
    fc.assert(fc.property(mutatedFrom(spec.samples), (payload) => check(spec, payload)), propertyParameters);
  });
  it('keeps its rules on arbitrary JSON and arbitrary field values', () => {
    fc.assert(fc.property(arbitraryLike(spec.samples), (payload) => check(spec, payload)), propertyParameters);
  });
}

/** Items of a stream payload that is an array or a single item (Binance). */
export const itemsOrSelf = (payload: unknown): readonly unknown[] => (Array.isArray(payload) ? payload : [payload]);
