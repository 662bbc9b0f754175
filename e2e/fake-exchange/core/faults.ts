/** Which traffic a refusal applies to: everything, REST calls only, or WebSocket upgrades only. */
export type RefuseScope = 'all' | 'rest' | 'ws';

export const REFUSE_SCOPES: readonly RefuseScope[] = ['all', 'rest', 'ws'];

export function isRefuseScope(value: string): value is RefuseScope {
  return (REFUSE_SCOPES as readonly string[]).includes(value);
}

/**
 * Whether REST answers carry CORS headers: `allowed` (the default), `none` (answers as usual,
 * without them), `blocked-451` (every call answered 451 without them, as a blocked region's edge does).
 */
export type CorsMode = 'allowed' | 'none' | 'blocked-451';

export const CORS_MODES: readonly CorsMode[] = ['allowed', 'none', 'blocked-451'];

export function isCorsMode(value: string): value is CorsMode {
  return (CORS_MODES as readonly string[]).includes(value);
}

/** Funding history answered for `pages` pages per instrument, then refused as over the rate limit; `served` counts them. */
export interface FundingHistoryCut {
  pages: number;
  served: Record<string, number>;
}

/** Faults the control API switches on per exchange. Servers consult these on every send and upgrade. */
export interface ExchangeFaults {
  /** HTTP status answered to new WebSocket upgrades and/or REST calls (geo-block), or null. */
  refuseStatus: number | null;
  /** What refuseStatus applies to: a REST-only block is what a CORS or proxy failure looks like to the page. */
  refuseScope: RefuseScope;
  /** Black hole: sockets stay open, nothing at all is sent (no pushes, acks or pongs). */
  stalled: boolean;
  cors: CorsMode;
  /** OKX only: funding-rate-history cut after some pages, or null. */
  fundingHistoryCut: FundingHistoryCut | null;
}

export function noFaults(): ExchangeFaults {
  return { refuseStatus: null, refuseScope: 'all', stalled: false, cors: 'allowed', fundingHistoryCut: null };
}

/** The status to answer a REST call with, or null to serve it. */
export function restRefusal(faults: ExchangeFaults): number | null {
  if (faults.cors === 'blocked-451') return 451;
  return faults.refuseScope === 'ws' ? null : faults.refuseStatus;
}

/** The status to answer a WebSocket upgrade with, or null to accept it. */
export function upgradeRefusal(faults: ExchangeFaults): number | null {
  return faults.refuseScope === 'rest' ? null : faults.refuseStatus;
}
