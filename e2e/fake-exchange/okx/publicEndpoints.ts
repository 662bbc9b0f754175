import type { Instrument } from '../markets/instrument.ts';
import type { Market } from '../markets/market.ts';
import type { OkxFutures } from './futures.ts';
import type { OkxIndexes } from './indexes.ts';
import type { OkxListModes } from './listModes.ts';
import type { OkxOptionSource } from './options.ts';
import { fundingRate, markPrice, swapInstrument } from './payloads.ts';
import { OkxApiError, instrumentMissing, parameterEmpty, parameterError, type OkxEndpoint } from './rest.ts';
import { spotInstrument } from './spotInstruments.ts';

/** The instrument types listed here; OKX's MARGIN (the borrowable spot pairs) is not served and answers 51000. */
const INSTRUMENT_TYPES = ['SPOT', 'SWAP', 'FUTURES', 'OPTION'] as const;
type InstrumentType = (typeof INSTRUMENT_TYPES)[number];

/** /api/v5/public endpoints that read the live spot, swap and option markets. */
export function publicEndpoints(
  market: Market,
  indexes: OkxIndexes,
  options: OkxOptionSource,
  futures: OkxFutures,
  listModes: OkxListModes,
  now: () => number,
): Record<string, OkxEndpoint> {
  const swap = (query: URLSearchParams): Instrument => {
    const instId = query.get('instId');
    if (!instId) throw parameterEmpty('instId');
    const instrument = market.find('okx', instId);
    if (!instrument) throw instrumentMissing();
    return instrument;
  };
  /** The instrument types with a mark price: SWAP, FUTURES, OPTION. */
  const markTypeOf = (query: URLSearchParams): 'SWAP' | 'FUTURES' | 'OPTION' => {
    const instType = query.get('instType');
    if (!instType) throw parameterEmpty('instType');
    if (instType !== 'SWAP' && instType !== 'FUTURES' && instType !== 'OPTION') throw parameterError('instType');
    return instType;
  };
  const familyOf = (query: URLSearchParams): string | null => query.get('instFamily') ?? query.get('uly');
  const listedTypeOf = (query: URLSearchParams): InstrumentType => {
    const instType = query.get('instType');
    if (!instType) throw parameterEmpty('instType');
    if (!(INSTRUMENT_TYPES as readonly string[]).includes(instType)) throw parameterError('instType');
    return instType as InstrumentType;
  };
  const swapOn = (coin: string, quote: string): Instrument | undefined =>
    market.okx.find((instrument) => instrument.coin.name === coin && instrument.quote === quote);
  const spotPairs = (): Record<string, unknown>[] =>
    [...indexes.all()].flatMap((index) => {
      const swap = swapOn(index.coin.name, index.quote);
      return swap ? [spotInstrument(index, swap)] : [];
    });
  const matching = (records: Record<string, unknown>[], instId: string | null, family: string | null) =>
    records.filter((record) => (!instId || record['instId'] === instId) && (!family || record['instFamily'] === family));
  return {
    '/api/v5/public/time': () => [{ ts: String(now()) }],
    '/api/v5/public/instruments': (query) => {
      const instId = query.get('instId');
      const family = familyOf(query);
      const instType = listedTypeOf(query);
      if (instType === 'SPOT') return matching(spotPairs(), instId, null);
      if (instType === 'FUTURES') return matching(futures.records(), instId, family);
      if (instType === 'OPTION') {
        // OKX requires the family for options (there are thousands).
        if (!family) throw new OkxApiError('50014', 'Parameter instFamily can not be empty.');
        if (listModes.rest === 'refused') throw new OkxApiError('403', 'Forbidden', 403);
        return options.instruments(family).filter((option) => !instId || (option as { instId: string }).instId === instId);
      }
      if (listModes.rest === 'refused') throw new OkxApiError('403', 'Forbidden', 403);
      return market.okx
        .filter((instrument) => (!instId || instrument.symbol === instId) && (!family || family === `${instrument.coin.name}-${instrument.quote}`))
        .map(swapInstrument);
    },
    '/api/v5/public/funding-rate': (query) => {
      if (query.get('instId') === 'ANY') return market.okx.map((instrument) => fundingRate(instrument, now()));
      return [fundingRate(swap(query), now())];
    },
    '/api/v5/public/mark-price': (query) => {
      const instId = query.get('instId');
      const instType = markTypeOf(query);
      if (instType === 'FUTURES') {
        if (!instId) return futures.allMarkPrices(now());
        const item = futures.markPricePayload(instId, now());
        if (!item) throw instrumentMissing();
        return [item];
      }
      if (instType === 'OPTION') {
        if (instId) return options.markPricePayload(instId, now()) ?? [];
        return options.families().flatMap((family) => options.instruments(family).flatMap((option) => options.markPricePayload((option as { instId: string }).instId, now()) ?? []));
      }
      if (instId) return [markPrice(swap(query), now())];
      return market.okx.map((instrument) => markPrice(instrument, now()));
    },
    '/api/v5/public/opt-summary': (query) => {
      const family = familyOf(query);
      if (!family) throw new OkxApiError('50014', 'Parameter instFamily can not be empty.');
      const summary = options.summary(family, now());
      if (!summary) throw parameterError('instFamily');
      return summary;
    },
  };
}
