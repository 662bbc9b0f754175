import type { EndpointName } from '../../build/endpointSettings';
import type { OkxRegion } from '../domain/okxRegion';

/** Endpoints fixed at build time (vite.config.ts defines them from env, defaulting to the live exchanges). */
export const endpoints: Record<EndpointName, string> = {
  VITE_BINANCE_FUTURES_WS: import.meta.env.VITE_BINANCE_FUTURES_WS,
  VITE_BINANCE_FUTURES_REST: import.meta.env.VITE_BINANCE_FUTURES_REST,
  VITE_BINANCE_OPTIONS_WS: import.meta.env.VITE_BINANCE_OPTIONS_WS,
  VITE_BINANCE_OPTIONS_REST: import.meta.env.VITE_BINANCE_OPTIONS_REST,
  VITE_OKX_WS: import.meta.env.VITE_OKX_WS,
  VITE_OKX_BUSINESS_WS: import.meta.env.VITE_OKX_BUSINESS_WS,
  VITE_OKX_REST: import.meta.env.VITE_OKX_REST,
  VITE_OKX_EEA_WS: import.meta.env.VITE_OKX_EEA_WS,
  VITE_OKX_EEA_BUSINESS_WS: import.meta.env.VITE_OKX_EEA_BUSINESS_WS,
  VITE_OKX_EEA_REST: import.meta.env.VITE_OKX_EEA_REST,
  VITE_OKX_US_WS: import.meta.env.VITE_OKX_US_WS,
  VITE_OKX_US_BUSINESS_WS: import.meta.env.VITE_OKX_US_BUSINESS_WS,
  VITE_OKX_US_REST: import.meta.env.VITE_OKX_US_REST,
};

export interface OkxRegionEndpoints {
  publicWs: string;
  businessWs: string;
  rest: string;
}

/** One OKX region's configured hosts. */
export function okxRegionEndpoints(region: OkxRegion): OkxRegionEndpoints {
  switch (region) {
    case 'global':
      return { publicWs: endpoints.VITE_OKX_WS, businessWs: endpoints.VITE_OKX_BUSINESS_WS, rest: endpoints.VITE_OKX_REST };
    case 'eea':
      return { publicWs: endpoints.VITE_OKX_EEA_WS, businessWs: endpoints.VITE_OKX_EEA_BUSINESS_WS, rest: endpoints.VITE_OKX_EEA_REST };
    case 'us':
      return { publicWs: endpoints.VITE_OKX_US_WS, businessWs: endpoints.VITE_OKX_US_BUSINESS_WS, rest: endpoints.VITE_OKX_US_REST };
  }
}
