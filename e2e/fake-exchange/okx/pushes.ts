import { hashUnit } from '../core/prng.ts';
import type { Scheduler } from '../core/scheduler.ts';
import type { Instrument } from '../markets/instrument.ts';
import type { Market } from '../markets/market.ts';
import type { OkxChannel } from './channels.ts';
import type { OkxArg, OkxConnection } from './connection.ts';
import { fundingRate, markPrice, swapInstrument } from './payloads.ts';
import type { OkxSocketServer } from './socketServer.ts';

/** OKX's documented cadences: mark price 200 ms while changing else 10 s; funding every 30-90 s. */
const FAST_MS = 200;
const MARK_IDLE_MS = 10_000;
const FUNDING_MIN_MS = 30_000;
const FUNDING_SPREAD_MS = 60_000;

interface KeyState {
  lastSentAt: number;
  lastValue: number;
  nextDueAt: number;
}

/**
 * Decides what each subscribed channel key pushes and when, builds the payload once per key and
 * sends the same string to every subscriber; also answers the snapshot OKX sends right after an ack.
 */
export class OkxPushes {
  private readonly keyStates = new Map<string, KeyState>();

  constructor(
    private readonly sockets: OkxSocketServer,
    private readonly market: Market,
    private readonly now: () => number,
    private readonly rate: number,
    scheduler: Scheduler,
  ) {
    sockets.onSubscribed = (connection, channel, arg) => this.snapshot(connection, channel, arg);
    scheduler.cadence(FAST_MS, () => this.pushDue());
  }

  private snapshot(connection: OkxConnection, channel: OkxChannel, arg: OkxArg): void {
    const data = this.payload(channel, this.now());
    if (data) connection.send(frame(arg, data));
  }

  private pushDue(): void {
    const now = this.now();
    for (const key of this.sockets.index.keys()) {
      const channel = this.sockets.channels.get(key);
      if (!channel || !this.isDue(channel, now)) continue;
      const data = this.payload(channel, now);
      if (data) this.deliver(key, data);
    }
  }

  /** Whether this key pushes on this tick; records the push when it does. */
  private isDue(channel: OkxChannel, now: number): boolean {
    let state = this.keyStates.get(channel.key);
    if (!state) {
      state = { lastSentAt: now, lastValue: this.watchedValue(channel), nextDueAt: now + this.fundingGap(channel.key, now) };
      this.keyStates.set(channel.key, state);
      return false;
    }
    switch (channel.kind) {
      case 'mark-price': {
        const value = this.watchedValue(channel);
        const due = value !== state.lastValue || now - state.lastSentAt >= MARK_IDLE_MS / this.rate;
        if (due) {
          state.lastValue = value;
          state.lastSentAt = now;
        }
        return due;
      }
      case 'funding-rate': {
        if (now < state.nextDueAt) return false;
        state.nextDueAt = now + this.fundingGap(channel.key, now);
        return true;
      }
      default:
        return false;
    }
  }

  private watchedValue(channel: OkxChannel): number {
    if (channel.kind === 'mark-price') return this.swap(channel.instId)?.state.mark ?? 0;
    return 0;
  }

  private fundingGap(key: string, now: number): number {
    return (FUNDING_MIN_MS + hashUnit(key, now) * FUNDING_SPREAD_MS) / this.rate;
  }

  private payload(channel: OkxChannel, ts: number): unknown[] | null {
    switch (channel.kind) {
      case 'instruments':
        return channel.instType === 'SWAP' ? this.market.okx.map(swapInstrument) : [];
      case 'mark-price': {
        const instrument = this.swap(channel.instId);
        return instrument ? [markPrice(instrument, ts)] : null;
      }
      case 'funding-rate': {
        const instrument = this.swap(channel.instId);
        return instrument ? [fundingRate(instrument, ts)] : null;
      }
      default:
        return null;
    }
  }

  private swap(instId: string): Instrument | undefined {
    return this.market.find('okx', instId);
  }

  private deliver(key: string, data: unknown[]): void {
    const subscribers = this.sockets.index.subscribers(key);
    if (!subscribers) return;
    // Subscribers of one key sent the same arg, so the frame is built once.
    const [first] = subscribers;
    const text = frame(first!.args.get(key)!, data);
    for (const connection of subscribers) connection.send(text);
  }
}

function frame(arg: OkxArg, data: unknown[]): string {
  return `{"arg":${JSON.stringify(arg)},"data":${JSON.stringify(data)}}`;
}
