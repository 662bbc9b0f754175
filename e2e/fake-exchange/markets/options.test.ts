import { describe, expect, it } from 'vitest';
import {
  DAYS_PER_YEAR,
  normalPdf,
  optionPrice,
  optionValuation,
  yearsBetween,
  type OptionKind,
} from '../../../src/math/blackScholes.ts';
import { createOptionMarket, type OptionMarket } from './options.ts';

type Row = Record<string, string | number>;

/** Monday 23 Nov 2026, noon UTC. */
const START = Date.UTC(2026, 10, 23, 12);
const HOUR = 3_600_000;
const START_SPOTS = { BTC: 95_400, ETH: 3_180, BNB: 905, SOL: 182, XRP: 2.31, DOGE: 0.221 };

function market(seed = 7, now = START) {
  const spots: Record<string, number> = { ...START_SPOTS };
  const options = createOptionMarket({ seed, now, spot: (base) => spots[base]! });
  return { options, spots };
}

const stream = (options: OptionMarket, underlying: string, now: number) =>
  options.binance.markPriceStream(underlying, now) as Row[];
const summary = (options: OptionMarket, family: string, now: number) => options.okx.optSummary(family, now) as Row[];
const num = (value: string | number | undefined) => Number(value);

/** BTC-261127-95000-C or BTC-USD-261127-95000-C → its parts. */
function parseSymbol(symbol: string) {
  const parts = symbol.split('-');
  const [yy, mm, dd] = parts.at(-3)!.match(/\d\d/g)!.map(Number);
  return {
    expiry: Date.UTC(2000 + yy!, mm! - 1, dd!, 8),
    strike: Number(parts.at(-2)),
    kind: (parts.at(-1) === 'C' ? 'call' : 'put') as OptionKind,
  };
}

/** |actual − expected| within an absolute plus a relative allowance; asserts only on failure (loops call it thousands of times). */
function expectNear(actual: number, expected: number, absolute: number, relative = 0) {
  const allowance = absolute + relative * Math.abs(expected);
  if (!(Math.abs(actual - expected) <= allowance)) expect.fail(`${actual} is not within ${allowance} of ${expected}`);
}

describe('option market', () => {
  it('lists the six Binance underlyings and the two OKX families', () => {
    const { options } = market();
    expect(options.binance.underlyings()).toEqual(['BTCUSDT', 'ETHUSDT', 'BNBUSDT', 'SOLUSDT', 'XRPUSDT', 'DOGEUSDT']);
    expect(options.okx.families()).toEqual(['BTC-USD', 'ETH-USD']);
  });

  it('is deterministic: one seed and spot path give identical payloads, another seed does not', () => {
    const run = (seed: number) => {
      const { options, spots } = market(seed);
      const pages: unknown[] = [];
      for (let second = 1; second <= 3; second++) {
        spots.BTC = START_SPOTS.BTC + 40 * second;
        const now = START + second * 1000;
        options.step(now);
        pages.push(options.binance.markPriceStream('BTCUSDT', now), options.okx.optSummary('ETH-USD', now));
      }
      pages.push(options.binance.tickerRest(), options.okx.instruments());
      return JSON.stringify(pages);
    };
    expect(run(7)).toBe(run(7));
    expect(run(8)).not.toBe(run(7));
  });

  it('rejects a spot that is not a positive price', () => {
    expect(() => createOptionMarket({ seed: 1, now: START, spot: () => Number.NaN })).toThrow(/positive price/);
  });
});

