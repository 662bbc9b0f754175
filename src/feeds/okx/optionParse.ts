import { parseOptionSymbol, type OptionInstrument } from '../../domain/option';
import type { OptionBookEvent, OptionGreeksEvent, OptionInstrumentEvent, OptionMarkEvent } from '../../domain/optionEvents';
import type { ParseResult } from '../../domain/perpEvents';
import { finite, nonNegative, positive, text, timestamp } from '../numbers';
import { eachItem, okxData } from './envelope';

/**
 * Everything an OKX option id says: `BTC-USD-251226-100000-C` is in family `BTC-USD`, priced
 * in BTC (OKX options are coin-margined). Null when the id is not an option.
 */
export function okxOptionInstrument(symbol: string): OptionInstrument | null {
  const parsed = parseOptionSymbol(symbol);
  if (!parsed || parsed.quote === null) return null;
  return {
    exchange: 'okx',
    symbol,
    underlying: `${parsed.base}-${parsed.quote}`,
    base: parsed.base,
    expiry: parsed.expiry,
    strike: parsed.strike,
    callPut: parsed.callPut,
    priceCurrency: parsed.base,
  };
}

/** `instruments` (instType OPTION) push → options, `listed` only while their state is `live`. */
export function parseOptionInstruments(payload: unknown): ParseResult<OptionInstrumentEvent> {
  return eachItem(payload, (item): OptionInstrumentEvent | null => {
    const symbol = text(item.instId);
    const fromSymbol = symbol === null ? null : okxOptionInstrument(symbol);
    const family = text(item.instFamily) ?? text(item.uly);
    const strike = positive(item.stk);
    const expiry = timestamp(item.expTime);
    const callPut = item.optType === 'C' ? 'call' : item.optType === 'P' ? 'put' : null;
    if (item.instType !== 'OPTION' || fromSymbol === null || family === null || strike === null || expiry === null || callPut === null) {
      return null;
    }
    return {
      ...fromSymbol,
      kind: 'instrument',
      underlying: family,
      strike,
      expiry,
      callPut,
      priceCurrency: text(item.settleCcy) ?? fromSymbol.priceCurrency,
      listed: item.state === 'live',
    };
  });
}

/** `GET /api/v5/public/instruments?instType=OPTION&instFamily=`: one family's options; null when not such an answer. */
export function parseOptionInstrumentsResponse(body: unknown): ParseResult<OptionInstrumentEvent> | null {
  const unwrapped = okxData(body);
  return unwrapped.ok && Array.isArray(unwrapped.data) ? parseOptionInstruments(unwrapped.data) : null;
}

/** `GET /api/v5/public/underlying?instType=OPTION`: the option families, as one array in `data`, and how many were not names; null when not one. */
export function parseOptionFamiliesResponse(body: unknown): ParseResult<string> | null {
  const unwrapped = okxData(body);
  if (!unwrapped.ok || !Array.isArray(unwrapped.data)) return null;
  const families: unknown = unwrapped.data[0];
  if (!Array.isArray(families)) return null;
  const events = families.filter((family): family is string => typeof family === 'string' && family.length > 0);
  return { events, rejected: families.length - events.length };
}

/** OKX sends "0" (REST example) or "" for a side nobody quotes. */
function sideVol(value: unknown): number | null {
  return positive(value);
}

/**
 * `opt-summary` (one push per family, every option in it) → greeks events. The Black-Scholes
 * `…BS` greeks are used: USD terms, as Binance's (delta per USD, gamma per USD, theta USD per day,
 * vega USD per vol point). The plain `delta/gamma/theta/vega` are OKX's coin-terms (PA) greeks.
 * The forward `fwdPx` is the underlying price of the option's expiry.
 */
export function parseOptSummary(payload: unknown): ParseResult<OptionGreeksEvent> {
  return eachItem(payload, (item) => {
    const symbol = text(item.instId);
    const time = timestamp(item.ts);
    const markIv = positive(item.markVol);
    const delta = finite(item.deltaBS);
    const gamma = finite(item.gammaBS);
    const theta = finite(item.thetaBS);
    const vega = finite(item.vegaBS);
    const forward = positive(item.fwdPx);
    if (
      symbol === null || okxOptionInstrument(symbol) === null || time === null || markIv === null || delta === null ||
      gamma === null || theta === null || vega === null || forward === null
    ) {
      return null;
    }
    return {
      kind: 'greeks', exchange: 'okx', symbol, time, markIv, bidIv: sideVol(item.bidVol), askIv: sideVol(item.askVol),
      delta, gamma, theta, vega, underlyingPrice: forward,
    };
  });
}

/** `mark-price` push for an option → mark event (price in the coin). */
export function parseOptionMarkPrices(payload: unknown): ParseResult<OptionMarkEvent> {
  return eachItem(payload, (item) => {
    const symbol = text(item.instId);
    const time = timestamp(item.ts);
    const mark = nonNegative(item.markPx);
    if (symbol === null || okxOptionInstrument(symbol) === null || time === null || mark === null) return null;
    return { kind: 'mark', exchange: 'okx', symbol, time, mark, highLimit: null, lowLimit: null };
  });
}

/** `tickers` push for an option → best bid/ask; an empty side has price "" (and size "0"). */
export function parseOptionTickers(payload: unknown): ParseResult<OptionBookEvent> {
  return eachItem(payload, (item) => {
    const symbol = text(item.instId);
    const time = timestamp(item.ts);
    if (symbol === null || okxOptionInstrument(symbol) === null || time === null) return null;
    const bid = positive(item.bidPx);
    const ask = positive(item.askPx);
    return {
      kind: 'book', exchange: 'okx', symbol, time, bid, ask,
      bidSize: bid === null ? null : nonNegative(item.bidSz),
      askSize: ask === null ? null : nonNegative(item.askSz),
    };
  });
}
