import type { Market } from '../markets/market.ts';
import type { OkxListModes } from './listModes.ts';
import type { OkxOptionSource } from './options.ts';
import { OkxApiError, parameterEmpty, parameterError, type OkxEndpoint } from './rest.ts';

/**
 * `GET /api/v5/public/underlying?instType=`: the underlyings OKX lists instruments of, as one
 * array inside `data` (`[["BTC-USD","ETH-USD"]]`), which is how a client learns the option
 * families to ask `instruments?instType=OPTION&instFamily=` for. Part of the instrument list, so
 * refused with it.
 */
export function underlyingEndpoint(market: Market, options: OkxOptionSource, listModes: OkxListModes): Record<string, OkxEndpoint> {
  return {
    '/api/v5/public/underlying': (query) => {
      const instType = query.get('instType');
      if (!instType) throw parameterEmpty('instType');
      if (instType !== 'SWAP' && instType !== 'OPTION') throw parameterError('instType');
      if (listModes.rest === 'refused') throw new OkxApiError('403', 'Forbidden', 403);
      if (instType === 'OPTION') return [options.families()];
      return [[...new Set(market.okx.map((instrument) => `${instrument.coin.name}-${instrument.quote}`))]];
    },
  };
}