describe('expiries and strike grids', () => {
  const { options } = market();
  const info = options.binance.exchangeInfo(START) as { optionSymbols: Row[]; optionContracts: Row[] };
  const btc = info.optionSymbols.filter((row) => row.underlying === 'BTCUSDT');
  const expiries = [...new Set(btc.map((row) => num(row.expiryDate)))];

  it('lists dailies, weeklies, monthlies and quarterlies at 08:00 UTC, nearest first', () => {
    expect(expiries.map((time) => new Date(time).toISOString().slice(0, 10))).toEqual([
      '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-12-04', '2026-12-11', '2026-12-18', '2026-12-25',
      '2027-01-29', '2027-03-26',
    ]);
    for (const time of expiries) expect(new Date(time).getUTCHours()).toBe(8);
  });

  it('names each option by base, YYMMDD expiry, strike and side, consistent with its fields', () => {
    const inconsistent = info.optionSymbols.filter((row) => {
      const symbol = String(row.symbol);
      const parsed = parseSymbol(symbol);
      return (
        !/^(BTC|ETH|BNB|SOL|XRP|DOGE)-\d{6}-\d+(\.\d+)?-[CP]$/.test(symbol) ||
        parsed.expiry !== row.expiryDate ||
        parsed.strike !== num(row.strikePrice) ||
        row.side !== (parsed.kind === 'call' ? 'CALL' : 'PUT') ||
        row.underlying !== `${symbol.split('-')[0]}USDT`
      );
    });
    expect(inconsistent).toEqual([]);
  });

  it('centres every grid on spot, with steps and widths that grow with the tenor', () => {
    const grid = (expiry: number) => {
      const strikes = [...new Set(btc.filter((row) => row.expiryDate === expiry).map((row) => num(row.strikePrice)))];
      return { strikes, step: strikes[1]! - strikes[0]!, low: strikes[0]!, high: strikes.at(-1)! };
    };
    const byTenor = [expiries[0]!, expiries[4]!, expiries[3]!, expiries[9]!].map(grid); // daily, weekly, monthly, quarterly
    expect(byTenor.map(({ step }) => step)).toEqual([500, 1000, 2000, 5000]);
    for (const { strikes, step, low, high } of byTenor) {
      expect(low).toBeLessThan(START_SPOTS.BTC * 0.96);
      expect(high).toBeGreaterThan(START_SPOTS.BTC * 1.04);
      strikes.forEach((strike, i) => expect(strike).toBe(low + i * step));
    }
    const widths = byTenor.map(({ low, high }) => high - low);
    expect([...widths].sort((a, b) => a - b)).toEqual(widths);
  });

  it('lists a put for every call', () => {
    const calls = btc.filter((row) => row.side === 'CALL').map((row) => String(row.symbol).slice(0, -1));
    const puts = btc.filter((row) => row.side === 'PUT').map((row) => String(row.symbol).slice(0, -1));
    expect(puts).toEqual(calls);
  });

  it('describes each underlying and its USDT contracts', () => {
    expect(info.optionContracts).toContainEqual({
      baseAsset: 'DOGE', quoteAsset: 'USDT', underlying: 'DOGEUSDT', settleAsset: 'USDT',
    });
    expect(btc[0]).toMatchObject({ unit: 1, quoteAsset: 'USDT', status: 'TRADING', priceScale: 3, quantityScale: 2 });
    expect(btc[0]!.filters).toContainEqual({
      filterType: 'PRICE_FILTER', minPrice: '5.000', maxPrice: expect.any(String), tickSize: '5.000',
    });
  });

  it('gives OKX instruments the inverse contract fields', () => {
    const eth = options.okx.instruments('ETH-USD') as Row[];
    expect(eth.length).toBeGreaterThan(100);
    const fixedFields = {
      instType: 'OPTION', uly: 'ETH-USD', instFamily: 'ETH-USD', settleCcy: 'ETH', ctVal: '1', ctMult: '0.1',
      ctValCcy: 'ETH', tickSz: '0.0001', lotSz: '1', minSz: '1', state: 'live',
    };
    const inconsistent = eth.filter((row) => {
      const parsed = parseSymbol(String(row.instId));
      return (
        Object.entries(fixedFields).some(([key, value]) => row[key] !== value) ||
        row.optType !== (parsed.kind === 'call' ? 'C' : 'P') ||
        row.stk !== String(parsed.strike) ||
        row.expTime !== String(parsed.expiry) ||
        num(row.listTime) > START
      );
    });
    expect(inconsistent).toEqual([]);
    expect((options.okx.instruments('BTC-USD') as Row[])[0]).toMatchObject({ ctMult: '0.01', ctValCcy: 'BTC' });
    expect(options.okx.instruments()).toHaveLength(eth.length + options.okx.instruments('BTC-USD').length);
    expect(options.okx.instruments('SOL-USD')).toEqual([]);
  });
});

