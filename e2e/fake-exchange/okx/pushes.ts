import { hashSeed } from '../core/prng.ts';
import type { Scheduler } from '../core/scheduler.ts';
import type { DayStatsBook } from '../markets/dayStats.ts';
import type { Instrument } from '../markets/instrument.ts';
import type { Market } from '../markets/market.ts';
import type { OrderBooks } from '../markets/orderBooks.ts';
import type { FakeTiming } from '../timing.ts';
import type { OkxCandles } from './candles.ts';
import type { OkxChannel } from './channels.ts';
import type { OkxArg, OkxConnection } from './connection.ts';
import type { OkxFutures } from './futures.ts';
import type { OkxIndexes } from './indexes.ts';
import type { OkxListModes } from './listModes.ts';
import { candleRow, indexTicker, ticker } from './marketPayloads.ts';
import type { OkxOptionSource } from './options.ts';
import { fundingRate, markPrice, swapInstrument } from './payloads.ts';
import type { OkxSocketServer } from './socketServer.ts';

/**
 * OKX's documented cadences (before `rate`): mark price every 200 ms while it changes, else every
 * 10 s; index tickers likewise with a 1 min idle push; tickers only on a trade; funding every
 * 30-90 s, the first one not on subscribe but after FakeTiming.okxFirstFundingPushMs; candles
 * about once a second; option summaries every second.
 */
const FAST_MS = 200;
const MARK_IDLE_MS = 10_000;
const INDEX_IDLE_MS = 60_000;
const FUNDING_MIN_MS = 30_000;
const FUNDING_SPREAD_MS = 60_000;
const SLOW_MS = 1_000;

interface KeyState {
  lastSentAt: number;
  /** The value whose change triggers a push (mark, index, last trade time, bar open). */
  lastValue: number;
  nextFundingAt: number;
}

export interface OkxPushSources {
  market: Market;
  dayStats: DayStatsBook;
  books: OrderBooks;
  indexes: OkxIndexes;
  candles: OkxCandles;
  options: OkxOptionSource;
  futures: OkxFutures;
  listModes: OkxListModes;
  timing: FakeTiming;
}

/**
 * Decides what each subscribed channel key pushes and when, builds the payload once per key and
 * sends the same string to every subscriber; also sends the snapshot OKX pushes right after an ack.
 */
export class OkxPushes {
  private readonly keyStates = new Map<string, KeyState>();
  /** OPTION instrument ids already sent per `instruments` key: later pushes carry only new listings. */
  private readonly listedOptions = new Map<string, Set<string>>();
  private fundingDraw = 0;
  /** Per connection, when each `funding-rate` key it subscribed sends that subscription's first push. */
  private readonly firstFundingAt = new WeakMap<OkxConnection, Map<string, number>>();

  constructor(
    private readonly sockets: OkxSocketServer,
    private readonly sources: OkxPushSources,
    private readonly now: () => number,
    private readonly rate: number,
    scheduler: Scheduler,
  ) {
    sockets.onSubscribed = (connection, channel, arg) => this.snapshot(connection, channel, arg);
    scheduler.cadence(FAST_MS, () => this.pushDue());
  }

  private snapshot(connection: OkxConnection, channel: OkxChannel, arg: OkxArg): void {
    const now = this.now();
    this.stateOf(channel, now);
    if (channel.kind === 'funding-rate') {
      let due = this.firstFundingAt.get(connection);
      if (!due) this.firstFundingAt.set(connection, (due = new Map()));
      due.set(channel.key, now + this.firstFundingDelay(channel.instId));
      return;
    }
    if (channel.kind === 'instruments' && this.sources.listModes.channelOnSubscribe === 'changes') return;
    const data = this.payload(channel, now);
    if (data) connection.send(frame(arg, data));
  }

  private pushDue(): void {
    const now = this.now();
    for (const key of this.sockets.index.keys()) {
      const channel = this.sockets.channels.get(key)!;
      if (channel.kind === 'funding-rate') this.sendFirstFunding(channel, now);
      for (const data of this.duePayloads(channel, this.stateOf(channel, now), now)) this.deliver(key, data, channel.kind === 'funding-rate');
    }
  }

