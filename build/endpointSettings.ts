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
  // OKX Global; EEA and US/AU accounts are served by their own hosts, which the page offers as regions.
  VITE_OKX_WS: 'wss://ws.okx.com:8443/ws/v5/public',
  VITE_OKX_BUSINESS_WS: 'wss://ws.okx.com:8443/ws/v5/business',
  VITE_OKX_REST: 'https://www.okx.com',
  VITE_OKX_EEA_WS: 'wss://wseea.okx.com:8443/ws/v5/public',
  VITE_OKX_EEA_BUSINESS_WS: 'wss://wseea.okx.com:8443/ws/v5/business',
  VITE_OKX_EEA_REST: 'https://eea.okx.com',
  VITE_OKX_US_WS: 'wss://wsus.okx.com:8443/ws/v5/public',
  VITE_OKX_US_BUSINESS_WS: 'wss://wsus.okx.com:8443/ws/v5/business',
  VITE_OKX_US_REST: 'https://us.okx.com',
} as const;

export type EndpointName = keyof typeof ENDPOINT_DEFAULTS;
export type Endpoints = Record<EndpointName, string>;

export const ENDPOINT_NAMES = Object.keys(ENDPOINT_DEFAULTS) as EndpointName[];

/** Sockets take ws/wss, REST bases http/https: a URL of the wrong kind could only fail at run time. */
function allowedProtocols(name: EndpointName): ReadonlySet<string> {
  return new Set(name.endsWith('_WS') ? ['ws:', 'wss:'] : ['http:', 'https:']);
}

/** Reads the endpoints from an env map, falling back to the live defaults; rejects anything that is not a plain ws/http URL of its kind. */
export function resolveEndpoints(env: Record<string, string | undefined>): Endpoints {
  const resolved = {} as Endpoints;
  for (const name of ENDPOINT_NAMES) {
    const value = env[name]?.trim() || ENDPOINT_DEFAULTS[name];
    if (!URL.canParse(value)) throw new Error(`${name}=${value}: not a URL`);
    const allowed = allowedProtocols(name);
    if (!allowed.has(new URL(value).protocol)) {
      throw new Error(`${name}=${value}: only ${[...allowed].map((protocol) => protocol.slice(0, -1)).join(' and ')} endpoints are allowed`);
    }
    resolved[name] = value.replace(/\/+$/, '');
  }
  return resolved;
}

/** The distinct origins (scheme://host:port) the page may connect to. */
export function endpointOrigins(endpoints: Endpoints): string[] {
  return [...new Set(ENDPOINT_NAMES.map((name) => new URL(endpoints[name]).origin))].sort();
}
