import {
  indexText,
  markPriceUpdate,
  markRestItem,
  optionContractInfo,
  optionSymbolInfo,
  tickerRestItem,
  underlyingSymbol,
} from './binancePayloads.ts';
import type { ListedOption, OptionChain } from './chain.ts';
import { Memo } from './memo.ts';
import type { BinanceUnderlying } from './underlyings.ts';

interface BinanceBook {
  spec: BinanceUnderlying;
  chain: OptionChain;
  stream: Memo<unknown[]>;
  symbols: Memo<object[]>;
}

const RATE_LIMITS = [
  { rateLimitType: 'REQUEST_WEIGHT', interval: 'MINUTE', intervalNum: 1, limit: 2400 },
  { rateLimitType: 'ORDERS', interval: 'MINUTE', intervalNum: 1, limit: 1200 },
  { rateLimitType: 'ORDERS', interval: 'SECOND', intervalNum: 10, limit: 300 },
];

/**
 * Binance's options bodies over one chain per underlying. Methods that take `now` first move the
 * market to it (`advance`), so a payload is never priced for a time the model has not reached.
 */
export class BinanceOptionVenue {
  private readonly books = new Map<string, BinanceBook>();
  private readonly allMarks = new Memo<unknown[]>();

  constructor(
    entries: ReadonlyArray<{ spec: BinanceUnderlying; chain: OptionChain }>,
    private readonly advance: (now: number) => void,
  ) {
    for (const { spec, chain } of entries) {
      this.books.set(underlyingSymbol(spec), { spec, chain, stream: new Memo(), symbols: new Memo() });
    }
  }

  underlyings(): string[] {
    return [...this.books.keys()];
  }

  exchangeInfo(now: number): unknown {
    this.advance(now);
    const books = [...this.books.values()];
    return {
      timezone: 'UTC',
      serverTime: now,
      optionContracts: books.map(({ spec }) => optionContractInfo(spec)),
      optionAssets: [{ name: 'USDT' }],
      optionSymbols: books.flatMap((book) =>
        book.symbols.get(book.chain.listingVersion, 0, () =>
          book.chain.listed().map((option) => optionSymbolInfo(option, book.spec)),
        ),
      ),
      rateLimits: RATE_LIMITS,
    };
  }

  markPriceStream(underlying: string, now: number): unknown[] | null {
    const book = this.books.get(underlying);
    if (!book) return null;
    this.advance(now);
    const options = book.chain.quoted();
    // A frozen option drops out of the push: the venue has nothing new on it.
    return book.stream.get(book.chain.quoteVersion, now, () =>
      options.filter((option) => !book.chain.isFrozen(option.symbol)).map((option) => markPriceUpdate(option, book.spec, book.chain.spot, now)),
    );
  }

  markRest(symbol?: string): unknown[] | null {
    if (symbol !== undefined) {
      const found = this.find(symbol);
      return found ? [markRestItem(found.option, found.book.spec)] : null;
    }
    const books = [...this.books.values()];
    const options = books.map((book) => book.chain.quoted());
    const version = books.reduce((sum, book) => sum + book.chain.quoteVersion, 0);
    return this.allMarks.get(version, 0, () =>
      books.flatMap((book, i) => options[i]!.map((option) => markRestItem(option, book.spec))),
    );
  }

  tickerRest(symbol?: string): unknown[] | null {
    if (symbol !== undefined) {
      const found = this.find(symbol);
      if (!found) return null;
      const { option, book } = found;
      return [tickerRestItem(option, book.spec, book.chain.spot, book.chain.now)];
    }
    return [...this.books.values()].flatMap((book) =>
      book.chain.quoted().map((option) => tickerRestItem(option, book.spec, book.chain.spot, book.chain.now)),
    );
  }

  indexRest(underlying: string, now: number): unknown | null {
    const book = this.books.get(underlying);
    if (!book) return null;
    this.advance(now);
    return { time: now, indexPrice: indexText(book.chain.spot) };
  }

  private find(symbol: string): { option: ListedOption; book: BinanceBook } | undefined {
    const book = this.books.get(`${symbol.split('-', 1)[0]}USDT`);
    const option = book?.chain.find(symbol);
    return book && option ? { option, book } : undefined;
  }
}
