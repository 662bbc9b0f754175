import { createConnectionHub } from '../connection/connectionHub';
import { webSocketFactory } from '../connection/socketFactory';
import { endpoints } from '../config/endpoints';
import { binanceMarketEndpoint } from '../feeds/binance/endpoints';
import { okxEndpoint } from '../feeds/okx/endpoints';
import { useConnectionStatusStore } from '../store/connectionStatusStore';

/** The page's single connection hub: every socket of the app goes through it. */
export const hub = createConnectionHub({
  sockets: webSocketFactory(WebSocket),
  onStatus: (status) => useConnectionStatusStore.getState().setStatus(status),
  onProblem: (exchange, kind, detail) => console.warn(`[${exchange}] ${kind}: ${detail}`),
});

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
