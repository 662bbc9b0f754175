import type { ExchangeId } from '../domain/exchange';
import type { PerpEvent, PerpFundingTermsEvent, PerpIndexEvent, PerpInstrumentEvent, PerpListCompleteEvent } from '../domain/perpEvents';
import { perpKey, type PerpRow } from '../domain/perp';
import { createPerpRegistry, emptyRow, listCovers, applyEvents, resolveCaps, resolveInterval, withDerived, type NewestEvents } from './perpRows';
import type { RowTable } from './rowTable';
import { IngestTally, pendingOf, type Ingest } from './batching';

type ListEvent = PerpInstrumentEvent | PerpListCompleteEvent | PerpFundingTermsEvent;
/** What a relisting may change: the row is rewritten when one of these differs. */
const LISTING_FIELDS = ['base', 'quoteAsset', 'indexId', 'market', 'margin'] as const;

export interface PerpIngestOptions {
  /** Where the rows are written: the worker's tick takes the changes from it. */
  rows: RowTable<PerpRow>;
  /** Asks for the flush to run later, once however often it is asked: at its worker's next tick (TICK_MS). */
  schedule: (flush: () => void) => void;
  /** Streams-first: what a symbol alone says about its instrument, for rows whose list has not arrived. */
  instrumentFromSymbol: Record<ExchangeId, (symbol: string) => PerpInstrumentEvent | null>;
}

export type PerpIngest = Ingest<PerpEvent>;