  /** Pushes a swap's funding to every subscriber at once (the control API pinned it). */
  pushFundingNow(instId: string): number {
    const key = `funding-rate|${instId}`;
    const instrument = this.swap(instId);
    const subscribers = this.sockets.index.subscribers(key);
    if (!instrument || !subscribers) return 0;
    for (const connection of subscribers) {
      this.firstFundingAt.get(connection)?.delete(key);
      connection.send(frame(connection.args.get(key)!, [fundingRate(instrument, this.now())]));
    }
    return subscribers.size;
  }

  /** Pushes one swap's record on the `instruments` channel, as OKX does when one of its parameters changes. */
  pushInstrumentChange(instId: string): number {
    const instrument = this.swap(instId);
    const subscribers = this.sockets.index.subscribers('instruments|SWAP');
    if (!instrument || !subscribers) return 0;
    for (const connection of subscribers) connection.send(frame(connection.args.get('instruments|SWAP')!, [swapInstrument(instrument)]));
    return subscribers.size;
  }

  /** Each swap's own delay in the configured range, the same for every subscription (drawn from the seed). */
  private firstFundingDelay(instId: string): number {
    const [min, max] = this.sources.timing.okxFirstFundingPushMs;
    return min + (hashSeed(this.sources.market.seed, 'first-funding', instId) / 4294967296) * (max - min);
  }

  private sendFirstFunding({ key, instId }: { key: string; instId: string }, now: number): void {
    for (const connection of this.sockets.index.subscribers(key) ?? []) {
      const due = this.firstFundingAt.get(connection);
      const at = due?.get(key);
      if (at === undefined || now < at) continue;
      due!.delete(key);
      const instrument = this.swap(instId);
      if (instrument) connection.send(frame(connection.args.get(key)!, [fundingRate(instrument, now)]));
    }
  }

  private stateOf(channel: OkxChannel, now: number): KeyState {
    let state = this.keyStates.get(channel.key);
    if (!state) {
      state = { lastSentAt: now, lastValue: this.watched(channel), nextFundingAt: now + this.fundingGap() };
      this.keyStates.set(channel.key, state);
      if (channel.kind === 'instruments' && channel.instType === 'OPTION') {
        this.listedOptions.set(channel.key, new Set(this.sources.options.instruments().map(instIdOf)));
      }
    }
    return state;
  }

  /** Payloads to push for a key on this tick (a candle channel may close one bar and open the next). */
  private duePayloads(channel: OkxChannel, state: KeyState, now: number): unknown[][] {
    const since = now - state.lastSentAt;
    const value = this.watched(channel);
    const changed = value !== state.lastValue;
    let due: boolean;
    const extra: unknown[][] = [];
    switch (channel.kind) {
      case 'mark-price':
        due = changed || since >= MARK_IDLE_MS / this.rate;
        break;
      case 'index-tickers':
        due = changed || since >= INDEX_IDLE_MS / this.rate;
        break;
      case 'tickers':
        due = changed;
        break;
      case 'funding-rate':
        due = now >= state.nextFundingAt;
        if (due) state.nextFundingAt = now + this.fundingGap();
        break;
      case 'mark-price-candle':
      case 'index-candle': {
        due = since >= SLOW_MS / this.rate;
        if (due && changed) {
          // The bar rolled: OKX sends the finished bar once more with confirm "1".
          const source = this.sources.candles.source(channel.kind === 'index-candle' ? 'index' : 'mark', channel.instId);
          const closed = source && this.sources.candles.previous(source, channel.bar);
          if (source && closed) extra.push([candleRow(closed, source.decimals)]);
        }
        break;
      }
      case 'opt-summary':
        due = since >= SLOW_MS / this.rate;
        break;
      case 'instruments': {
        // Swaps never change while the server runs; options list successors as others expire.
        if (channel.instType !== 'OPTION' || since < SLOW_MS / this.rate) return [];
        state.lastSentAt = now;
        const fresh = this.newlyListedOptions(channel.key);
        return fresh.length > 0 ? [fresh] : [];
      }
    }
    if (!due) return [];
    state.lastSentAt = now;
    state.lastValue = value;
    const data = this.payload(channel, now);
    return data ? [...extra, data] : extra;
  }

