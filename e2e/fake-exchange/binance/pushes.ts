import type { Scheduler } from '../core/scheduler.ts';
import { isStreaming, type Instrument } from '../markets/instrument.ts';
import type { Market } from '../markets/market.ts';
import { markPriceUpdate } from './payloads.ts';
import type { BinanceSocketServer } from './socketServer.ts';
import { resolveStream, type StreamTarget } from './streamNames.ts';

export interface BinanceStreamSources {
  /** Payload of `<underlying>@optionMarkPrice` (array of option marks) or null when unknown. */
  optionMarkPrice(underlying: string, eventTime: number): unknown[] | null;
  /** `24hrMiniTicker` payloads of the instruments that traded since the previous call. */
  changedMiniTickers(eventTime: number): unknown[];
  miniTicker(instrument: Instrument, eventTime: number): unknown;
}

/**
 * Builds each stream's payload once per push and sends the same string to every subscriber
 * (wrapped once more for combined connections).
 */
export class BinancePushes {
  private readonly targets = new Map<string, StreamTarget>();
  /** When the previous one-second push went out: `<symbol>@miniTicker` only sends if it traded since. */
  private lastSecondPushAt: number;

  constructor(
    private readonly sockets: BinanceSocketServer,
    private readonly market: Market,
    private readonly sources: BinanceStreamSources,
    private readonly now: () => number,
    scheduler: Scheduler,
  ) {
    this.lastSecondPushAt = now();
    scheduler.cadence(1000, () => this.pushEverySecond());
    scheduler.cadence(3000, () => this.pushEveryThreeSeconds());
  }

  private pushEverySecond(): void {
    const now = this.now();
    const since = this.lastSecondPushAt;
    this.lastSecondPushAt = now;
    this.pushAllMarkPrice('!markPrice@arr@1s', now);
    // Computed every second whether or not anyone listens: "changed since the last push" is per stream, not per client.
    const changed = this.sources.changedMiniTickers(now);
    if (changed.length > 0) this.deliver('!miniTicker@arr', JSON.stringify(changed));
    for (const name of this.sockets.index.keys()) {
      const target = this.target(name);
      if (target.kind === 'markPrice' && target.everySecond) {
        this.deliver(name, JSON.stringify(markPriceUpdate(target.instrument, now)));
      } else if (target.kind === 'miniTicker' && target.instrument.state.tradedAt > since) {
        this.deliver(name, JSON.stringify(this.sources.miniTicker(target.instrument, now)));
      } else if (target.kind === 'optionMarkPrice') {
        const payload = this.sources.optionMarkPrice(target.underlying, now);
        if (payload) this.deliver(name, JSON.stringify(payload));
      }
    }
  }

  private pushEveryThreeSeconds(): void {
    const now = this.now();
    this.pushAllMarkPrice('!markPrice@arr', now);
    for (const name of this.sockets.index.keys()) {
      const target = this.target(name);
      if (target.kind === 'markPrice' && !target.everySecond) {
        this.deliver(name, JSON.stringify(markPriceUpdate(target.instrument, now)));
      }
    }
  }

  /** TradFi perpetuals come in a separate message of the same stream, as the docs warn. */
  private pushAllMarkPrice(name: string, now: number): void {
    if (!this.sockets.index.subscribers(name)) return;
    const crypto: unknown[] = [];
    const tradFi: unknown[] = [];
    for (const instrument of this.market.binance) {
      if (!isStreaming(instrument)) continue;
      (instrument.kind === 'tradfi' ? tradFi : crypto).push(markPriceUpdate(instrument, now));
    }
    this.deliver(name, JSON.stringify(crypto));
    this.deliver(name, JSON.stringify(tradFi));
  }

  private target(name: string): StreamTarget {
    let target = this.targets.get(name);
    if (!target) {
      target = resolveStream(name, this.market);
      this.targets.set(name, target);
    }
    return target;
  }

  private deliver(name: string, payload: string): void {
    const subscribers = this.sockets.index.subscribers(name);
    if (!subscribers) return;
    let wrapped: string | null = null;
    for (const connection of subscribers) {
      if (connection.combined) {
        wrapped ??= `{"stream":${JSON.stringify(name)},"data":${payload}}`;
        connection.send(wrapped);
      } else {
        connection.send(payload);
      }
    }
  }
}
