import { DayStatsBook } from './dayStats.ts';
import { FundingHistory } from './fundingHistory.ts';
import { Market } from './market.ts';
import { OpenInterests } from './openInterests.ts';
import { OrderBooks } from './orderBooks.ts';
import { PriceHistory } from './priceHistory.ts';

/** The live market with everything derived from it that both exchanges serve. */
export interface MarketData {
  market: Market;
  prices: PriceHistory;
  funding: FundingHistory;
  dayStats: DayStatsBook;
  books: OrderBooks;
  openInterests: OpenInterests;
}

export function createMarketData(seed: number, now: () => number): MarketData {
  const market = new Market(seed, now);
  const prices = new PriceHistory(market, now);
  return {
    market,
    prices,
    funding: new FundingHistory(market, prices),
    dayStats: new DayStatsBook(prices, now),
    books: new OrderBooks(now),
    openInterests: new OpenInterests(now),
  };
}
