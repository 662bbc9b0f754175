import { getJson, type FetchOutcome } from '../../connection/restSource';
import type { OptionInstrumentEvent } from '../../domain/optionEvents';
import type { ParseResult } from '../../domain/perpEvents';
import type { InstrumentListSpec } from './instrumentList';
import { parseOptionFamiliesResponse, parseOptionInstruments, parseOptionInstrumentsResponse } from './optionParse';

/**
 * OKX's options: the `instruments` channel for OPTION, and over REST every family's list. OKX
 * lists options only per family (`instFamily` or `uly` is required), so the families come first
 * from `GET /api/v5/public/underlying?instType=OPTION`, then one instruments call per family.
 */
export function optionListSpec(restBase: string): InstrumentListSpec<OptionInstrumentEvent> {
  return {
    instType: 'OPTION',
    parseChanges: parseOptionInstruments,
    loadList: async (fetchImpl): Promise<FetchOutcome<ParseResult<OptionInstrumentEvent>>> => {
      const familiesResponse = await getJson(fetchImpl, `${restBase}/api/v5/public/underlying?instType=OPTION`);
      if (!familiesResponse.ok) return familiesResponse;
      const families = parseOptionFamiliesResponse(familiesResponse.value);
      // OKX always lists BTC options: no family at all is a broken answer, not every chain delisted.
      if (!families || families.events.length === 0) return { ok: false, detail: 'unexpected response' };
      const urls = families.events.map((family) => `${restBase}/api/v5/public/instruments?instType=OPTION&instFamily=${encodeURIComponent(family)}`);
      const responses = await Promise.all(urls.map((url) => getJson(fetchImpl, url)));
      const merged: ParseResult<OptionInstrumentEvent> = { events: [], rejected: families.rejected };
      for (const response of responses) {
        if (!response.ok) return response;
        const parsed = parseOptionInstrumentsResponse(response.value);
        if (!parsed) return { ok: false, detail: 'unexpected response' };
        merged.events.push(...parsed.events);
        merged.rejected += parsed.rejected;
      }
      return { ok: true, value: merged };
    },
    id: 'okx:option-instruments',
    label: 'OKX option list',
    fallback: "only the options OKX's instruments channel names are listed",
  };
}
