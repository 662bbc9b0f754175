import type { ExchangeId } from '../domain/exchange';
import { chainKey, optionKey, type OptionInstrument, type OptionRow } from '../domain/option';
import type { OptionBookEvent, OptionEvent, OptionGreeksEvent, OptionMarkEvent } from '../domain/optionEvents';
import { RowTable } from './rowTable';
import { IngestTally, pendingOf, type Ingest } from './batching';

export interface OptionIngestOptions {
  /** Where the rows are written: one table per chain key (`binance:BTCUSDT`, `okx:BTC-USD`), added as chains appear. */
  chains: Map<string, RowTable<OptionRow>>;
  /** Asks for the flush to run later, once however often it is asked: at its worker's next tick (TICK_MS). */
  schedule: (flush: () => void) => void;
  now: () => number;
  /** Option symbols describe themselves, so a pushed symbol always yields its row (new strikes appear at once). */
  instrumentFromSymbol: Record<ExchangeId, (symbol: string) => OptionInstrument | null>;
}

export interface OptionIngest extends Ingest<OptionEvent> {
  /** Chains each exchange lists, as its catalog says: a new object when that changes. */
  underlyings(): Readonly<Record<ExchangeId, readonly string[]>>;
}

interface NewestOptionEvents {
  greeks?: OptionGreeksEvent;
  mark?: OptionMarkEvent;
  book?: OptionBookEvent;
}

/** Every field written out, not spread from the instrument: rows built so copy fast when spread (bench/decisions.md). */
function emptyRow({ exchange, symbol, underlying, base, expiry, strike, callPut, priceCurrency }: OptionInstrument): OptionRow {
  return {
    exchange, symbol, underlying, base, expiry, strike, callPut, priceCurrency,
    key: optionKey(exchange, symbol),
    mark: null, bid: null, ask: null, bidSize: null, askSize: null,
    markIv: null, bidIv: null, askIv: null,
    delta: null, gamma: null, theta: null, vega: null,
    underlyingPrice: null, highLimit: null, lowLimit: null,
    greeksTime: 0, markTime: 0, bookTime: 0, appliedAt: 0,
  };
}

/** Applies one option's coalesced newest to a copy; each kind only moves forward in exchange time. */
function applyEvents(previous: OptionRow, newest: NewestOptionEvents, appliedAt: number): OptionRow | null {
  const next = { ...previous };
  let changed = false;
  const { greeks, mark, book } = newest;
  if (greeks && greeks.time >= next.greeksTime) {
    next.greeksTime = greeks.time;
    next.markIv = greeks.markIv;
    next.bidIv = greeks.bidIv;
    next.askIv = greeks.askIv;
    next.delta = greeks.delta;
    next.gamma = greeks.gamma;
    next.theta = greeks.theta;
    next.vega = greeks.vega;
    next.underlyingPrice = greeks.underlyingPrice;
    changed = true;
  }
  if (mark && mark.time >= next.markTime) {
    next.markTime = mark.time;
    next.mark = mark.mark;
    next.highLimit = mark.highLimit;
    next.lowLimit = mark.lowLimit;
    changed = true;
  }
  if (book && book.time >= next.bookTime) {
    next.bookTime = book.time;
    next.bid = book.bid;
    next.ask = book.ask;
    next.bidSize = book.bidSize;
    next.askSize = book.askSize;
    changed = true;
  }
  if (!changed) return null;
  next.appliedAt = appliedAt;
  return next;
}

