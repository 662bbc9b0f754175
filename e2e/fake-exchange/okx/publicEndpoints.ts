import type { Instrument } from '../markets/instrument.ts';
import type { Market } from '../markets/market.ts';
import type { OkxListModes } from './listModes.ts';
import type { OkxOptionSource } from './options.ts';
import { fundingRate, markPrice, swapInstrument } from './payloads.ts';
import { OkxApiError, instrumentMissing, parameterEmpty, parameterError, type OkxEndpoint } from './rest.ts';

/** /api/v5/public endpoints that read the live swap and option markets. */
export function publicEndpoints(market: Market, options: OkxOptionSource, listModes: OkxListModes, now: () => number): Record<string, OkxEndpoint> {
  const swap = (query: URLSearchParams): Instrument => {
    const instId = query.get('instId');
    if (!instId) throw parameterEmpty('instId');
    const instrument = market.find('okx', instId);
    if (!instrument) throw instrumentMissing();
    return instrument;
  };
  /** SWAP or OPTION: the instrument types this fake lists. */
  const instTypeOf = (query: URLSearchParams): 'SWAP' | 'OPTION' => {
    const instType = query.get('instType');
    if (!instType) throw parameterEmpty('instType');
    if (instType !== 'SWAP' && instType !== 'OPTION') throw parameterError('instType');
    return instType;
  };
  const familyOf = (query: URLSearchParams): string | null => query.get('instFamily') ?? query.get('uly');
  return {
    '/api/v5/public/time': () => [{ ts: String(now()) }],
    '/api/v5/public/instruments': (query) => {
      const instId = query.get('instId');
      const family = familyOf(query);
      if (instTypeOf(query) === 'OPTION') {
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
      if (instTypeOf(query) === 'OPTION') {
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
