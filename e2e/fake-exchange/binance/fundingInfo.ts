import { fixed } from '../core/format.ts';
import { hashSeed, mulberry32, pick } from '../core/prng.ts';
import { generatedCoins } from '../markets/coins.ts';
import type { Instrument } from '../markets/instrument.ts';
import type { Market } from '../markets/market.ts';

const DECIMALS = 8;
const DAY_MS = 86_400_000;
/** The live list holds 805 rows, more than the symbols listed: these are symbols the fake does not list. */
const UNLISTED_ROWS = 285;
/** A symbol the live list carries that is not ASCII (Binance Life, 4 h). */
const NON_ASCII_SYMBOL = '币安人生USDT';

export interface FundingInfoRow {
  symbol: string;
  adjustedFundingRateCap: string;
  adjustedFundingRateFloor: string;
  fundingIntervalHours: number;
  disclaimer: boolean;
  /** When its settings last changed (an interval change's time); null on rows never adjusted (BTCUSDT live). */
  updateTime: number | null;
}

/**
 * `GET /fapi/v1/fundingInfo` as the live venue answers it: every perpetual whose settings exist
 * there, 8 h ones included, COIN-M symbols too (the streams carry them), and symbols not listed
 * at all. A symbol missing from it is 8 h.
 */
export class FundingInfo {
  private readonly unlisted: FundingInfoRow[];

  constructor(private readonly market: Market) {
    this.unlisted = unlistedRows(market);
  }

  rows(): FundingInfoRow[] {
    const listed = this.market.binance.filter((instrument) => instrument.funding).map(listedRow);
    return [...listed, ...this.unlisted];
  }
}

/** Unadjusted rows print their cap with 5 decimals (BTCUSDT's "0.00300"), adjusted ones with 8. */
function listedRow(instrument: Instrument): FundingInfoRow {
  const funding = instrument.funding!;
  const decimals = funding.adjusted ? DECIMALS : 5;
  return {
    symbol: instrument.symbol,
    adjustedFundingRateCap: fixed(funding.cap, decimals),
    adjustedFundingRateFloor: fixed(funding.floor, decimals),
    fundingIntervalHours: funding.intervalHours,
    disclaimer: !funding.adjusted,
    updateTime: funding.intervalChange?.at ?? (funding.adjusted ? instrument.onboardTime : null),
  };
}

function unlistedRows(market: Market): FundingInfoRow[] {
  const random = mulberry32(hashSeed(market.seed, 'unlisted funding info'));
  const taken = new Set(market.coins.map((coin) => coin.name));
  const row = (symbol: string, hours: number): FundingInfoRow => {
    const cap = hours === 8 ? 0.02 : hours === 4 ? 0.02 : 0.01;
    return {
      symbol,
      adjustedFundingRateCap: fixed(cap, DECIMALS),
      adjustedFundingRateFloor: fixed(-cap, DECIMALS),
      fundingIntervalHours: hours,
      disclaimer: false,
      updateTime: market.startTime - Math.floor((30 + random() * 700) * DAY_MS),
    };
  };
  const names = generatedCoins(random, UNLISTED_ROWS - 1, taken).map((coin) => `${coin.name}USDT`);
  return [row(NON_ASCII_SYMBOL, 4), ...names.map((symbol) => row(symbol, pick(random, [8, 8, 4, 4, 1])))];
}
