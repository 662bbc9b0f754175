import { trimmed } from '../core/format.ts';
import type { Instrument } from '../markets/instrument.ts';
import type { Market } from '../markets/market.ts';
import type { OpenInterests } from '../markets/openInterests.ts';
import { sizeDecimals } from '../markets/orderUnits.ts';
import { instrumentMissing, parameterEmpty, parameterError, type OkxEndpoint } from './rest.ts';

/**
 * `GET /api/v5/public/open-interest?instType=SWAP[&instFamily=|uly=][&instId=]`: every swap in one
 * call, or the ones asked for, `oi` in contracts, `oiCcy` in the coin, `oiUsd` in USD. FUTURES and
 * OPTION are not served here (51000), as the fake streams neither.
 */
export function openInterestEndpoint(market: Market, openInterests: OpenInterests, now: () => number): Record<string, OkxEndpoint> {
  return {
    '/api/v5/public/open-interest': (query) => {
      const instType = query.get('instType');
      if (!instType) throw parameterEmpty('instType');
      if (instType !== 'SWAP') throw parameterError('instType');
      const instId = query.get('instId');
      if (instId && !market.find('okx', instId)) throw instrumentMissing();
      const family = query.get('instFamily') || query.get('uly');
      const chosen = market.okx.filter(
        (instrument) => (!instId || instrument.symbol === instId) && (!family || family === `${instrument.coin.name}-${instrument.quote}`),
      );
      return chosen.map((instrument) => openInterestRow(instrument, openInterests.baseUnits(instrument), now()));
    },
  };
}

/** Contracts at the lot; inverse contracts are USD, so their coin figure moves with the mark. */
function openInterestRow(instrument: Instrument, baseUnits: number, ts: number): Record<string, string> {
  const decimals = sizeDecimals(instrument);
  const mark = instrument.state.mark;
  const inverse = instrument.quote === 'USD';
  const contracts = Number((inverse ? (baseUnits * mark) / instrument.contractValue : baseUnits / instrument.contractValue).toFixed(decimals));
  const coins = inverse ? (contracts * instrument.contractValue) / mark : contracts * instrument.contractValue;
  return {
    instId: instrument.symbol,
    instType: 'SWAP',
    oi: trimmed(contracts, decimals),
    oiCcy: trimmed(coins, 8),
    oiUsd: trimmed(coins * mark, 4),
    ts: String(ts),
  };
}