describe('Binance @optionMarkPrice', () => {
  const { options, spots } = market();
  const rows = options.binance.underlyings().flatMap((underlying) => stream(options, underlying, START));
  const btcRows = stream(options, 'BTCUSDT', START);
  const seedKeys = ['s', 'mp', 'E', 'e', 'i', 'P', 'bo', 'ao', 'bq', 'aq', 'b', 'a', 'hl', 'll', 'vo', 'rf', 'd', 't', 'g', 'v'];
  const decimalsOf = (row: Row) => String(row.bo).split('.')[1]!.length;

  it('has the fields of the seed page in its order, every value a string except E', () => {
    const malformed = rows.filter(
      (row) =>
        Object.keys(row).join() !== seedKeys.join() ||
        seedKeys.some((key) => typeof row[key] !== (key === 'E' ? 'number' : 'string')) ||
        row.e !== 'markPrice' || !/^0\.05\d{1,2}$/.test(String(row.rf)) || !/^\d\.\d{1,3}$/.test(String(row.vo)) || row.E !== START,
    );
    expect(malformed).toEqual([]);
    expect(btcRows[0]!.i).toBe('95400.0');
  });

  it("sends each expiry's rf from the live term structure: 0.0558 at the front, 0.0529 three months out", () => {
    const rateOf = new Map(btcRows.map((row) => [parseSymbol(String(row.s)).expiry, num(row.rf)]));
    const byExpiry = [...rateOf].sort(([a], [b]) => a - b).map(([, rate]) => rate);
    expect(byExpiry[0]).toBeCloseTo(0.0558, 4);
    expect(byExpiry.at(-1)).toBe(0.0529);
    expect(byExpiry.every((rate, i) => i === 0 || rate <= byExpiry[i - 1]!)).toBe(true);
    expect(new Set(byExpiry).size).toBeGreaterThan(2);
  });

  it('prices mp, d and v with Black-Scholes at vo and rf on the index, g and t at the mid IV as the live stream does', () => {
    for (const row of rows) {
      const { expiry, strike, kind } = parseSymbol(String(row.s));
      const years = yearsBetween(START, expiry);
      const inputs = { kind, underlying: num(row.i), strike, years, rate: num(row.rf) };
      const model = optionValuation({ ...inputs, vol: num(row.vo) });
      const unit = 10 ** -decimalsOf(row);
      expectNear(num(row.mp), model.price, unit, 1e-7); // truncated to the price decimals
      expectNear(num(row.d), model.delta, 1e-8, 1e-7);
      expectNear(num(row.v), model.vegaPerVolPoint, 1e-8, 1e-7);
      const bothSides = row.b !== '-1.0' && row.a !== '-1.0';
      const vol = bothSides ? (num(row.b) + num(row.a)) / 2 : num(row.vo);
      const atVol = optionValuation({ ...inputs, vol });
      expectNear(num(row.g), atVol.gamma, 1e-8, 1e-6); // b and a are sent rounded to 8 decimals
      // Time decay alone: −S·φ(d1)·σ / (2√T) a day = −vega·σ / (2T) a day.
      expectNear(num(row.t), (-atVol.vegaPerVolPoint * 100 * vol) / (2 * years) / DAYS_PER_YEAR, 1e-8, 1e-6);
    }
    const atm = btcRows.find((row) => Math.abs(num(row.d) - 0.5) < 0.05)!;
    const { expiry, strike, kind } = parseSymbol(String(atm.s));
    const atZeroRate = optionPrice({ kind, underlying: num(atm.i), strike, years: yearsBetween(START, expiry), vol: num(atm.vo) });
    expect(Math.abs(num(atm.mp) - atZeroRate)).toBeGreaterThan(10 ** -decimalsOf(atm) * 10);
  });

  it('keeps put-call parity at the mark: C − P = S − K·e^(−rf·T)', () => {
    for (let i = 0; i < rows.length; i += 2) {
      const call = rows[i]!;
      const put = rows[i + 1]!;
      expect(String(put.s)).toBe(String(call.s).replace(/C$/, 'P'));
      const unit = 10 ** -decimalsOf(call);
      const { expiry, strike } = parseSymbol(String(call.s));
      const discount = Math.exp(-num(call.rf) * yearsBetween(START, expiry));
      expectNear(num(call.mp) - num(put.mp), num(call.i) - strike * discount, 2 * unit, 1e-9);
    }
  });

  it('quotes bid < mark < ask, with b and a the IVs that reprice bo and ao', () => {
    for (const row of rows.filter((r) => r.b !== '-1.0' && r.a !== '-1.0')) {
      expect(num(row.bo)).toBeLessThan(num(row.mp) + 1e-9);
      expect(num(row.ao)).toBeGreaterThan(num(row.mp));
      expect(num(row.b)).toBeLessThan(num(row.vo));
      expect(num(row.a)).toBeGreaterThan(num(row.vo));
      const { expiry, strike, kind } = parseSymbol(String(row.s));
      const inputs = { kind, underlying: num(row.i), strike, years: yearsBetween(START, expiry), rate: num(row.rf) };
      expectNear(optionPrice({ ...inputs, vol: num(row.b) }), num(row.bo), 1e-6, 1e-6);
      expectNear(optionPrice({ ...inputs, vol: num(row.a) }), num(row.ao), 1e-6, 1e-6);
    }
  });

  it('marks an empty side with the sentinels of the seed page, and far strikes are often one-sided', () => {
    const mixedSentinels = rows.filter((row) => {
      const zero = (0).toFixed(decimalsOf(row));
      const bidGone = [row.b === '-1.0', row.bo === zero, row.bq === '0.0000'];
      const askGone = [row.a === '-1.0', row.ao === zero, row.aq === '0.0000'];
      return new Set(bidGone).size > 1 || new Set(askGone).size > 1;
    });
    expect(mixedSentinels).toEqual([]);
    const noBidShare = (selected: Row[]) => selected.filter((row) => row.b === '-1.0').length / selected.length;
    const lottery = rows.filter((row) => Math.abs(num(row.d)) < 0.03);
    const nearMoney = rows.filter((row) => Math.abs(num(row.d)) > 0.25 && Math.abs(num(row.d)) < 0.75);
    expect(noBidShare(lottery)).toBeGreaterThan(0.4);
    expect(noBidShare(nearMoney)).toBeLessThan(0.1);
    expect(rows.some((row) => row.a === '-1.0')).toBe(true);
  });

  it('limits prices to the mark × 1.2 and × 0.8, truncated like the mark', () => {
    for (const row of btcRows) {
      expectNear(num(row.hl), num(row.mp) * 1.2, 0.0021);
      expectNear(num(row.ll), num(row.mp) * 0.8, 0.0021);
    }
  });

  it('publishes the estimated settle price P only in the last half hour before expiry', () => {
    const firstExpiry = parseSymbol(String(btcRows[0]!.s)).expiry;
    const now = firstExpiry - 20 * 60_000;
    spots.BTC = 96_012.5;
    const late = stream(options, 'BTCUSDT', now);
    for (const row of late) {
      expect(row.P).toBe(parseSymbol(String(row.s)).expiry === firstExpiry ? '96012.500' : '0.000');
    }
  });

  it('returns null for an unknown underlying and serves one array per tick to every caller', () => {
    expect(options.binance.markPriceStream('ADAUSDT', START)).toBeNull();
    const now = START + 5 * HOUR;
    expect(options.binance.markPriceStream('ETHUSDT', now)).toBe(options.binance.markPriceStream('ETHUSDT', now));
  });
});

