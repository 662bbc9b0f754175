import { fixed } from '../core/format.ts';
import type { Instrument } from '../markets/instrument.ts';

/** Binance prints mark, index and funding figures with 8 decimals. */
const DECIMALS = 8;

export interface MarkPriceUpdate {
  e: 'markPriceUpdate';
  E: number;
  s: string;
  p: string;
  i: string;
  P: string;
  r: string;
  T: number;
}

/** Delivery contracts carry no funding: empty `r` and `T` 0, exactly as the live stream sends them. */
export function markPriceUpdate(instrument: Instrument, eventTime: number): MarkPriceUpdate {
  const { state, funding } = instrument;
  return {
    e: 'markPriceUpdate',
    E: eventTime,
    s: instrument.symbol,
    p: fixed(state.mark, DECIMALS),
    i: fixed(state.index, DECIMALS),
    P: fixed(state.estimatedSettle, DECIMALS),
    r: funding ? fixed(state.fundingRate, DECIMALS) : '',
    T: funding ? state.nextFundingTime : 0,
  };
}
