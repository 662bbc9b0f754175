/** Which traffic a refusal applies to: everything, REST calls only, or WebSocket upgrades only. */
export type RefuseScope = 'all' | 'rest' | 'ws';

export const REFUSE_SCOPES: readonly RefuseScope[] = ['all', 'rest', 'ws'];

export function isRefuseScope(value: string): value is RefuseScope {
  return (REFUSE_SCOPES as readonly string[]).includes(value);
}

/** Faults the control API switches on per exchange. Servers consult these on every send and upgrade. */
export interface ExchangeFaults {
  /** HTTP status answered to new WebSocket upgrades and/or REST calls (geo-block), or null. */
  refuseStatus: number | null;
  /** What refuseStatus applies to: a REST-only block is what a CORS or proxy failure looks like to the page. */
  refuseScope: RefuseScope;
  /** Black hole: sockets stay open, nothing at all is sent (no pushes, acks or pongs). */
  stalled: boolean;
}

export function noFaults(): ExchangeFaults {
  return { refuseStatus: null, refuseScope: 'all', stalled: false };
}

/** The status to answer a REST call with, or null to serve it. */
export function restRefusal(faults: ExchangeFaults): number | null {
  return faults.refuseScope === 'ws' ? null : faults.refuseStatus;
}

/** The status to answer a WebSocket upgrade with, or null to accept it. */
export function upgradeRefusal(faults: ExchangeFaults): number | null {
  return faults.refuseScope === 'rest' ? null : faults.refuseStatus;
}
