import type { ListedOption } from './chain.ts';
import { shortest } from './format.ts';
import { coinGreeks } from './okxGreeks.ts';
import { dayStats } from './tradeStats.ts';
import { okxTick, type OkxFamily } from './underlyings.ts';

/**
 * OKX option payloads (inverse, coin-margined: prices in the coin, e.g. 0.0123 BTC), every number a
 * string as OKX sends it. Greeks and vols carry full double precision, as in OKX's own examples.
 */

/** Coin prices are printed to the smallest tick band (0.0001); marks to 8 decimals. */
const TICK_DECIMALS = 4;
const MARK_DECIMALS = 8;

export function familyName(family: OkxFamily): string {
  return `${family.base}-USD`;
}

/** One element of GET /api/v5/public/instruments?instType=OPTION (static: built once per listing). */
export function instrumentInfo(option: ListedOption, family: OkxFamily): object {
  const name = familyName(family);
  return {
    instType: 'OPTION',
    instId: option.symbol,
    instIdCode: option.hash % 10_000_000,
    uly: name,
    instFamily: name,
    instCategory: '1',
    category: '1',
    groupId: '1',
    baseCcy: '',
    quoteCcy: '',
    settleCcy: family.base,
    ctVal: '1',
    ctMult: family.contractMultiplier,
    ctValCcy: family.base,
    ctType: '',
    optType: option.kind === 'call' ? 'C' : 'P',
    stk: option.strikeText,
    listTime: String(option.listTime),
    expTime: String(option.expiry),
    lever: '',
    tickSz: shortest(okxTick(0), TICK_DECIMALS),
    lotSz: '1',
    minSz: '1',
    alias: '',
    state: 'live',
    ruleType: 'normal',
    maxLmtSz: '10000',
    maxMktSz: '5000',
    maxLmtAmt: '20000000',
    maxMktAmt: '',
    maxTwapSz: '10000',
    maxIcebergSz: '10000',
    maxTriggerSz: '10000',
    maxStopSz: '5000',
    auctionEndTime: '',
    contTdSwTime: '',
    openType: '',
    preMktSwTime: '',
    futureSettlement: false,
    tradeQuoteCcyList: [],
    upcChg: [],
  };
}

/** One element of opt-summary (REST data array and the channel's push). */
export function optSummaryItem(option: ListedOption, family: OkxFamily, now: number): object {
  const { quote } = option;
  const coin = coinGreeks(quote);
  return {
    instType: 'OPTION',
    instId: option.symbol,
    uly: familyName(family),
    delta: String(coin.delta),
    gamma: String(coin.gamma),
    vega: String(coin.vega),
    theta: String(coin.theta),
    deltaBS: String(quote.usd.delta),
    gammaBS: String(quote.usd.gamma),
    vegaBS: String(quote.usd.vegaPerVolPoint),
    thetaBS: String(quote.usd.thetaPerDay),
    lever: String(quote.mark > 0 ? 1 / quote.mark : 0),
    markVol: String(quote.vol),
    // An empty side reads "0" here (the docs' example row has bidVol "0").
    bidVol: String(quote.bidVol ?? 0),
    askVol: String(quote.askVol ?? 0),
    realVol: '0',
    volLv: String(quote.point.atmVol),
    fwdPx: String(quote.point.forward),
    ts: String(now),
  };
}

/** One element of the `mark-price` channel (and GET /api/v5/public/mark-price?instType=OPTION). */
export function markPriceItem(option: ListedOption, now: number): object {
  const markPx = shortest(option.quote.mark, MARK_DECIMALS);
  return { instType: 'OPTION', instId: option.symbol, markPx, ts: String(now) };
}

/** One element of the `tickers` channel; an empty side has price "" and size "0". */
export function tickerItem(option: ListedOption, family: OkxFamily, now: number): object {
  const { quote } = option;
  const stats = dayStats(option.hash, now, quote.mark, okxTick, 1);
  const price = (value: number) => shortest(value, TICK_DECIMALS);
  return {
    instType: 'OPTION',
    instId: option.symbol,
    last: price(stats.last),
    lastSz: String(stats.lastSize),
    askPx: quote.ask === null ? '' : price(quote.ask),
    askSz: String(quote.askSize),
    bidPx: quote.bid === null ? '' : price(quote.bid),
    bidSz: String(quote.bidSize),
    open24h: price(stats.open),
    high24h: price(stats.high),
    low24h: price(stats.low),
    volCcy24h: shortest(stats.volume * Number(family.contractMultiplier), 4),
    vol24h: String(stats.volume),
    sodUtc0: price(stats.open),
    sodUtc8: price(stats.open),
    ts: String(now),
  };
}
