import { DEFAULT_BACKOFF } from '../connection/backoff';
import { getJson, startRestSource, type FetchOutcome } from '../connection/restSource';
import { realScheduler } from '../connection/scheduler';
import { endpoints, okxRegionEndpoints } from '../config/buildEndpoints';
import type { OrderBook } from '../domain/bookWalk';
import type { PerpRow } from '../domain/perp';
import { depthUrl, parseDepth } from '../feeds/binance/depth';
import { booksUrl, parseBooks, parseContractValue, swapInstrumentUrl, type ContractValue } from '../feeds/okx/books';
import { useOkxRegionStore } from '../store/okxRegionStore';

/** A book is asked for again this often while its pair is inspected: slippage at size moves with the market, not tick by tick. */
const BOOK_REFRESH_MS = 5000;

export interface BookState {
  state: 'loading' | 'ok' | 'failed';
  book: OrderBook | null;
  /** Why it failed (or why it is retrying), as far as the page can tell. */
  detail: string | null;
  /** When the book shown was fetched (local ms). */
  fetchedAt: number | null;
}

/** COIN-M books are on Binance's delivery host, which the page neither calls nor lets through its CSP. */
export const COIN_MARGINED_BOOK_DETAIL = "Binance's coin-margined books are served by its COIN-M host, which this page does not call";

const contractValues = new Map<string, ContractValue>();

async function loadOkxBook(fetchImpl: typeof fetch, restBase: string, instId: string): Promise<FetchOutcome<OrderBook>> {
  let contract = contractValues.get(instId);
  if (!contract) {
    const response = await getJson(fetchImpl, swapInstrumentUrl(restBase, instId));
    if (!response.ok) return response;
    const parsed = parseContractValue(response.value);
    if (!parsed) return { ok: false, detail: 'unexpected instrument answer' };
    contract = parsed;
    contractValues.set(instId, contract);
  }
  const response = await getJson(fetchImpl, booksUrl(restBase, instId));
  if (!response.ok) return response;
  const book = parseBooks(response.value, contract);
  return book ? { ok: true, value: book } : { ok: false, detail: 'unexpected book answer' };
}

async function loadBinanceBook(fetchImpl: typeof fetch, symbol: string): Promise<FetchOutcome<OrderBook>> {
  const response = await getJson(fetchImpl, depthUrl(endpoints.VITE_BINANCE_FUTURES_REST, symbol));
  if (!response.ok) return response;
  const book = parseDepth(response.value);
  return book ? { ok: true, value: book } : { ok: false, detail: 'unexpected book answer' };
}

/** One leg's live book, fetched now and every BOOK_REFRESH_MS until stopped; failures retried with backoff and told. */
export function followOrderBook(leg: Pick<PerpRow, 'exchange' | 'symbol' | 'margin'>, onState: (state: BookState) => void): () => void {
  if (leg.exchange === 'binance' && leg.margin === 'inverse') {
    onState({ state: 'failed', book: null, detail: COIN_MARGINED_BOOK_DETAIL, fetchedAt: null });
    return () => undefined;
  }
  let shown: BookState = { state: 'loading', book: null, detail: null, fetchedAt: null };
  const tell = (next: BookState) => {
    shown = next;
    onState(next);
  };
  return startRestSource<OrderBook>({
    fetch: (input, init) => fetch(input, init),
    scheduler: realScheduler,
    random: Math.random,
    backoff: { ...DEFAULT_BACKOFF, capMs: 30_000 },
    refreshMs: BOOK_REFRESH_MS,
    load: (fetchImpl) =>
      leg.exchange === 'binance' ? loadBinanceBook(fetchImpl, leg.symbol) : loadOkxBook(fetchImpl, okxRegionEndpoints(useOkxRegionStore.getState().region).rest, leg.symbol),
    onValue: (book) => tell({ state: 'ok', book, detail: null, fetchedAt: Date.now() }),
    // A failed refresh keeps the last book on screen, with its age and the reason it is not newer.
    onState: ({ state, detail }) => {
      if (state === 'failed') tell({ ...shown, state: shown.book ? 'ok' : 'failed', detail });
    },
  });
}
