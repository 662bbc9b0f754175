import type { Endpoint } from '../../connection/connectionHub';
import { binanceProtocol, type BinanceStream } from './binanceProtocol';

/**
 * Binance routes market-tier streams (mark price, tickers, option mark price) through `/market`.
 * Futures and options default to the same URL and then share sockets: the hub pools by id.
 */
export function binanceMarketEndpoint(wsBase: string, restBase: string, probePath: string): Endpoint<BinanceStream> {
  return {
    id: `binance ${wsBase}`,
    exchange: 'binance',
    url: wsBase,
    protocol: binanceProtocol,
    probeUrl: `${restBase}${probePath}`,
  };
}
