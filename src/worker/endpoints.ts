import { endpoints } from '../config/endpoints';
import { binanceMarketEndpoint } from '../feeds/binance/endpoints';
import { okxEndpoint } from '../feeds/okx/endpoints';

/** The socket endpoints the ingest workers connect to, from build-time configuration. */
export const appEndpoints = {
  binanceFutures: binanceMarketEndpoint(
    endpoints.VITE_BINANCE_FUTURES_WS,
    endpoints.VITE_BINANCE_FUTURES_REST,
    '/fapi/v1/ping',
  ),
  binanceOptions: binanceMarketEndpoint(
    endpoints.VITE_BINANCE_OPTIONS_WS,
    endpoints.VITE_BINANCE_OPTIONS_REST,
    '/eapi/v1/time',
  ),
  okxPublic: okxEndpoint('public', endpoints.VITE_OKX_WS, endpoints.VITE_OKX_REST),
  okxBusiness: okxEndpoint('business', endpoints.VITE_OKX_BUSINESS_WS, endpoints.VITE_OKX_REST),
};
