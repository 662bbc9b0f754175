import { tickSize } from '../core/format.ts';
import { hashSeed } from '../core/prng.ts';
import type { Instrument } from '../markets/instrument.ts';
import { deliverySuffix, quarterlyExpiries } from '../markets/quarterlies.ts';

/** The coins whose quarterlies this fake lists, with their contract sizes on OKX. */
const DATED_COINS: ReadonlyArray<{ coin: string; inverseUsd: string; linearCoin: string }> = [
  { coin: 'BTC', inverseUsd: '100', linearCoin: '0.01' },
  { coin: 'ETH', inverseUsd: '10', linearCoin: '0.1' },
];
const ALIASES = ['quarter', 'next_quarter'] as const;
/** A quarterly is listed about three quarters before it delivers. */
const LISTING_LEAD_MS = 273 * 86_400_000;

/**
 * OKX's dated futures (instType FUTURES) in the live shape of 2026-09-25: per coin the inverse
 * `BTC-USD-YYMMDD` (coin-settled, 100 USD a contract) and the linear `BTC-USD_UM-YYMMDD` (sized in
 * the coin, settled in USD); OKX lists no `BTC-USDT-YYMMDD`. Only the two quarterlies, delivering on
 * the last Friday of the quarter at 08:00 UTC; their marks are `futures.ts`'s.
 * `swapOf` gives a coin's USDT swap, whose tick the futures share.
 */
export function futuresInstruments(now: number, swapOf: (coin: string) => Instrument | undefined): Record<string, unknown>[] {
  const expiries = quarterlyExpiries(now);
  return DATED_COINS.flatMap(({ coin, inverseUsd, linearCoin }) => {
    const swap = swapOf(coin);
    if (!swap) return [];
    return expiries.flatMap((expiry, rank) => [
      datedRecord({ coin, expiry, alias: ALIASES[rank]!, tick: tickSize(swap.priceDecimals), inverse: true, contractValue: inverseUsd }),
      datedRecord({ coin, expiry, alias: ALIASES[rank]!, tick: tickSize(swap.priceDecimals), inverse: false, contractValue: linearCoin }),
    ]);
  });
}

interface DatedTerms {
  coin: string;
  expiry: number;
  alias: string;
  tick: string;
  inverse: boolean;
  contractValue: string;
}

function datedRecord({ coin, expiry, alias, tick, inverse, contractValue }: DatedTerms): Record<string, unknown> {
  const family = inverse ? `${coin}-USD` : `${coin}-USD_UM`;
  const instId = `${family}-${deliverySuffix(expiry)}`;
  const lot = inverse ? '0.1' : '0.01';
  return {
    alias,
    auctionEndTime: '',
    baseCcy: '',
    category: '1',
    contTdSwTime: '',
    ctMult: '1',
    ctType: inverse ? 'inverse' : 'linear',
    ctVal: contractValue,
    ctValCcy: inverse ? 'USD' : coin,
    expTime: String(expiry),
    floatPxLmtPct: inverse ? '0.01' : '0.02',
    freq: '',
    futureSettlement: inverse,
    groupId: '5',
    initPxLmtPct: '0.05',
    instCategory: '1',
    instFamily: family,
    instId,
    instIdCode: hashSeed('instIdCode', instId) % 1_000_000,
    instType: 'FUTURES',
    lever: '20',
    listTime: String(expiry - LISTING_LEAD_MS),
    longPosRemainingQuota: '',
    lotSz: lot,
    maxIcebergSz: '1000000.0000000000000000',
    maxLmtAmt: '20000000',
    maxLmtSz: '1000000',
    maxMktAmt: '',
    maxMktSz: inverse ? '10000' : '3000',
    maxPlatOICoinLmt: '',
    maxPlatOILmt: '',
    maxPxLmtPct: inverse ? '0.05' : '0.1',
    maxStopSz: inverse ? '10000' : '3000',
    maxTriggerSz: '1000000.0000000000000000',
    maxTwapSz: '1000000.0000000000000000',
    method: '',
    minSz: lot,
    openType: '',
    optType: '',
    posLmtAmt: '200000000',
    posLmtPct: '25',
    preMktSwTime: '',
    quoteCcy: '',
    rpiMinLevel: '2',
    rpiMinPxBand: '20',
    ruleType: 'normal',
    seriesId: '',
    settleCcy: inverse ? coin : 'USD',
    shortPosRemainingQuota: '',
    state: 'live',
    stk: '',
    tickSz: tick,
    tradeQuoteCcyList: [],
    uly: `${coin}-USD`,
    upcChg: [],
  };
}
