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

  constructor(private readonly now: () => number) {}

  /**
   * `ingest` behind the gate: one push (a frame or a REST answer) first tells its venue's clock
   * its newest event time, then each event stamped outside the window is counted as rejected.
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
        for (const [exchange, time] of Object.entries(newest) as [ExchangeId, number][]) this.clocks[exchange].observe(time, arrivedAt);
        const localNow = this.now();
        const admits = (event: Event): boolean => {
          const time = timeOf(event);
          return time === null || this.clocks[event.exchange].admits(time, localNow);
        };
        // Nearly every push is wholly inside the window: hand it on as it is.
        if (events.every(admits)) {
          ingest.push(events, receivedAt);
          return;
        }
        const refused: Record<ExchangeId, number> = { binance: 0, okx: 0 };
        const admitted = events.filter((event) => {
          const inWindow = admits(event);
          if (!inWindow) refused[event.exchange]++;
          return inWindow;
        });
        ingest.push(admitted, receivedAt);
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
