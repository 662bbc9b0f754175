import type { ExchangeFaults } from '../core/faults.ts';
import type { MarketData } from '../markets/marketData.ts';
import { fundingHistoryRow } from './marketPayloads.ts';
import { limitOf, optionalTime } from './queryParams.ts';
import { OkxRateLimited, instrumentMissing, parameterEmpty, type OkxEndpoint } from './rest.ts';

/** Documented: "Maximum is 400; The default is 400". */
const FUNDING_HISTORY_LIMIT = 400;

/**
 * `GET /api/v5/public/funding-rate-history`: settled rates newest first, `after` = settled before
 * that fundingTime, `before` = after it. Its rate rule (10 per 2 s per IP and instrument) is
 * OkxRest's; a test can cut the history short with the `fundingHistoryCut` fault.
 */
export function fundingHistoryEndpoints(data: MarketData, faults: ExchangeFaults): Record<string, OkxEndpoint> {
  const { market, funding } = data;
  return {
    '/api/v5/public/funding-rate-history': (query) => {
      const instId = query.get('instId');
      if (!instId) throw parameterEmpty('instId');
      const instrument = market.find('okx', instId);
      if (!instrument) throw instrumentMissing();
      const cut = faults.fundingHistoryCut;
      if (cut) {
        const served = cut.served[instId] ?? 0;
        if (served >= cut.pages) throw new OkxRateLimited();
        cut.served[instId] = served + 1;
      }
      const after = optionalTime(query, 'after');
      const before = optionalTime(query, 'before');
      return funding
        .settlements(instrument)
        .filter((settlement) => (after === undefined || settlement.time < after) && (before === undefined || settlement.time > before))
        .reverse()
        .slice(0, limitOf(query, FUNDING_HISTORY_LIMIT))
        .map((settlement) => fundingHistoryRow(instrument, settlement));
    },
  };
}
