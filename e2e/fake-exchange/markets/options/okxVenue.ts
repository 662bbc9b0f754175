import type { ListedOption, OptionChain } from './chain.ts';
import { Memo } from './memo.ts';
import { familyName, instrumentInfo, markPriceItem, optSummaryItem, tickerItem } from './okxPayloads.ts';
import type { OkxFamily } from './underlyings.ts';

interface OkxBook {
  family: OkxFamily;
  chain: OptionChain;
  summary: Memo<unknown[]>;
  instruments: Memo<object[]>;
}

/**
 * OKX's option bodies over one chain per instrument family. Methods that take `now` first move the
 * market to it (`advance`).
 */
export class OkxOptionVenue {
  private readonly books = new Map<string, OkxBook>();

  constructor(
    entries: ReadonlyArray<{ family: OkxFamily; chain: OptionChain }>,
    private readonly advance: (now: number) => void,
  ) {
    for (const { family, chain } of entries) {
      this.books.set(familyName(family), { family, chain, summary: new Memo(), instruments: new Memo() });
    }
  }

  families(): string[] {
    return [...this.books.keys()];
  }

  instruments(family?: string): unknown[] {
    const books = family === undefined ? [...this.books.values()] : [this.books.get(family)].filter((book) => !!book);
    return books.flatMap((book) =>
      book.instruments.get(book.chain.listingVersion, 0, () =>
        book.chain.listed().map((option) => instrumentInfo(option, book.family)),
      ),
    );
  }

  hasInstrument(instId: string): boolean {
    return this.bookOf(instId)?.chain.isListed(instId) ?? false;
  }

  optSummary(family: string, now: number): unknown[] | null {
    const book = this.books.get(family);
    if (!book) return null;
    this.advance(now);
    const options = book.chain.quoted();
    // A frozen option drops out of every channel: the venue has nothing new on it.
    return book.summary.get(book.chain.quoteVersion, now, () =>
      options.filter((option) => !book.chain.isFrozen(option.symbol)).map((option) => optSummaryItem(option, book.family, now)),
    );
  }

  markPrice(instId: string, now: number): unknown | null {
    this.advance(now);
    const chain = this.bookOf(instId)?.chain;
    const option = chain?.find(instId);
    return option && !chain!.isFrozen(instId) ? markPriceItem(option, now) : null;
  }

  ticker(instId: string, now: number): unknown | null {
    this.advance(now);
    const book = this.bookOf(instId);
    const option: ListedOption | undefined = book?.chain.find(instId);
    return book && option && !book.chain.isFrozen(instId) ? tickerItem(option, book.family, now) : null;
  }

  /** BTC-USD-261127-95000-C belongs to family BTC-USD. */
  private bookOf(instId: string): OkxBook | undefined {
    return this.books.get(instId.split('-', 2).join('-'));
  }
}
