/** Faults the control API switches on per exchange. Servers consult these on every send and upgrade. */
export interface ExchangeFaults {
  /** HTTP status answered to new WebSocket upgrades and REST calls (geo-block), or null. */
  refuseStatus: number | null;
  /** Black hole: sockets stay open, nothing at all is sent (no pushes, acks or pongs). */
  stalled: boolean;
}

export function noFaults(): ExchangeFaults {
  return { refuseStatus: null, stalled: false };
}
