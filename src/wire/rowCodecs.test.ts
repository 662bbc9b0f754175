import { describe, expect, it } from 'vitest';
import type { OptionRow } from '../domain/option';
import { binanceOptionInstrument } from '../feeds/binance/optionParse';
import { okxOptionInstrument } from '../feeds/okx/optionParse';
import { emptyRow } from '../ingest/perpRows';
import { applyRowChanges } from './readRowChanges';
import { toRowChanges } from './writeRowChanges';
import { createOptionIngest } from '../ingest/optionIngest';
import { RowTable } from '../ingest/rowTable';
import { OPTION_CODEC, PERP_CODEC, type RowCodec } from './rowCodecs';

/** A field in neither list would never reach the page once its row had arrived. */
const fieldsOf = <Row>(codec: RowCodec<Row>): string[] => [...codec.columns, ...codec.others].sort();

/** Every column gets its own value (one of them null), is written and read back over a row whose columns all hold something else. */
function roundTrips<Row extends object>(codec: RowCodec<Row>, row: Row): void {
  const filled = { ...row } as Record<string, unknown>;
  const stale = { ...row } as Record<string, unknown>;
  codec.columns.forEach((column, index) => {
    filled[column] = index === 2 && row[column as keyof Row] === null ? null : 1000 + index + 0.25;
    stale[column] = -1;
  });
  const values = new Float64Array(codec.columns.length + 3);
  codec.write(filled as Row, values, 3);
  expect(codec.read(stale as Row, values, 3)).toEqual(filled);
}

describe('row codecs', () => {
  it('name every field of a perpetual row exactly once, and write and read its columns in their order', () => {
    const row = emptyRow({ exchange: 'okx', symbol: 'BTC-USDT-SWAP', base: 'BTC', quoteAsset: 'USDT', coin: 'BTC', market: 'crypto', margin: 'linear' }, 'BTC-USDT');
    expect(fieldsOf(PERP_CODEC)).toEqual(Object.keys(row).sort());
    roundTrips(PERP_CODEC, row);
  });

  it("carry a perpetual's caps, best bid and ask and open interest as columns, an empty side as null", () => {
    const base = emptyRow({ exchange: 'binance', symbol: 'BTCUSDT', base: 'BTC', quoteAsset: 'USDT', coin: 'BTC', market: 'crypto', margin: 'linear' }, null);
    const facts = { fundingCap: 0.003, fundingFloor: -0.003, bid: null, ask: 95_000.1, openInterest: 80_000.5, openInterestUsd: 7.6e9, bookTopTime: 1_700_000_000_000, openInterestTime: 1_700_000_000_001 };
    const updated = { ...base, ...facts };
    const page: Record<string, typeof base> = { [base.key]: base };
    const changes = toRowChanges(new Map([[base.key, base]]), () => updated, PERP_CODEC)!;
    expect(changes.upserts).toEqual([]);
    applyRowChanges(page, changes, PERP_CODEC);
    expect(page[base.key]).toEqual(updated);
  });

  it('name every field of an option row exactly once, and write and read its columns in their order', () => {
    const chains = new Map<string, RowTable<OptionRow>>();
    const ingest = createOptionIngest({
      chains,
      schedule: () => undefined,
      now: () => 1,
      instrumentFromSymbol: { binance: binanceOptionInstrument, okx: okxOptionInstrument },
    });
    ingest.push([{ kind: 'mark', exchange: 'binance', symbol: 'BTC-261225-100000-C', time: 1, mark: 5, highLimit: null, lowLimit: null }]);
    ingest.flushNow();
    const rows = [...chains.values()].flatMap((chain) => [...chain.values()]);
    expect(rows).toHaveLength(1);
    expect(fieldsOf(OPTION_CODEC)).toEqual(Object.keys(rows[0]!).sort());
    roundTrips(OPTION_CODEC, rows[0]!);
  });
});
