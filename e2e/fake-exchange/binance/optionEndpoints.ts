import type { OptionMarket } from '../markets/options.ts';
import type { BinanceEndpoint } from './rest.ts';
import { BinanceApiError } from './restErrors.ts';

/** The options exchange (eapi) shares Binance's port here, as VITE_BINANCE_OPTIONS_REST points both at it. */
export function optionEndpoints(options: OptionMarket, now: () => number): Record<string, BinanceEndpoint> {
  const unknownSymbol = () => new BinanceApiError(-1121, 'Invalid symbol.');
  const orAll = (params: { optionalString(name: string): string | undefined }, read: (symbol?: string) => unknown[] | null) => {
    options.step(now());
    const answer = read(params.optionalString('symbol'));
    if (!answer) throw unknownSymbol();
    return answer;
  };
  return {
    '/eapi/v1/ping': { weight: () => 1, handle: () => ({}) },
    '/eapi/v1/time': { weight: () => 1, handle: () => ({ serverTime: now() }) },
    '/eapi/v1/exchangeInfo': { weight: () => 1, handle: () => options.binance.exchangeInfo(now()) },
    '/eapi/v1/mark': { weight: () => 5, handle: (params) => orAll(params, (symbol) => options.binance.markRest(symbol)) },
    '/eapi/v1/ticker': { weight: () => 5, handle: (params) => orAll(params, (symbol) => options.binance.tickerRest(symbol)) },
    '/eapi/v1/index': {
      weight: () => 1,
      handle: (params) => {
        const index = options.binance.indexRest(params.requiredString('underlying'), now());
        if (!index) throw unknownSymbol();
        return index;
      },
    },
  };
}
