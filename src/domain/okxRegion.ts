/**
 * OKX serves accounts of each legal entity from its own hosts: Global (www / ws), the EEA
 * (eea / wseea) and the US and Australia (us / wsus). A trader picks the one their account is on.
 */
export const OKX_REGIONS = ['global', 'eea', 'us'] as const;
export type OkxRegion = (typeof OKX_REGIONS)[number];

export const DEFAULT_OKX_REGION: OkxRegion = 'global';

export const OKX_REGION_LABEL: Record<OkxRegion, string> = {
  global: 'Global',
  eea: 'EEA',
  us: 'US / AU',
};

export function isOkxRegion(value: unknown): value is OkxRegion {
  return OKX_REGIONS.some((region) => region === value);
}