describe('Binance REST', () => {
  const { options } = market();
  const btcRows = stream(options, 'BTCUSDT', START);
  const symbol = String(btcRows[40]!.s);

  it('GET /eapi/v1/mark repeats the stream under REST names, for all options or one', () => {
    const all = options.binance.markRest() as Row[];
    expect(all).toHaveLength(options.binance.underlyings().reduce((n, u) => n + stream(options, u, START).length, 0));
    const [one] = options.binance.markRest(symbol) as Row[];
    const pushed = btcRows[40]!;
    expect(one).toEqual({
      symbol, markPrice: pushed.mp, bidIV: pushed.b, askIV: pushed.a, markIV: pushed.vo, delta: pushed.d,
      theta: pushed.t, gamma: pushed.g, vega: pushed.v, highPriceLimit: pushed.hl, lowPriceLimit: pushed.ll,
      riskFreeInterest: pushed.rf,
    });
    expect(options.binance.markRest('BTC-261124-1-C')).toBeNull();
  });

  it('GET /eapi/v1/ticker gives consistent 24 h statistics', () => {
    const all = options.binance.tickerRest() as Row[];
    expect(all.length).toBeGreaterThan(1000);
    for (const row of all) {
      expect(num(row.low)).toBeLessThanOrEqual(Math.min(num(row.open), num(row.lastPrice)));
      expect(num(row.high)).toBeGreaterThanOrEqual(Math.max(num(row.open), num(row.lastPrice)));
      expect(row.strikePrice).toBe(String(parseSymbol(String(row.symbol)).strike));
      expect(num(row.closeTime)).toBeLessThanOrEqual(START);
    }
    const [one] = options.binance.tickerRest(symbol) as Row[];
    expect(one).toMatchObject({ symbol, exercisePrice: '95400.0', bidPrice: btcRows[40]!.bo, askPrice: btcRows[40]!.ao });
    expect(options.binance.tickerRest('NOPE')).toBeNull();
  });

  it('GET /eapi/v1/index returns the index of an underlying', () => {
    expect(options.binance.indexRest('XRPUSDT', START)).toEqual({ time: START, indexPrice: '2.31' });
    expect(options.binance.indexRest('XRP', START)).toBeNull();
  });

  it('builds exchangeInfo symbols once per listing', () => {
    const first = options.binance.exchangeInfo(START + 1000) as { optionSymbols: Row[]; serverTime: number };
    const second = options.binance.exchangeInfo(START + 2000) as { optionSymbols: Row[]; serverTime: number };
    expect(second.serverTime).toBe(START + 2000);
    expect(second.optionSymbols[0]).toBe(first.optionSymbols[0]);
  });
});

