import type { OkxRegion } from '../domain/okxRegion';
import { browserStorage, useOkxRegionStore, writeOkxRegion } from '../store/okxRegionStore';
import { restartIngestWorker } from './workerClient';

/** Switches the OKX feeds to a region's hosts and keeps the choice for the next visit. */
export function chooseOkxRegion(region: OkxRegion): void {
  if (useOkxRegionStore.getState().region === region) return;
  writeOkxRegion(browserStorage(), region);
  useOkxRegionStore.setState({ region });
  restartIngestWorker('okx');
}