/** As for perpetuals, per option; options at or past their expiry leave at the first flush after it (settlement). */
export function createOptionIngest(options: OptionIngestOptions): OptionIngest {
  const { chains } = options;
  let underlyings: Readonly<Record<ExchangeId, readonly string[]>> = { binance: [], okx: [] };
  /** Options listed since the exchange's last list-complete: the list a list-complete makes final. */
  const pendingList: Record<ExchangeId, Set<string>> = { binance: new Set(), okx: new Set() };
  let catalog: OptionEvent[] = [];
  let pending = new Map<string, NewestOptionEvents>();
  let earliestExpiry = Number.POSITIVE_INFINITY;
  const schedule = (): void => options.schedule(flush);
  const tally = new IngestTally(schedule);
  /** Each pushed option's instrument, parsed from its symbol once rather than at every flush; it goes with its row. */
  const instruments = new Map<string, OptionInstrument>();
  const newestFor = (exchange: ExchangeId, symbol: string): NewestOptionEvents => pendingOf(pending, optionKey(exchange, symbol));

  function push(events: readonly OptionEvent[]): void {
    for (const event of events) {
      switch (event.kind) {
        case 'underlyings':
        case 'instrument':
        case 'list-complete':
          catalog.push(event);
          break;
        case 'greeks':
        case 'mark':
        case 'book': {
          const newest = newestFor(event.exchange, event.symbol);
          const previous = newest[event.kind];
          if (previous) tally.coalesced++;
          if (!previous || event.time >= previous.time) (newest as Record<string, OptionEvent>)[event.kind] = event;
          break;
        }
      }
    }
    if (events.length > 0) schedule();
  }

  function flush(): void {
    const now = options.now();
    let applied = 0;

    const write = (row: OptionRow): void => {
      const key = chainKey(row.exchange, row.underlying);
      let rows = chains.get(key);
      if (!rows) chains.set(key, (rows = new RowTable()));
      rows.set(row);
      earliestExpiry = Math.min(earliestExpiry, row.expiry);
      applied++;
    };
    const remove = (row: OptionRow): void => {
      chains.get(chainKey(row.exchange, row.underlying))?.delete(row.key);
      instruments.delete(row.key);
    };
    const find = (instrument: OptionInstrument): OptionRow | undefined =>
      chains.get(chainKey(instrument.exchange, instrument.underlying))?.get(optionKey(instrument.exchange, instrument.symbol));

    for (const event of catalog) {
      if (event.kind === 'underlyings') {
        underlyings = { ...underlyings, [event.exchange]: [...event.underlyings].sort() };
      } else if (event.kind === 'instrument') {
        const existing = find(event);
        if (!event.listed || event.expiry <= now) {
          pendingList[event.exchange].delete(optionKey(event.exchange, event.symbol));
          if (existing) remove(existing);
          continue;
        }
        pendingList[event.exchange].add(optionKey(event.exchange, event.symbol));
        if (!existing) {
          const { kind: _, listed: __, ...instrument } = event;
          write(emptyRow(instrument));
        }
      } else if (event.kind === 'list-complete') {
        const listed = pendingList[event.exchange];
        for (const [key, rows] of chains) {
          if (!key.startsWith(`${event.exchange}:`)) continue;
          for (const row of [...rows.values()]) if (!listed.has(row.key)) remove(row);
        }
        pendingList[event.exchange] = new Set();
      }
    }

    for (const [key, newest] of pending) {
      let instrument = instruments.get(key);
      if (instrument === undefined) {
        const exchange = key.slice(0, key.indexOf(':')) as ExchangeId;
        const parsed = options.instrumentFromSymbol[exchange](key.slice(exchange.length + 1));
        if (!parsed) {
          tally.rejected[exchange]++;
          continue;
        }
        instrument = parsed;
        if (instrument.expiry > now) instruments.set(key, instrument);
      }
      // A late push for a settled option must not bring its row back.
      if (instrument.expiry <= now) continue;
      const existing = chains.get(chainKey(instrument.exchange, instrument.underlying))?.get(key);
      const updated = applyEvents(existing ?? emptyRow(instrument), newest, now);
      if (updated) write(updated);
    }

    if (now >= earliestExpiry) {
      earliestExpiry = Number.POSITIVE_INFINITY;
      for (const rows of chains.values()) {
        for (const row of [...rows.values()]) {
          if (row.expiry <= now) remove(row);
          else earliestExpiry = Math.min(earliestExpiry, row.expiry);
        }
      }
    }

    catalog = [];
    pending = new Map();
    tally.publish(applied);
  }

  return {
    push,
    underlyings: () => underlyings,
    counters: tally.counters,
    reject: tally.reject,
    countCoalesced: tally.countCoalesced,
    flushNow: flush,
  };
}
