/**
 * How this fake's OKX gives out its swap and option lists, switched by the control API (POST /okx-instruments)
 * and restored by POST /reset.
 */
export interface OkxListModes {
  /**
   * What the `instruments` channel (SWAP and OPTION) sends on subscribe: nothing, only later changes,
   * as OKX's current docs describe (`changes`, the default); or the whole list, as older docs did (`full`).
   */
  channelOnSubscribe: 'changes' | 'full';
  /**
   * `refused`: `GET /api/v5/public/instruments` (SWAP and OPTION) and `/underlying` answer HTTP 403,
   * as a blocked path would.
   */
  rest: 'served' | 'refused';
}

export function defaultListModes(): OkxListModes {
  return { channelOnSubscribe: 'changes', rest: 'served' };
}
