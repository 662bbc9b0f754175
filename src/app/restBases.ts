import { endpoints, okxRegionEndpoints } from '../config/buildEndpoints';
import type { RestBases } from '../feeds/chartHistory';
import { useOkxRegionStore } from '../store/okxRegionStore';

/** Read at each load, so a retry after the trader switched OKX region asks the new region's host. */
export const restBases = (): RestBases => ({
  binance: endpoints.VITE_BINANCE_FUTURES_REST,
  okx: okxRegionEndpoints(useOkxRegionStore.getState().region).rest,
});
