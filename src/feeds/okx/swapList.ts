import type { Endpoint } from '../../connection/connectionHub';
import { DEFAULT_BACKOFF } from '../../connection/backoff';
import { getJson, startRestSource } from '../../connection/restSource';
import type { PerpInstrumentEvent } from '../../domain/perpEvents';
import type { PerpFeedDeps } from '../perpFeedDeps';
import { parseSwapInstruments, parseSwapInstrumentsResponse } from './parse';
import type { OkxArg } from './protocol';

/** New listings reach a page whose instruments channel is silent this late at most. */
const INSTRUMENTS_REFRESH_MS = 5 * 60_000;

/**
 * `complete`: `instruments` is OKX's whole list (a REST answer): swaps it does not name are gone.
 * Otherwise they are changes (channel pushes), which say nothing of the swaps they leave out.
 */
export type SwapListListener = (instruments: PerpInstrumentEvent[], complete: boolean) => void;

export interface SwapList {
  /** Loads the whole list again now (after a reconnect, when channel changes may have been missed). */
  reload(): void;
  stop(): void;
}

/**
 * Which swaps OKX lists, from either of two sources, so that each one alone keeps the screener
 * going: `GET /api/v5/public/instruments?instType=SWAP` gives the whole list (refreshed every few
 * minutes) and the `instruments` channel gives changes as they happen. The channel is not relied
 * on for a full list on subscribe (OKX's current docs promise only changes); if it sends one, its
 * swaps are taken like any change.
 */
export function startSwapList(deps: PerpFeedDeps, endpoint: Endpoint<OkxArg>, restBase: string, onList: SwapListListener): SwapList {
  const { hub, ingest } = deps;
  /** Channel changes that arrived while a REST answer was on its way: newer than it, so applied after it. */
  let changesDuringLoad: PerpInstrumentEvent[] | null = null;

  const stopChannel = hub.subscribe(endpoint, [{ channel: 'instruments', instType: 'SWAP' }], (payload) => {
    const { events, rejected } = parseSwapInstruments(payload);
    ingest.reject('okx', rejected);
    changesDuringLoad?.push(...events);
    if (events.length > 0) onList(events, false);
  });

  const startRest = (): (() => void) =>
    startRestSource<PerpInstrumentEvent[]>({
      fetch: deps.fetch,
      scheduler: deps.scheduler,
      random: deps.random,
      backoff: { ...DEFAULT_BACKOFF, capMs: 5 * 60_000 },
      refreshMs: INSTRUMENTS_REFRESH_MS,
      load: async (fetchImpl) => {
        changesDuringLoad = [];
        const response = await getJson(fetchImpl, `${restBase}/api/v5/public/instruments?instType=SWAP`);
        const parsed = response.ok ? parseSwapInstrumentsResponse(response.value) : null;
        // OKX always lists swaps: an empty list is a broken answer, not every swap delisted at once.
        if (!parsed || parsed.events.length === 0) {
          changesDuringLoad = null;
          return response.ok ? { ok: false, detail: 'unexpected response' } : response;
        }
        ingest.reject('okx', parsed.rejected);
        return { ok: true, value: parsed.events };
      },
      onValue: (instruments) => {
        const newer = changesDuringLoad ?? [];
        changesDuringLoad = null;
        onList([...instruments, ...newer], true);
      },
      onState: (state) =>
        deps.reportSource({
          id: 'okx:instruments',
          exchange: 'okx',
          label: 'OKX instrument list',
          fallback: "only the swaps OKX's funding rates or instruments channel name are listed",
          ...state,
        }),
    });

  let stopRest = startRest();
  return {
    reload() {
      stopRest();
      stopRest = startRest();
    },
    stop() {
      stopChannel();
      stopRest();
    },
  };
}
