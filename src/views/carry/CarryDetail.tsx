import { Link } from 'react-router';
import { carryLegOf, carryQuote, type CarryLeg } from '../../domain/carry';
import type { CarrySettings } from '../../domain/carrySettings';
import { EXCHANGE_LABEL } from '../../domain/exchange';
import type { PerpRow } from '../../domain/perp';
import { useNow } from '../../hooks/useNow';
import { useOrderBook } from '../../hooks/useOrderBook';
import type { BookState } from '../../app/orderBooks';
import { formatAge } from '../shell/formatAge';
import { CostBreakdown } from './CostBreakdown';
import { PairHistoryPanel } from './PairHistoryPanel';
import { RevertCase } from './RevertCase';
import type { CarryRow } from './carryRows';

function withBook(leg: CarryLeg | null, book: BookState): CarryLeg | null {
  return leg && { ...leg, book: book.book };
}

function BookStatus({ leg, book, now }: { leg: PerpRow; book: BookState; now: number }) {
  const name = `${EXCHANGE_LABEL[leg.exchange]} ${leg.symbol}`;
  if (book.state === 'loading') return <li>{name}: book loading…</li>;
  if (!book.book) return <li>{name}: book unavailable ({book.detail ?? 'no answer'}), so slippage is unknown</li>;
  const age = book.fetchedAt === null ? '' : `, fetched ${formatAge(now - book.fetchedAt)} ago`;
  return (
    <li>
      {name}: {book.book.bids.length} bid and {book.book.asks.length} ask levels{age}
      {book.detail && ` (the last refresh failed: ${book.detail})`}
    </li>
  );
}

/** The pair inspected: its round trip at the trader's size, with slippage walked through both legs' live books, and both legs' funding history. */
export function CarryDetail({ row, settings, onClose }: { row: CarryRow; settings: CarrySettings; onClose: () => void }) {
  const now = useNow();
  const longBook = useOrderBook(row.long);
  const shortBook = useOrderBook(row.short);
  const long = withBook(row.long && carryLegOf(row.long), longBook);
  const short = withBook(row.short && carryLegOf(row.short), shortBook);
  const title =
    row.long && row.short
      ? `${row.coin}: long ${EXCHANGE_LABEL[row.long.exchange]} ${row.long.symbol}, short ${EXCHANGE_LABEL[row.short.exchange]} ${row.short.symbol}`
      : `${row.coin}: Binance ${row.binance.symbol} and OKX ${row.okx.symbol}`;
  return (
    <section className="carry-detail" aria-labelledby="carry-detail-title">
      <header>
        <h2 id="carry-detail-title">{title}</h2>
        <Link to={`/charts/binance/${encodeURIComponent(row.binance.symbol)}?compare=1`}>Compare both premiums</Link>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </header>
      {long && short && row.long && row.short ? (
        <>
          <div className="carry-detail-parts">
            <CostBreakdown quote={carryQuote(long, short, settings)} settings={settings} label="Cost breakdown" />
            <RevertCase longRow={row.long} shortRow={row.short} long={long} short={short} settings={settings} now={now} />
          </div>
          <PairHistoryPanel coin={row.coin} long={row.long} short={row.short} stats={row.history} now={now} />
          <ul className="book-status" aria-label="Order books">
            <BookStatus leg={row.long} book={longBook} now={now} />
            <BookStatus leg={row.short} book={shortBook} now={now} />
          </ul>
        </>
      ) : (
        <p className="empty-state">Both legs’ funding rates and intervals are needed to price this pair; one of them has not arrived yet.</p>
      )}
    </section>
  );
}
