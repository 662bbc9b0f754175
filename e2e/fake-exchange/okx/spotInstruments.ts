import { tickSize } from '../core/format.ts';
import { hashSeed } from '../core/prng.ts';
import type { Instrument } from '../markets/instrument.ts';
import type { OkxIndex } from './indexes.ts';

/** Decimals of the smallest order: about one dollar's worth of the coin ("0.00001" BTC, "0.0001" ETH, as live). */
function minSizeDecimals(price: number): number {
  return Math.max(0, -Math.floor(Math.log10(1 / price)));
}

/**
 * A SPOT record in the live shape (BTC-USDT and ETH-USDT as OKX answered them on 2026-09-25): the
 * swap record's keys in OKX's alphabetical order, the contract fields empty, base and quote set.
 * `swap` is a swap on the same coin and quote, whose tick and listing the pair shares.
 */
export function spotInstrument(index: OkxIndex, swap: Instrument): Record<string, unknown> {
  const minDecimals = minSizeDecimals(index.coin.price);
  const maxSize = minDecimals >= 5 ? '9999999999' : '999999999999';
  return {
    alias: '',
    auctionEndTime: '',
    baseCcy: index.coin.name,
    category: '1',
    contTdSwTime: '',
    ctMult: '',
    ctType: '',
    ctVal: '',
    ctValCcy: '',
    expTime: '',
    floatPxLmtPct: '0.005',
    freq: '',
    futureSettlement: false,
    groupId: '12',
    initPxLmtPct: '',
    instCategory: '1',
    instFamily: '',
    instId: index.instId,
    instIdCode: hashSeed('instIdCode', index.instId) % 100_000,
    instType: 'SPOT',
    lever: index.quote === 'USD' ? '' : swap.quoteVolume > 1e8 ? '10' : '5',
    listTime: String(swap.onboardTime),
    longPosRemainingQuota: '',
    lotSz: tickSize(Math.min(8, minDecimals + 3)),
    maxIcebergSz: `${maxSize}.0000000000000000`,
    maxLmtAmt: '20000000',
    maxLmtSz: maxSize,
    maxMktAmt: '1000000',
    maxMktSz: '1000000',
    maxPlatOICoinLmt: '',
    maxPlatOILmt: '',
    maxPxLmtPct: '0.01',
    maxStopSz: '1000000',
    maxTriggerSz: `${maxSize}.0000000000000000`,
    maxTwapSz: `${maxSize}.0000000000000000`,
    method: '',
    minSz: tickSize(minDecimals),
    openType: 'fix_price',
    optType: '',
    posLmtAmt: '',
    posLmtPct: '',
    preMktSwTime: '',
    quoteCcy: index.quote,
    rpiMinLevel: '3',
    rpiMinPxBand: '20',
    ruleType: 'normal',
    seriesId: '',
    settleCcy: '',
    shortPosRemainingQuota: '',
    state: 'live',
    stk: '',
    tickSz: tickSize(swap.priceDecimals),
    tradeQuoteCcyList: [index.quote],
    uly: '',
    upcChg: [],
  };
}
