import { DEFAULT_OKX_REGION, isOkxRegion, type OkxRegion } from '../domain/okxRegion';

const STORAGE_KEY = 'funding-desk.okx-region';

/** The stored OKX region; nothing stored, an unknown value or an unreadable storage is Global. */
export function readOkxRegion(storage: Pick<Storage, 'getItem'> | null): OkxRegion {
  try {
    const stored = storage?.getItem(STORAGE_KEY);
    return isOkxRegion(stored) ? stored : DEFAULT_OKX_REGION;
  } catch {
    return DEFAULT_OKX_REGION;
  }
}

/** Keeps the choice for the next visit; where storage refuses it, the choice still holds until the page closes. */
export function writeOkxRegion(storage: Pick<Storage, 'setItem'> | null, region: OkxRegion): void {
  try {
    storage?.setItem(STORAGE_KEY, region);
  } catch {
    // A full or blocked storage only loses the choice for later visits.
  }
}
