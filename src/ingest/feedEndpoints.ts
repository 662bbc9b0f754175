import type { Endpoint } from '../connection/connectionHub';
import { endpoints, okxRegionEndpoints } from '../config/buildEndpoints';
import type { OkxRegion } from '../domain/okxRegion';
import { binanceMarketEndpoint } from '../feeds/binance/binanceEndpoint';
import type { BinanceStream } from '../feeds/binance/binanceProtocol';
import { okxEndpoint } from '../feeds/okx/okxEndpoint';
import type { OkxArg } from '../feeds/okx/okxProtocol';

/** Where an ingest worker's feeds connect: the sockets and the REST bases they load from. */
export interface FeedEndpoints {
  binanceFutures: Endpoint<BinanceStream>;
  binanceFuturesRest: string;
  binanceOptions: Endpoint<BinanceStream>;
  binanceOptionsRest: string;
  okxPublic: Endpoint<OkxArg>;
  okxBusiness: Endpoint<OkxArg>;
  okxRest: string;
}

/** The build-time endpoints, OKX's those of the region the page chose. */
export function feedEndpoints(okxRegion: OkxRegion): FeedEndpoints {
  const okx = okxRegionEndpoints(okxRegion);
  return {
    binanceFutures: binanceMarketEndpoint(endpoints.VITE_BINANCE_FUTURES_WS, endpoints.VITE_BINANCE_FUTURES_REST, '/fapi/v1/ping'),
    binanceFuturesRest: endpoints.VITE_BINANCE_FUTURES_REST,
    binanceOptions: binanceMarketEndpoint(endpoints.VITE_BINANCE_OPTIONS_WS, endpoints.VITE_BINANCE_OPTIONS_REST, '/eapi/v1/time'),
    binanceOptionsRest: endpoints.VITE_BINANCE_OPTIONS_REST,
    okxPublic: okxEndpoint('public', okx.publicWs, okx.rest),
    okxBusiness: okxEndpoint('business', okx.businessWs, okx.rest),
    okxRest: okx.rest,
  };
}
