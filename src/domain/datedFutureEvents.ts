import type { DatedFutureInstrument } from './datedFuture';
import type { ExchangeId } from './exchange';
import type { PerpIndexEvent } from './perpEvents';

/** Normalised dated-future events: the only thing dated-future feeds hand to their ingest. Times are exchange event times (ms). */
export type DatedFutureEvent = DatedFutureMarkEvent | PerpIndexEvent | DatedFuturesClosedEvent;

/** A mark, with the instrument its symbol names; Binance carries the index in the same record, OKX publishes it apart. */
export interface DatedFutureMarkEvent extends DatedFutureInstrument {
  kind: 'mark';
  time: number;
  mark: number;
  index: number | null;
}

/** A coin's dated futures on one exchange are no longer followed (its lease went): their rows go. */
export interface DatedFuturesClosedEvent {
  kind: 'closed';
  exchange: ExchangeId;
  coin: string;
}
