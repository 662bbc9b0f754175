import { fixed } from '../core/format.ts';
import { isCoinMargined, type Instrument } from '../markets/instrument.ts';

/** Binance prints mark, index and funding figures with 8 decimals. */
const DECIMALS = 8;

/** The `st` of the USDⓈ-M streams' rows: 1 USDⓈ-M (crypto, TradFi, dated), 2 COIN-M. */
export function settlementType(instrument: Instrument): 1 | 2 {
  return isCoinMargined(instrument) ? 2 : 1;
}

export interface MarkPriceUpdate {
  e: 'markPriceUpdate';
  E: number;
  s: string;
  p: string;
  ap: string;
  P: string;
  i: string;
  r: string;
  T: number;
  st: 1 | 2;
}

/**
 * In the live stream's field order. Delivery contracts carry no funding: `r` "0.00000000" and `T` 0.
 * `ap` equals `p` in every recorded row, and so it does here.
 */
export function markPriceUpdate(instrument: Instrument, eventTime: number): MarkPriceUpdate {
  const { state, funding } = instrument;
  const mark = fixed(state.mark, DECIMALS);
  return {
    e: 'markPriceUpdate',
    E: eventTime,
    s: instrument.symbol,
    p: mark,
    ap: mark,
    P: fixed(state.estimatedSettle, DECIMALS),
    i: fixed(state.index, DECIMALS),
    r: fixed(funding ? state.fundingRate : 0, DECIMALS),
    T: funding ? state.nextFundingTime : 0,
    st: settlementType(instrument),
  };
}
