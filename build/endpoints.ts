/**
 * The build-time endpoint settings shared by the app (through import.meta.env),
 * the CSP generator and the test/demo launchers. Names are a public contract:
 * tools and tests set exactly these variables.
 */
export const ENDPOINT_DEFAULTS = {
  VITE_BINANCE_FUTURES_WS: 'wss://fstream.binance.com/market',
  VITE_BINANCE_FUTURES_REST: 'https://fapi.binance.com',
  VITE_BINANCE_OPTIONS_WS: 'wss://fstream.binance.com/market',
  VITE_BINANCE_OPTIONS_REST: 'https://eapi.binance.com',
  VITE_OKX_WS: 'wss://ws.okx.com:8443/ws/v5/public',
  VITE_OKX_BUSINESS_WS: 'wss://ws.okx.com:8443/ws/v5/business',
  VITE_OKX_REST: 'https://www.okx.com',
} as const;

export type EndpointName = keyof typeof ENDPOINT_DEFAULTS;
export type Endpoints = Record<EndpointName, string>;

export const ENDPOINT_NAMES = Object.keys(ENDPOINT_DEFAULTS) as EndpointName[];

const ALLOWED_PROTOCOLS = new Set(['ws:', 'wss:', 'http:', 'https:']);

/** Reads the endpoints from an env map, falling back to the live defaults; rejects anything that is not a plain ws/http URL. */
export function resolveEndpoints(env: Record<string, string | undefined>): Endpoints {
  const resolved = {} as Endpoints;
  for (const name of ENDPOINT_NAMES) {
    const value = env[name]?.trim() || ENDPOINT_DEFAULTS[name];
    const url = new URL(value);
    if (!ALLOWED_PROTOCOLS.has(url.protocol)) {
      throw new Error(`${name}=${value}: only ws, wss, http and https endpoints are allowed`);
    }
    resolved[name] = value.replace(/\/+$/, '');
  }
  return resolved;
}

/** The distinct origins (scheme://host:port) the page may connect to. */
export function endpointOrigins(endpoints: Endpoints): string[] {
  return [...new Set(ENDPOINT_NAMES.map((name) => new URL(endpoints[name]).origin))].sort();
}
