import { create } from 'zustand';
import { DEFAULT_OKX_REGION, type OkxRegion } from '../domain/okxRegion';

interface OkxRegionState {
  region: OkxRegion;
}

/** The OKX region the page connects to (src/app/okxRegion.ts restores and changes it). */
export const useOkxRegionStore = create<OkxRegionState>()(() => ({ region: DEFAULT_OKX_REGION }));
