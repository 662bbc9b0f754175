/** OKX's regions, each answered on its own loopback port as the venue answers each on its own hosts. */
export const OKX_REGIONS = ['global', 'eea', 'us'] as const;
export type OkxRegion = (typeof OKX_REGIONS)[number];

/** A value per region. */
export function perRegion<Value>(make: (region: OkxRegion) => Value): Record<OkxRegion, Value> {
  return { global: make('global'), eea: make('eea'), us: make('us') };
}