describe('OKX options', () => {
  const { options, spots } = market();
  const rows = summary(options, 'BTC-USD', START);
  const spot = START_SPOTS.BTC;
  const markOf = (instId: string) => num((options.okx.markPrice(instId, START) as Row).markPx);

  it('sends opt-summary with every field a string', () => {
    const keys = ['instType', 'instId', 'uly', 'delta', 'gamma', 'vega', 'theta', 'deltaBS', 'gammaBS', 'vegaBS', 'thetaBS',
      'lever', 'markVol', 'bidVol', 'askVol', 'realVol', 'volLv', 'fwdPx', 'ts'];
    const malformed = rows.filter(
      (row) =>
        Object.keys(row).sort().join() !== [...keys].sort().join() ||
        keys.some((key) => typeof row[key] !== 'string') ||
        row.instType !== 'OPTION' || row.uly !== 'BTC-USD' || row.ts !== String(START),
    );
    expect(malformed).toEqual([]);
    expect(options.okx.optSummary('SOL-USD', START)).toBeNull();
  });

  it('prices inverse options in coin: markPx = Black-76(F, K, T, markVol) / F, with parity (F − K) / F', () => {
    for (const row of rows) {
      const { expiry, strike, kind } = parseSymbol(String(row.instId));
      const forward = num(row.fwdPx);
      const onForward = { kind, underlying: forward, strike, years: yearsBetween(START, expiry), vol: num(row.markVol) };
      expectNear(markOf(String(row.instId)), optionPrice(onForward) / forward, 6e-9);
    }
    for (let i = 0; i < rows.length; i += 2) {
      const { strike } = parseSymbol(String(rows[i]!.instId));
      const forward = num(rows[i]!.fwdPx);
      expectNear(markOf(String(rows[i]!.instId)) - markOf(String(rows[i + 1]!.instId)), (forward - strike) / forward, 1.2e-8);
    }
  });

  it('gives BS greeks: Black-Scholes on the index at markVol, basis as the rate (USD, per day, per vol point)', () => {
    for (const row of rows) {
      const { expiry, strike, kind } = parseSymbol(String(row.instId));
      const years = yearsBetween(START, expiry);
      const rate = Math.log(num(row.fwdPx) / spot) / years;
      const model = optionValuation({ kind, underlying: spot, strike, years, vol: num(row.markVol), rate });
      expectNear(num(row.deltaBS), model.delta, 1e-12, 1e-9);
      expectNear(num(row.gammaBS), model.gamma, 1e-15, 1e-9);
      expectNear(num(row.thetaBS), model.thetaPerDay, 1e-9, 1e-9);
      expectNear(num(row.vegaBS), model.vegaPerVolPoint, 1e-9, 1e-9);
    }
  });

  it("gives coin-terms greeks by OKX's definitions (okxGreeks.ts) and lever = 1 / markPx", () => {
    for (const row of rows) {
      const { expiry, strike } = parseSymbol(String(row.instId));
      const years = yearsBetween(START, expiry);
      const mark = markOf(String(row.instId));
      const delta = num(row.delta);
      expectNear(delta, num(row.deltaBS) - mark, 6e-9);
      expectNear(num(row.gamma), spot * num(row.gammaBS) - 2 * delta, 1e-9, 1e-9);
      expectNear(num(row.vega), num(row.vegaBS) / spot, 1e-15, 1e-9);
      const vol = num(row.markVol);
      const d1 = (Math.log(num(row.fwdPx) / strike) + 0.5 * vol * vol * years) / (vol * Math.sqrt(years));
      const thetaPerDay = (-normalPdf(d1) * vol) / (2 * Math.sqrt(years)) / DAYS_PER_YEAR;
      expectNear(num(row.theta), thetaPerDay * Math.min(1, years * DAYS_PER_YEAR), 1e-15, 1e-9);
      expectNear(1 / num(row.lever), mark, 6e-9); // markPx carries 8 decimals
    }
  });

  it('reports the ATM vol per expiry, a forward above the index, and "0" vols for an empty side', () => {
    for (const row of rows) {
      expect(num(row.fwdPx)).toBeGreaterThan(spot);
      expect(num(row.volLv)).toBeGreaterThan(0.2);
      const ticker = options.okx.ticker(String(row.instId), START) as Row;
      expect(row.bidVol === '0').toBe(ticker.bidPx === '');
      expect(row.askVol === '0').toBe(ticker.askPx === '');
    }
    const atTheMoney = rows.filter((row) => Math.abs(num(row.deltaBS)) > 0.45 && Math.abs(num(row.deltaBS)) < 0.55);
    for (const row of atTheMoney) expectNear(num(row.markVol), num(row.volLv), 0.02);
  });

  it('sends tickers in coin on the tick bands, with "" and "0" for an empty side', () => {
    for (const instrument of options.okx.instruments('BTC-USD') as Row[]) {
      const ticker = options.okx.ticker(String(instrument.instId), START) as Row;
      const mark = markOf(String(instrument.instId));
      for (const [price, size] of [['bidPx', 'bidSz'], ['askPx', 'askSz']] as const) {
        if (ticker[price] === '') {
          expect(ticker[size]).toBe('0');
          continue;
        }
        const value = num(ticker[price]);
        const tick = value < 0.005 ? 0.0001 : 0.0005;
        expectNear(Math.round(value / tick) * tick, value, 1e-12);
        expect(Number.isInteger(num(ticker[size]))).toBe(true);
      }
      if (ticker.bidPx !== '') expect(num(ticker.bidPx)).toBeLessThanOrEqual(mark);
      if (ticker.askPx !== '') expect(num(ticker.askPx)).toBeGreaterThanOrEqual(mark);
      expect(num(ticker.low24h)).toBeLessThanOrEqual(num(ticker.last));
      expect(num(ticker.high24h)).toBeGreaterThanOrEqual(num(ticker.last));
    }
  });

  it('answers mark price, ticker and hasInstrument for listed ids only', () => {
    const listed = String(rows[0]!.instId);
    expect(options.okx.hasInstrument(listed)).toBe(true);
    expect(options.okx.markPrice(listed, START)).toEqual({
      instType: 'OPTION', instId: listed, markPx: expect.any(String), ts: String(START),
    });
    for (const unknown of ['BTC-USD-261124-1-C', 'BTC-USD-SWAP', 'SOL-USD-261124-180-C']) {
      expect(options.okx.hasInstrument(unknown)).toBe(false);
      expect(options.okx.markPrice(unknown, START)).toBeNull();
      expect(options.okx.ticker(unknown, START)).toBeNull();
    }
    expect(spots.BTC).toBe(spot);
  });
});

