import { EXCHANGES, type ExchangeId } from '../domain/exchange';
import type { PerpEvent, PerpIndexEvent, PerpInstrumentEvent, PerpIntervalsEvent, PerpListCompleteEvent } from '../domain/perpEvents';
import { copyQuote, perpKey, type PerpQuote } from '../domain/perp';
import { createPerpRegistry, emptyQuote, listCovers, patchQuote, resolveInterval, withDerived, type RowPatch } from './perpRows';
import { countersAfterFlush, emptyCounters, type IngestCounters } from '../domain/ingestCounters';
import type { RowTable } from './rowTable';
import { countedWatch, flushOncePerTick } from './batching';
import { HeldPatches } from './heldPatches';
import { KeyCache } from './keyCache';

type ListEvent = PerpInstrumentEvent | PerpListCompleteEvent | PerpIntervalsEvent;

export interface PerpIngestOptions {
  /** Where the rows are written: the worker's tick takes the changes from it. */
  rows: RowTable<PerpQuote>;
  /** Runs the flush later: on its ingest worker's next tick (TICK_MS), immediately or on fake timers in tests. */
  schedule: (flush: () => void) => void;
  now: () => number;
  /** Streams-first: what a symbol alone says about its instrument, for rows whose list has not arrived. */
  instrumentFromSymbol: Record<ExchangeId, (symbol: string) => PerpInstrumentEvent | null>;
}

export interface PerpIngest {
  push(events: readonly PerpEvent[]): void;
  /**
   * A view shows these perpetuals of the exchange, or `'all'` of them (the screener): they are
   * applied at every flush. While views show some of an exchange's perpetuals and none shows them
   * all (a chart, an options chain: none), its other rows are applied at most once every
   * HELD_FLUSH_MS (HeldPatches). New rows are written at once.
   */
  watchRows(exchange: ExchangeId, symbols: readonly string[] | 'all'): () => void;
  /** The counters as of the last flush: a new object after each flush that moved them. */
  counters(): IngestCounters;
  reject(exchange: ExchangeId, count: number): void;
  /**
   * Whether snapshot pushes of rows that wait may stay unread at a read at `now`: some rows wait
   * and the held patches do not fall due then. A row that waits applies its events only when its
   * held patch falls due, so reading its pushes every tick would decode and merge values of which
   * only the last is ever applied. Which pushes are a row's, the feeds say (rowCanWait, everyRowCanWait).
   */
  pushesMayWait(now: number): boolean;
  /** Whether this perpetual's row waits (see watchRows); false when there is no such row yet. */
  rowCanWait(exchange: ExchangeId, symbol: string): boolean;
  /** Whether every row of the exchange waits: views show some of its perpetuals, and none of them. */
  everyRowCanWait(exchange: ExchangeId): boolean;
  /** Counts updates coalesced before they reached the ingest: a socket's superseded snapshot pushes. */
  countCoalesced(count: number): void;
  flushNow(): void;
}

/**
 * The hot path between feeds and the store. Events are buffered and coalesced (only the newest
 * event of each kind per row survives), then applied to the rows in one flush: however fast the
 * sockets push, a row changes at most once per tick of `schedule`.
 */
