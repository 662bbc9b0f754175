import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { binanceOptionInstrument } from '../feeds/binance/optionParse';
import { okxOptionInstrument } from '../feeds/okx/optionParse';
import { emptyQuote } from '../store/applyPerpEvents';
import { createOptionIngest } from '../store/optionIngest';
import type { OptionState } from '../store/optionStore';
import { emptyCounters } from '../store/perpetualStore';
import { OPTION_CODEC, PERP_CODEC } from './rowCodecs';
import type { RowCodec } from './rowsPatch';

/** A field in neither list would never reach the page once its row had arrived. */
const fieldsOf = <Row>(codec: RowCodec<Row>): string[] => [...codec.columns, ...codec.others].sort();

describe('row codecs', () => {
  it('name every field of a perpetual row exactly once', () => {
    const row = emptyQuote({ exchange: 'okx', symbol: 'BTC-USDT-SWAP', base: 'BTC', quote: 'USDT', coin: 'BTC' }, 'BTC-USDT');
    expect(fieldsOf(PERP_CODEC)).toEqual(Object.keys(row).sort());
  });

  it('name every field of an option row exactly once', () => {
    const store = createStore<OptionState>()(() => ({ chains: {}, underlyings: { binance: [], okx: [] }, counters: emptyCounters() }));
    const ingest = createOptionIngest({
      store,
      schedule: () => undefined,
      now: () => 1,
      instrumentFromSymbol: { binance: binanceOptionInstrument, okx: okxOptionInstrument },
    });
    ingest.push([{ kind: 'mark', exchange: 'binance', symbol: 'BTC-261225-100000-C', time: 1, mark: 5, highLimit: null, lowLimit: null }]);
    ingest.flushNow();
    const rows = Object.values(store.getState().chains).flatMap((chain) => Object.values(chain));
    expect(rows).toHaveLength(1);
    expect(fieldsOf(OPTION_CODEC)).toEqual(Object.keys(rows[0]!).sort());
  });
});