describe('market time', () => {
  /** Tuesday 24 Nov 2026, noon: dailies 25, 26, 27 Nov; 27 Nov is also the monthly. */
  const TUESDAY = Date.UTC(2026, 10, 24, 12);
  const expiryDates = (rows: Row[], key: string) => [...new Set(rows.map((row) => String(row[key]).split('-').at(-3)))];

  it('settles an expiry at 08:00 UTC and lists the next daily in its place', () => {
    const { options } = market(7, TUESDAY);
    const before = stream(options, 'BTCUSDT', TUESDAY);
    const settling = before.filter((row) => String(row.s).includes('-261125-')).map((row) => String(row.s));
    const okxInstruments = options.okx.instruments('ETH-USD') as Row[];
    const okxSettling = okxInstruments.find((row) => String(row.instId).includes('-261125-'))!;
    expect(settling.length).toBeGreaterThan(0);

    const afterSettlement = Date.UTC(2026, 10, 25, 8, 0, 1);
    options.step(afterSettlement);
    const after = stream(options, 'BTCUSDT', afterSettlement);
    expect(expiryDates(before, 's')).toContain('261125');
    expect(expiryDates(after, 's')).not.toContain('261125');
    expect(expiryDates(after, 's')).toContain('261128');
    expect(expiryDates(after, 's')).toHaveLength(expiryDates(before, 's').length);
    for (const symbol of settling) expect(options.binance.markRest(symbol)).toBeNull();
    const listed = (options.binance.exchangeInfo(afterSettlement) as { optionSymbols: Row[] }).optionSymbols;
    expect(listed.some((row) => String(row.symbol).includes('-261125-'))).toBe(false);

    expect(options.okx.hasInstrument(String(okxSettling.instId))).toBe(false);
    const fresh = (options.okx.instruments('ETH-USD') as Row[]).filter((row) => String(row.instId).includes('-261128-'));
    expect(fresh.length).toBeGreaterThan(0);
    for (const row of fresh) expect(row.listTime).toBe(String(afterSettlement));
  });

  it('lists more strikes when spot walks towards an edge, keeping the old ones until expiry', () => {
    const { options, spots } = market();
    const strikesOf = (now: number) =>
      stream(options, 'BTCUSDT', now)
        .filter((row) => String(row.s).includes('-261124-'))
        .map((row) => parseSymbol(String(row.s)).strike);
    const before = strikesOf(START);
    spots.BTC = START_SPOTS.BTC * 1.08;
    const after = strikesOf(START + 1000);
    expect(Math.max(...after)).toBeGreaterThan(Math.max(...before));
    expect(after).toEqual(expect.arrayContaining(before));
    expect((options.okx.instruments('BTC-USD') as Row[]).length).toBeGreaterThan(0);
  });

  it('reprices as spot and time move, and never runs backwards', () => {
    const { options, spots } = market();
    const atm = (now: number) => stream(options, 'BTCUSDT', now).find((row) => String(row.s) === 'BTC-261124-95500-C')!;
    const first = atm(START);
    spots.BTC = START_SPOTS.BTC * 1.01;
    const later = atm(START + 1000);
    expect(num(later.mp)).toBeGreaterThan(num(first.mp));
    expect(later.i).toBe('96354.0');
    options.step(START);
    expect(atm(START + 1000).i).toBe(later.i);
  });
});

describe('cost of a tick', () => {
  it('prices every chain (2000+ options) well within a second of market time', () => {
    const { options, spots } = market();
    const tick = (now: number) => {
      spots.BTC! += 10;
      options.step(now);
      let count = 0;
      for (const underlying of options.binance.underlyings()) count += stream(options, underlying, now).length;
      for (const family of options.okx.families()) count += options.okx.optSummary(family, now)!.length;
      return count;
    };
    expect(tick(START + 1000)).toBeGreaterThan(2000);
    const started = performance.now();
    for (let second = 2; second <= 6; second++) tick(START + second * 1000);
    // ~25 ms on an idle laptop; the bound only catches a pathological regression on a busy CI box.
    expect((performance.now() - started) / 5).toBeLessThan(250);
  });
});
