import type { OptionMarket } from '../markets/options.ts';

/** What OKX's channels and endpoints need from the option market model. */
export interface OkxOptionSource {
  families(): string[];
  instruments(family?: string): unknown[];
  hasInstrument(instId: string): boolean;
  /** Current mark of an option (what makes its mark-price channel push), or undefined. */
  markPrice(instId: string): number | undefined;
  markPricePayload(instId: string, ts: number): unknown[] | null;
  tickerPayload(instId: string, ts: number): unknown[] | null;
  summary(family: string, ts: number): unknown[] | null;
}

export function okxOptionSource(options: OptionMarket, now: () => number): OkxOptionSource {
  const item = (value: unknown | null) => (value === null ? null : [value]);
  return {
    families: () => options.okx.families(),
    instruments: (family) => options.okx.instruments(family),
    hasInstrument: (instId) => options.okx.hasInstrument(instId),
    markPrice: (instId) => {
      const mark = options.okx.markPrice(instId, now()) as { markPx?: string } | null;
      return mark?.markPx === undefined ? undefined : Number(mark.markPx);
    },
    markPricePayload: (instId, ts) => item(options.okx.markPrice(instId, ts)),
    tickerPayload: (instId, ts) => item(options.okx.ticker(instId, ts)),
    summary: (family, ts) => options.okx.optSummary(family, ts),
  };
}
