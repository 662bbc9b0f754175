import type { Endpoint } from '../../connection/connectionHub';
import { DEFAULT_BACKOFF } from '../../connection/backoff';
import { startRestSource, type FetchOutcome } from '../../connection/restSource';
import type { ParseResult } from '../../domain/perpEvents';
import type { PerpFeedDeps } from '../perpFeedDeps';
import type { OkxArg } from './okxProtocol';

/** New listings reach a page whose instruments channel is silent this late at most. */
const INSTRUMENTS_REFRESH_MS = 5 * 60_000;

/**
 * `complete`: `instruments` is OKX's whole list (a REST answer): instruments it does not name are gone.
 * Otherwise they are changes (channel pushes), which say nothing of the instruments they leave out.
 */
export type InstrumentListListener<Instrument> = (instruments: Instrument[], complete: boolean) => void;

/** What one instrument type's list needs: its channel's parser, its REST load and its notice. */
export interface InstrumentListSpec<Instrument> {
  instType: 'SWAP' | 'OPTION';
  parseChanges: (payload: unknown) => ParseResult<Instrument>;
  /** OKX's whole list of this type over REST; a failure when the answer is not a usable list. */
  loadList: (fetchImpl: typeof fetch) => Promise<FetchOutcome<ParseResult<Instrument>>>;
  /** The source notice shown while the REST list fails: which source, and what the page makes do with. */
  id: string;
  label: string;
  fallback: string;
}

/** What a list needs from a feed's deps (perpetual and option feeds both have it). */
export type InstrumentListDeps = Pick<PerpFeedDeps, 'hub' | 'fetch' | 'scheduler' | 'random' | 'reportSource'> & {
  ingest: Pick<PerpFeedDeps['ingest'], 'reject'>;
};

export interface InstrumentList {
  /** Loads the whole list again now (after a reconnect, when channel changes may have been missed). */
  reload(): void;
  stop(): void;
}

/**
 * Which instruments of one type OKX lists, from either of two sources, so that each one alone
 * keeps the page going: `GET /api/v5/public/instruments` gives the whole list (refreshed every few
 * minutes) and the `instruments` channel gives changes as they happen. The channel is not relied
 * on for a full list on subscribe (OKX's current docs promise only changes); if it sends one, its
 * instruments are taken like any change.
 */
export function startInstrumentList<Instrument>(
  deps: InstrumentListDeps,
  endpoint: Endpoint<OkxArg>,
  spec: InstrumentListSpec<Instrument>,
  onList: InstrumentListListener<Instrument>,
): InstrumentList {
  const { hub, ingest } = deps;
  /** Channel changes that arrived while a REST answer was on its way: newer than it, so applied after it. */
  let changesDuringLoad: Instrument[] | null = null;

  const stopChannel = hub.subscribe(endpoint, [{ channel: 'instruments', instType: spec.instType }], (payload) => {
    const { events, rejected } = spec.parseChanges(payload);
    ingest.reject('okx', rejected);
    changesDuringLoad?.push(...events);
    if (events.length > 0) onList(events, false);
  });

  const startRest = (): (() => void) =>
    startRestSource<Instrument[]>({
      fetch: deps.fetch,
      scheduler: deps.scheduler,
      random: deps.random,
      backoff: { ...DEFAULT_BACKOFF, capMs: 5 * 60_000 },
      refreshMs: INSTRUMENTS_REFRESH_MS,
      load: async (fetchImpl) => {
        changesDuringLoad = [];
        const outcome = await spec.loadList(fetchImpl);
        if (!outcome.ok) {
          changesDuringLoad = null;
          return outcome;
        }
        ingest.reject('okx', outcome.value.rejected);
        return { ok: true, value: outcome.value.events };
      },
      onValue: (instruments) => {
        const newer = changesDuringLoad ?? [];
        changesDuringLoad = null;
        onList([...instruments, ...newer], true);
      },
      onState: (state) =>
        deps.reportSource({ id: spec.id, exchange: 'okx', label: spec.label, fallback: spec.fallback, ...state }),
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