  /** The value whose change makes a channel push. */
  private watched(channel: OkxChannel): number {
    switch (channel.kind) {
      case 'mark-price':
        return this.swap(channel.instId)?.state.mark ?? this.sources.futures.markPrice(channel.instId) ?? this.sources.options.markPrice(channel.instId) ?? 0;
      case 'tickers':
        return this.swap(channel.instId)?.state.tradedAt ?? this.sources.options.markPrice(channel.instId) ?? 0;
      case 'index-tickers': {
        const index = this.sources.indexes.find(channel.instId);
        return index ? this.sources.indexes.price(index) : 0;
      }
      case 'mark-price-candle':
      case 'index-candle': {
        const source = this.sources.candles.source(channel.kind === 'index-candle' ? 'index' : 'mark', channel.instId);
        return (source && this.sources.candles.current(source, channel.bar)?.openTime) ?? 0;
      }
      default:
        return 0;
    }
  }

  private newlyListedOptions(key: string): unknown[] {
    const known = this.listedOptions.get(key)!;
    const fresh = this.sources.options.instruments().filter((option) => !known.has(instIdOf(option)));
    for (const option of fresh) known.add(instIdOf(option));
    return fresh;
  }

  /** Spreads funding pushes over 30-90 s so they do not all land on one tick. */
  private fundingGap(): number {
    this.fundingDraw = (this.fundingDraw + 0.618034) % 1;
    return (FUNDING_MIN_MS + this.fundingDraw * FUNDING_SPREAD_MS) / this.rate;
  }

  private payload(channel: OkxChannel, ts: number): unknown[] | null {
    const { market, dayStats, books, indexes, candles, options, futures } = this.sources;
    switch (channel.kind) {
      case 'instruments':
        return channel.instType === 'SWAP' ? market.okx.map(swapInstrument) : options.instruments();
      case 'mark-price': {
        const instrument = this.swap(channel.instId);
        if (instrument) return [markPrice(instrument, ts)];
        const future = futures.markPricePayload(channel.instId, ts);
        return future ? [future] : options.markPricePayload(channel.instId, ts);
      }
      case 'tickers': {
        const instrument = this.swap(channel.instId);
        return instrument ? [ticker(instrument, dayStats.stats(instrument), books.book(instrument, 1), ts)] : options.tickerPayload(channel.instId, ts);
      }
      case 'funding-rate': {
        const instrument = this.swap(channel.instId);
        return instrument ? [fundingRate(instrument, ts)] : null;
      }
      case 'index-tickers': {
        const index = indexes.find(channel.instId);
        return index ? [indexTicker(index, dayStats.indexStats(index.coin, index.quote, indexes.price(index)), ts)] : null;
      }
      case 'opt-summary':
        return options.summary(channel.instFamily, ts);
      case 'mark-price-candle':
      case 'index-candle': {
        const source = candles.source(channel.kind === 'index-candle' ? 'index' : 'mark', channel.instId);
        const candle = source && candles.current(source, channel.bar);
        return source && candle ? [candleRow(candle, source.decimals)] : null;
      }
    }
  }

  private swap(instId: string): Instrument | undefined {
    return this.sources.market.find('okx', instId);
  }

  /** `skipUntilFirstPush`: funding subscriptions get nothing before their own first push. */
  private deliver(key: string, data: unknown[], skipUntilFirstPush = false): void {
    const subscribers = this.sockets.index.subscribers(key);
    if (!subscribers) return;
    // Subscribers of one key sent the same arg, so the frame is built once.
    const [first] = subscribers;
    const text = frame(first!.args.get(key)!, data);
    for (const connection of subscribers) {
      if (skipUntilFirstPush && this.firstFundingAt.get(connection)?.has(key)) continue;
      connection.send(text);
    }
  }
}

function instIdOf(instrument: unknown): string {
  return (instrument as { instId: string }).instId;
}

function frame(arg: OkxArg, data: unknown[]): string {
  return `{"arg":${JSON.stringify(arg)},"data":${JSON.stringify(data)}}`;
}
