import { tickSize, trimmed } from '../core/format.ts';
import type { Instrument } from '../markets/instrument.ts';

/** OKX prints prices trimmed to the instrument's tick ("97012.3") and timestamps as strings. */
export function okxPrice(instrument: Instrument, value: number): string {
  return trimmed(value, instrument.priceDecimals);
}

export function swapInstrument(instrument: Instrument): Record<string, string> {
  const inverse = instrument.quote === 'USD';
  const family = `${instrument.coin.name}-${instrument.quote}`;
  return {
    instType: 'SWAP',
    instId: instrument.symbol,
    uly: family,
    instFamily: family,
    baseCcy: '',
    quoteCcy: '',
    settleCcy: inverse ? instrument.coin.name : instrument.quote,
    ctValCcy: inverse ? 'USD' : instrument.coin.name,
    ctVal: trimmed(instrument.contractValue, 10),
    ctMult: '1',
    ctType: inverse ? 'inverse' : 'linear',
    optType: '',
    stk: '',
    listTime: String(instrument.onboardTime),
    expTime: '',
    lever: instrument.quoteVolume > 1e8 ? '100' : '50',
    tickSz: tickSize(instrument.priceDecimals),
    lotSz: inverse ? '1' : '0.01',
    minSz: inverse ? '1' : '0.01',
    maxLmtSz: '100000000',
    maxMktSz: '12000',
    maxTwapSz: '100000000',
    maxIcebergSz: '100000000',
    maxTriggerSz: '100000000',
    maxStopSz: '12000',
    alias: '',
    state: 'live',
    ruleType: 'normal',
    category: '1',
  };
}

export function markPrice(instrument: Instrument, ts: number): Record<string, string> {
  return { instType: 'SWAP', instId: instrument.symbol, markPx: okxPrice(instrument, instrument.state.mark), ts: String(ts) };
}

/** OKX settles "current_period": the rate shown is the one that will be charged at fundingTime. */
export function fundingRate(instrument: Instrument, ts: number): Record<string, string> {
  const { state } = instrument;
  const funding = instrument.funding!;
  const intervalMs = funding.intervalHours * 3_600_000;
  return {
    instType: 'SWAP',
    instId: instrument.symbol,
    method: 'current_period',
    formulaType: 'withRate',
    fundingRate: rateText(state.fundingRate),
    nextFundingRate: '',
    fundingTime: String(state.nextFundingTime),
    nextFundingTime: String(state.nextFundingTime + intervalMs),
    minFundingRate: rateText(funding.floor),
    maxFundingRate: rateText(funding.cap),
    premium: rateText(state.premium),
    interestRate: rateText(funding.baseline),
    impactValue: instrument.quote === 'USD' ? '' : String(Math.round(20_000 / state.mark * 100) / 100),
    settState: 'settled',
    settFundingRate: rateText(state.lastSettledRate),
    ts: String(ts),
  };
}

/** OKX prints rates with up to 16 significant decimals, without trailing zeros. */
export function rateText(rate: number): string {
  return trimmed(rate, 16);
}
