import { EXCHANGES, type ExchangeId } from '../domain/exchange';
import { VenueClock } from '../domain/venueClock';
import type { Ingest } from './batching';

/** A clock offset the page already has is sent again only once it has moved this far: countdowns show whole seconds. */
const RESEND_AFTER_MS = 100;

type VenueOffsets = Partial<Record<ExchangeId, number>>;

function timeOf(event: object): number | null {
  const { time } = event as { time?: unknown };
  return typeof time === 'number' ? time : null;
}

/**
 * Each venue's clock in a worker, kept from the events its feeds hand over, and the gate that
 * refuses events stamped outside the venue clock's sane window before they reach an ingest.
 */
export class VenueClocks {
  private readonly clocks = Object.fromEntries(EXCHANGES.map((exchange) => [exchange, new VenueClock()])) as Record<ExchangeId, VenueClock>;
  private readonly sent: VenueOffsets = {};
  /** Per venue, when the newest data its streams pushed was current (local ms). */
  private readonly streamed: Partial<Record<ExchangeId, number>> = {};

  constructor(private readonly now: () => number) {}

  /** When the newest data the venue's streams pushed was current (local ms); null before the first stamped push. */
  streamedAt(exchange: ExchangeId): number | null {
    return this.streamed[exchange] ?? null;
  }

  /**
   * `ingest` behind the gate: one push (a frame or a REST answer) first tells its venue's clock
   * its newest event time, then each event stamped outside the window is counted as rejected. A
   * frame is handed on as current when it arrived, or, if it waited in a backlog (a frozen page),
   * when it would have arrived on time: a backlog drained after a freeze is no fresh data.
   */
  guard<Event extends { exchange: ExchangeId }>(ingest: Ingest<Event>): Ingest<Event> {
    return {
      ...ingest,
      push: (events, receivedAt) => {
        const arrivedAt = receivedAt ?? this.now();
        const newest: VenueOffsets = {};
        for (const event of events) {
          const time = timeOf(event);
          if (time !== null && time > (newest[event.exchange] ?? -Infinity)) newest[event.exchange] = time;
        }
        let streamedAt = receivedAt;
        for (const [exchange, time] of Object.entries(newest) as [ExchangeId, number][]) {
          const clock = this.clocks[exchange];
          clock.observe(time, arrivedAt);
          if (streamedAt === undefined) continue;
          streamedAt = Math.min(streamedAt, clock.onTimeArrival(time));
          this.streamed[exchange] = Math.max(this.streamed[exchange] ?? -Infinity, streamedAt);
        }
        const localNow = this.now();
        const admits = (event: Event): boolean => {
          const time = timeOf(event);
          return time === null || this.clocks[event.exchange].admits(time, localNow);
        };
        // Nearly every push is wholly inside the window: hand it on as it is.
        if (events.every(admits)) {
          ingest.push(events, streamedAt);
          return;
        }
        const refused: Record<ExchangeId, number> = { binance: 0, okx: 0 };
        const admitted = events.filter((event) => {
          const inWindow = admits(event);
          if (!inWindow) refused[event.exchange]++;
          return inWindow;
        });
        ingest.push(admitted, streamedAt);
        for (const exchange of EXCHANGES) ingest.reject(exchange, refused[exchange]);
      },
    };
  }

  /** The offsets (venue minus local, ms) the page has not been sent yet, or that moved since; null when none did. */
  takeChanges(): VenueOffsets | null {
    let changes: VenueOffsets | null = null;
    for (const exchange of EXCHANGES) {
      const offset = this.clocks[exchange].offset();
      const sent = this.sent[exchange];
      if (offset === null || (sent !== undefined && Math.abs(offset - sent) < RESEND_AFTER_MS)) continue;
      (changes ??= {})[exchange] = offset;
      this.sent[exchange] = offset;
    }
    return changes;
  }
}