/** Events buffered and coalesced to the newest of each kind per row, then applied in one flush per tick. */
export function createPerpIngest(options: PerpIngestOptions): PerpIngest {
  const { rows } = options;
  const registry = createPerpRegistry();
  let lists: ListEvent[] = [];
  let pending = new Map<string, NewestEvents>();
  let indexes = new Map<string, PerpIndexEvent>();
  const schedule = (): void => options.schedule(flush);
  const tally = new IngestTally(schedule);
  const newestFor = (exchange: ExchangeId, symbol: string): NewestEvents => pendingOf(pending, perpKey(exchange, symbol));

  function push(events: readonly PerpEvent[], streamedAt?: number): void {
    for (const event of events) {
      switch (event.kind) {
        case 'instrument':
        case 'list-complete':
        case 'funding-terms':
          lists.push(event);
          break;
        case 'mark':
        case 'funding':
        case 'ticker':
        case 'book-top':
        case 'open-interest': {
          const newest = newestFor(event.exchange, event.symbol);
          const byKind = newest as Record<typeof event.kind, typeof event | undefined>;
          const previous = byKind[event.kind];
          if (previous) tally.coalesced++;
          if (!previous || event.time >= previous.time) byKind[event.kind] = event;
          if (streamedAt !== undefined) newest.streamedAt = Math.max(newest.streamedAt ?? 0, streamedAt);
          break;
        }
        case 'index': {
          const key = `${event.exchange}:${event.indexId}`;
          const previous = indexes.get(key);
          if (previous) tally.coalesced++;
          if (!previous || event.time >= previous.time) indexes.set(key, event);
          break;
        }
      }
    }
    if (events.length > 0) schedule();
  }

  function flush(): void {
    let applied = 0;
    const write = (row: PerpRow): void => {
      rows.set(row);
      applied++;
    };
    const indexKeyOf = (exchange: ExchangeId, indexId: string): string => `${exchange}:${indexId}`;
    const trackIndex = (instrument: PerpInstrumentEvent): void => {
      const key = perpKey(instrument.exchange, instrument.symbol);
      if (instrument.indexId === null) return;
      const indexKey = indexKeyOf(instrument.exchange, instrument.indexId);
      let keys = registry.byIndex.get(indexKey);
      if (!keys) registry.byIndex.set(indexKey, (keys = new Set()));
      keys.add(key);
    };
    const newRow = (instrument: PerpInstrumentEvent): PerpRow => {
      const { exchange, symbol, base, quoteAsset, coin, market, margin } = instrument;
      const row = emptyRow({ exchange, symbol, base, quoteAsset, coin, market, margin }, instrument.indexId);
      Object.assign(row, resolveInterval(registry, row, null), resolveCaps(registry, row, null));
      const index = instrument.indexId === null ? undefined : registry.latestIndex.get(indexKeyOf(instrument.exchange, instrument.indexId));
      if (index) {
        row.index = index.index;
        row.indexTime = index.time;
      }
      return withDerived(row);
    };

    for (const event of lists) {
      if (event.kind === 'instrument') {
        const key = perpKey(event.exchange, event.symbol);
        if (!event.listed) {
          registry.instruments.delete(key);
          rows.delete(key);
          continue;
        }
        registry.instruments.set(key, event);
        trackIndex(event);
        const existing = rows.get(key);
        if (!existing) write(newRow(event));
        else if (LISTING_FIELDS.some((field) => existing[field] !== event[field])) {
          const { base, quoteAsset, coin, market, margin, indexId } = event;
          write(withDerived({ ...existing, base, quoteAsset, coin, market, margin, indexId }));
        }
      } else if (event.kind === 'list-complete') {
        registry.listKnown[event.exchange] = event.margin ?? 'all';
        for (const row of [...rows.values()]) {
          const unlisted = row.exchange === event.exchange && !registry.instruments.has(row.key);
          if (unlisted && listCovers(registry, row.exchange, row.margin)) rows.delete(row.key);
        }
      } else {
        registry.fundingTerms[event.exchange] = { table: event.terms, defaultHours: event.defaultHours };
        for (const row of [...rows.values()]) {
          if (row.exchange !== event.exchange) continue;
          const terms = { ...resolveInterval(registry, row, null), ...resolveCaps(registry, row, null) };
          const moved =
            terms.intervalHours !== row.intervalHours ||
            terms.intervalAssumed !== row.intervalAssumed ||
            terms.fundingCap !== row.fundingCap ||
            terms.fundingFloor !== row.fundingFloor;
          if (moved) write(withDerived({ ...row, ...terms }));
        }
      }
    }

    const waiting = new Map<string, NewestEvents>();
    for (const [key, newest] of pending) {
      let row = rows.get(key);
      if (!row) {
        // Polls of every contract a venue lists name some that are not rows (not trading, dated): a
        // book top or open interest only refines a row that exists, and is no sign of bad data.
        if (!newest.mark && !newest.funding && !newest.ticker) continue;
        const exchange = key.slice(0, key.indexOf(':')) as ExchangeId;
        const symbol = key.slice(exchange.length + 1);
        // A symbol the list covers but does not hold is not a trading perpetual; one it does not
        // cover is known from its symbol alone.
        const fromSymbol = options.instrumentFromSymbol[exchange](symbol);
        const instrument = fromSymbol && !listCovers(registry, exchange, fromSymbol.margin) ? fromSymbol : null;
        // For a row known from its symbol, only a mark or funding event proves a perpetual (the parsers
        // skip dated contracts there); a ticker alone waits for its mark.
        if (instrument && !newest.mark && !newest.funding) {
          waiting.set(key, newest);
          continue;
        }
        if (!instrument) {
          tally.rejected[exchange]++;
          continue;
        }
        trackIndex(instrument);
        row = newRow(instrument);
      }
      const updated = applyEvents(registry, row, newest);
      if (updated) write(updated);
    }

    for (const [indexKey, event] of indexes) {
      registry.latestIndex.set(indexKey, event);
      for (const key of registry.byIndex.get(indexKey) ?? []) {
        const row = rows.get(key);
        // A poll repeats an index that has not moved (same time and price): nothing to write. Polled, it leaves streamedAt.
        if (!row || event.time < row.indexTime || (event.time === row.indexTime && event.index === row.index)) continue;
        write(withDerived({ ...row, index: event.index, indexTime: event.time }));
      }
    }

    lists = [];
    pending = waiting;
    indexes = new Map();
    tally.publish(applied);
  }

  return {
    push,
    counters: tally.counters,
    reject: tally.reject,
    countCoalesced: tally.countCoalesced,
    flushNow: flush,
  };
}
