import type { OkxRegion } from '../domain/okxRegion';
import { useOkxRegionStore } from '../store/okxRegionStore';
import { browserStorage } from './browserStorage';
import { readOkxRegion, writeOkxRegion } from './okxRegionStorage';
import { restartIngestWorker } from './workerClient';

/** Switches the OKX feeds to a region's hosts and keeps the choice for the next visit. */
export function chooseOkxRegion(region: OkxRegion): void {
  if (useOkxRegionStore.getState().region === region) return;
  writeOkxRegion(browserStorage(), region);
  useOkxRegionStore.setState({ region });
  restartIngestWorker('okx');
}

/** The region chosen on an earlier visit; called at boot, before any worker starts. */
export function restoreOkxRegion(): void {
  useOkxRegionStore.setState({ region: readOkxRegion(browserStorage()) });
}
