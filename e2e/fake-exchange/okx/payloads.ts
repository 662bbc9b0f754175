import { tickSize, trimmed } from '../core/format.ts';
import { hashSeed } from '../core/prng.ts';
import type { Instrument } from '../markets/instrument.ts';
import { sizeDecimals } from '../markets/orderUnits.ts';

/** OKX prints prices trimmed to the instrument's tick ("97012.3") and timestamps as strings. */
export function okxPrice(instrument: Instrument, value: number): string {
  return trimmed(value, instrument.priceDecimals);
}

/** A SWAP record in the live shape (real-payloads/okx-instruments-swap-entry.json): keys in OKX's alphabetical order. */
export function swapInstrument(instrument: Instrument): Record<string, unknown> {
  const inverse = instrument.quote === 'USD';
  const family = `${instrument.coin.name}-${instrument.quote}`;
  const lot = tickSize(sizeDecimals(instrument));
  return {
    alias: '',
    auctionEndTime: '',
    baseCcy: '',
    category: '1',
    contTdSwTime: String(instrument.onboardTime),
    ctMult: '1',
    ctType: inverse ? 'inverse' : 'linear',
    ctVal: trimmed(instrument.contractValue, 10),
    ctValCcy: inverse ? 'USD' : instrument.coin.name,
    expTime: '',
    floatPxLmtPct: '0.005',
    freq: '',
    futureSettlement: false,
    groupId: '4',
    initPxLmtPct: '0.02',
    instCategory: '1',
    instFamily: family,
    instId: instrument.symbol,
    instIdCode: hashSeed('instIdCode', instrument.symbol) % 100_000,
    instType: 'SWAP',
    lever: instrument.quoteVolume > 1e8 ? '100' : '50',
    listTime: String(instrument.onboardTime),
    longPosRemainingQuota: '',
    lotSz: lot,
    maxIcebergSz: '100000000.0000000000000000',
    maxLmtAmt: '20000000',
    maxLmtSz: '100000000',
    maxMktAmt: '',
    maxMktSz: '12000',
    maxPlatOICoinLmt: '',
    maxPlatOILmt: '',
    maxPxLmtPct: '0.01',
    maxStopSz: '12000',
    maxTriggerSz: '100000000.0000000000000000',
    maxTwapSz: '100000000.0000000000000000',
    method: '',
    minSz: lot,
    openType: 'call_auction',
    optType: '',
    posLmtAmt: '250000',
    posLmtPct: '30',
    preMktSwTime: '',
    quoteCcy: '',
    rpiMinLevel: '3',
    rpiMinPxBand: '20',
    ruleType: 'normal',
    seriesId: '',
    settleCcy: inverse ? instrument.coin.name : instrument.quote,
    shortPosRemainingQuota: '',
    state: 'live',
    stk: '',
    tickSz: tickSize(instrument.priceDecimals),
    tradeQuoteCcyList: [],
    uly: family,
    upcChg: [],
  };
}

export function markPrice(instrument: Instrument, ts: number): Record<string, string> {
  return { instType: 'SWAP', instId: instrument.symbol, markPx: okxPrice(instrument, instrument.state.mark), ts: String(ts) };
}

/**
 * A funding record in the live shape (real-payloads/okx-funding-rate-push.json, keys in OKX's
 * order): "current_period", so the rate shown is the one charged at fundingTime; nextFundingRate
 * is no longer published; settFundingRate and prevFundingTime are the last settlement.
 */
export function fundingRate(instrument: Instrument, ts: number): Record<string, string> {
  const { state } = instrument;
  const funding = instrument.funding!;
  const intervalMs = funding.intervalHours * 3_600_000;
  return {
    formulaType: 'withRate',
    fundingRate: rateText(state.fundingRate),
    fundingTime: String(state.nextFundingTime),
    impactValue: instrument.quote === 'USD' ? '' : String(Math.round(20_000 / state.mark * 100) / 100),
    instId: instrument.symbol,
    instType: 'SWAP',
    interestRate: rateText(funding.baseline),
    maxFundingRate: rateText(funding.cap),
    method: 'current_period',
    minFundingRate: rateText(funding.floor),
    nextFundingRate: '',
    nextFundingTime: String(state.nextFundingTime + intervalMs),
    premium: rateText(state.premium),
    prevFundingTime: String(state.nextFundingTime - intervalMs),
    settFundingRate: rateText(state.lastSettledRate),
    settState: 'settled',
    ts: String(ts),
  };
}

/** OKX prints rates with up to 16 significant decimals, without trailing zeros. */
export function rateText(rate: number): string {
  return trimmed(rate, 16);
}