export function createPerpIngest(options: PerpIngestOptions): PerpIngest {
  const { rows } = options;
  let counters = emptyCounters();
  const registry = createPerpRegistry();
  let lists: ListEvent[] = [];
  let patches = new Map<string, RowPatch>();
  /** Patches of rows no view shows, applied once a second. */
  const held = new HeldPatches<RowPatch>();
  /** Per exchange: how many views say which of its rows they show, how many show them all, and the rows shown with their views' count. */
  const watches: Record<ExchangeId, { views: number; all: number; shown: Map<string, number> }> = {
    binance: { views: 0, all: 0, shown: new Map() },
    okx: { views: 0, all: 0, shown: new Map() },
  };
  let indexes = new Map<string, PerpIndexEvent>();
  let coalesced = 0;
  const rejected: Record<ExchangeId, number> = { binance: 0, okx: 0 };
  const schedule = flushOncePerTick(options.schedule, flush);
  /** One key string per row (KeyCache says why). */
  const keys = new KeyCache(perpKey);
  const patchFor = (exchange: ExchangeId, symbol: string): RowPatch => held.patchFor(patches, keys.of(exchange, symbol));
  /** Whether some of the exchange's rows can wait: views say which of its rows they show, and none shows all. */
  const rowsMayWait = (exchange: ExchangeId): boolean => watches[exchange].views > 0 && watches[exchange].all === 0;
  /** Whether a row can wait: its exchange's rows may, and no view shows this one. */
  const canWait = (row: PerpQuote): boolean => rowsMayWait(row.exchange) && !watches[row.exchange].shown.has(row.key);
  const watch = (exchange: ExchangeId, symbols: readonly string[] | 'all', delta: 1 | -1): void => {
    const counts = watches[exchange];
    counts.views += delta;
    if (symbols === 'all') counts.all += delta;
    else {
      for (const key of new Set(symbols.map((symbol) => perpKey(exchange, symbol)))) {
        const count = (counts.shown.get(key) ?? 0) + delta;
        if (count > 0) counts.shown.set(key, count);
        else counts.shown.delete(key);
      }
    }
    held.makeDue();
    schedule();
  };

  function push(events: readonly PerpEvent[]): void {
    for (const event of events) {
      switch (event.kind) {
        case 'instrument':
        case 'list-complete':
        case 'intervals':
          lists.push(event);
          break;
        case 'mark': {
          const patch = patchFor(event.exchange, event.symbol);
          if (patch.mark) coalesced++;
          if (!patch.mark || event.time >= patch.mark.time) patch.mark = event;
          break;
        }
        case 'funding': {
          const patch = patchFor(event.exchange, event.symbol);
          if (patch.funding) coalesced++;
          if (!patch.funding || event.time >= patch.funding.time) patch.funding = event;
          break;
        }
        case 'ticker': {
          const patch = patchFor(event.exchange, event.symbol);
          if (patch.ticker) coalesced++;
          if (!patch.ticker || event.time >= patch.ticker.time) patch.ticker = event;
          break;
        }
        case 'index': {
          const key = `${event.exchange}:${event.indexId}`;
          const previous = indexes.get(key);
          if (previous) coalesced++;
          if (!previous || event.time >= previous.time) indexes.set(key, event);
          break;
        }
      }
    }
    if (events.length > 0) schedule();
  }

  function flush(): void {
    let applied = 0;
    const read = (key: string): PerpQuote | undefined => rows.get(key);
    const write = (quote: PerpQuote): void => {
      rows.set(quote);
      applied++;
    };
    const remove = (key: string): void => rows.delete(key);
    const indexKeyOf = (exchange: ExchangeId, indexId: string): string => `${exchange}:${indexId}`;
    const trackIndex = (instrument: PerpInstrumentEvent): void => {
      const key = perpKey(instrument.exchange, instrument.symbol);
      if (instrument.indexId === null) return;
      const indexKey = indexKeyOf(instrument.exchange, instrument.indexId);
      let keys = registry.byIndex.get(indexKey);
      if (!keys) registry.byIndex.set(indexKey, (keys = new Set()));
      keys.add(key);
    };
    const newRow = (instrument: PerpInstrumentEvent): PerpQuote => {
      const { exchange, symbol, base, quote, coin, market, margin } = instrument;
      const row = emptyQuote({ exchange, symbol, base, quote, coin, market, margin }, instrument.indexId);
      Object.assign(row, resolveInterval(registry, row, null));
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
          if (read(key)) remove(key);
          continue;
        }
        registry.instruments.set(key, event);
        trackIndex(event);
        const existing = read(key);
        if (!existing) write(newRow(event));
        else if (
          existing.base !== event.base ||
          existing.quote !== event.quote ||
          existing.indexId !== event.indexId ||
          existing.market !== event.market ||
          existing.margin !== event.margin
        ) {
          const { base, quote, coin, market, margin, indexId } = event;
          write(withDerived({ ...existing, base, quote, coin, market, margin, indexId }));
        }
      } else if (event.kind === 'list-complete') {
        registry.listKnown[event.exchange] = event.margin ?? 'all';
        for (const row of [...rows.values()]) {
          if (row.exchange === event.exchange && !registry.instruments.has(row.key) && listCovers(registry, row.exchange, row.margin)) remove(row.key);
        }
      } else {
        registry.intervals[event.exchange] = { table: event.intervals, defaultHours: event.defaultHours };
        for (const quote of [...rows.values()]) {
          if (quote.exchange !== event.exchange) continue;
          const interval = resolveInterval(registry, quote, null);
          if (interval.intervalHours !== quote.intervalHours || interval.intervalAssumed !== quote.intervalAssumed) {
            write(withDerived({ ...quote, ...interval }));
          }
        }
      }
    }

    const receivedAt = options.now();
    const waiting = new Map<string, RowPatch>();
    const { patches: due, mayHold } = held.begin(patches, receivedAt);
    for (const [key, patch] of due) {
      let row = read(key);
      if (row && mayHold && canWait(row)) {
        held.keep(key, patch);
        continue;
      }
      if (!row) {
        const exchange = key.slice(0, key.indexOf(':')) as ExchangeId;
        const symbol = key.slice(exchange.length + 1);
        // A symbol the list covers but does not hold is not a trading perpetual; one it does not
        // cover is known from its symbol alone.
        const fromSymbol = options.instrumentFromSymbol[exchange](symbol);
        const instrument = fromSymbol && !listCovers(registry, exchange, fromSymbol.margin) ? fromSymbol : null;
        // For a row known from its symbol, only a mark or funding event proves a perpetual (the parsers
        // skip dated contracts there); a ticker alone waits for its mark.
        if (instrument && !patch.mark && !patch.funding) {
          waiting.set(key, patch);
          continue;
        }
        if (!instrument) {
          rejected[exchange]++;
          continue;
        }
        trackIndex(instrument);
        row = newRow(instrument);
      }
      const updated = patchQuote(registry, row, patch, receivedAt);
      if (updated) write(updated);
    }

    for (const [indexKey, event] of indexes) {
      registry.latestIndex.set(indexKey, event);
      for (const key of registry.byIndex.get(indexKey) ?? []) {
        const row = read(key);
        // A poll repeats an index that has not moved (same time and price): nothing to write.
        if (!row || event.time < row.indexTime || (event.time === row.indexTime && event.index === row.index)) continue;
        const updated = copyQuote(row);
        updated.index = event.index;
        updated.indexTime = event.time;
        updated.updatedAt = receivedAt;
        write(withDerived(updated));
      }
    }

    lists = [];
    patches = waiting;
    const stillHeld = held.end(receivedAt);
    indexes = new Map();
    counters = countersAfterFlush(counters, rejected, coalesced, applied);
    coalesced = 0;
    // Held patches are applied within HELD_FLUSH_MS even if nothing else arrives.
    if (stillHeld) schedule();
  }

  return {
    push,
    watchRows: (exchange, symbols) => countedWatch((delta) => watch(exchange, symbols, delta)),
    counters: () => counters,
    pushesMayWait: (now) => EXCHANGES.some(rowsMayWait) && !held.isDue(now),
    rowCanWait(exchange, symbol) {
      const key = keys.peek(exchange, symbol);
      const row = key === undefined ? undefined : rows.get(key);
      return row !== undefined && canWait(row);
    },
    everyRowCanWait: (exchange) => rowsMayWait(exchange) && watches[exchange].shown.size === 0,
    reject(exchange, count) {
      if (count <= 0) return;
      rejected[exchange] += count;
      schedule();
    },
    countCoalesced(count) {
      if (count <= 0) return;
      coalesced += count;
      schedule();
    },
    flushNow: flush,
  };
}
