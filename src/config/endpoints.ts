import type { EndpointName } from '../../build/endpoints';

/** Endpoints fixed at build time (vite.config.ts defines them from env, defaulting to the live exchanges). */
export const endpoints: Record<EndpointName, string> = {
  VITE_BINANCE_FUTURES_WS: import.meta.env.VITE_BINANCE_FUTURES_WS,
  VITE_BINANCE_FUTURES_REST: import.meta.env.VITE_BINANCE_FUTURES_REST,
  VITE_BINANCE_OPTIONS_WS: import.meta.env.VITE_BINANCE_OPTIONS_WS,
  VITE_BINANCE_OPTIONS_REST: import.meta.env.VITE_BINANCE_OPTIONS_REST,
  VITE_OKX_WS: import.meta.env.VITE_OKX_WS,
  VITE_OKX_BUSINESS_WS: import.meta.env.VITE_OKX_BUSINESS_WS,
  VITE_OKX_REST: import.meta.env.VITE_OKX_REST,
};
