import { describe, expect, it } from 'vitest';
import { MINUTE_MS } from './markets/bars.ts';
import { createMarketData } from './markets/marketData.ts';

const START = Date.UTC(2026, 10, 23, 7, 59, 58);

describe('generated markets', () => {
  const { market } = createMarketData(42, () => START);
  const binance = market.binance;
  const okx = market.okx;

  it('lists about 500 Binance perpetuals and 250 OKX swaps with real names and prices for the majors', () => {
    const perpetuals = binance.filter((instrument) => instrument.kind !== 'delivery');
    expect(perpetuals.length).toBeGreaterThanOrEqual(490);
    expect(perpetuals.length).toBeLessThanOrEqual(520);
    expect(okx.length).toBeGreaterThanOrEqual(240);
    expect(okx.length).toBeLessThanOrEqual(260);
    const btc = market.find('binance', 'BTCUSDT')!;
    expect(btc.state.index).toBeGreaterThan(90_000);
    expect(btc.state.index).toBeLessThan(100_000);
    const pepe = market.find('binance', '1000PEPEUSDT')!;
    expect(pepe.state.index / market.find('okx', 'PEPE-USDT-SWAP')!.state.index).toBeCloseTo(1000, 0);
    for (const symbol of ['ETHUSDT', 'SOLUSDT', 'BNBUSDT', 'XRPUSDT', 'DOGEUSDT', 'ADAUSDT', 'BTCUSDC']) {
      expect(market.find('binance', symbol)).toBeDefined();
    }
    for (const instId of ['BTC-USDT-SWAP', 'BTC-USD-SWAP', 'ETH-USDC-SWAP']) expect(market.find('okx', instId)).toBeDefined();
  });

  it('shares at least 150 coins across the two exchanges', () => {
    const onBinance = new Set(binance.map((instrument) => instrument.coin.name));
    const shared = new Set(okx.map((instrument) => instrument.coin.name).filter((name) => onBinance.has(name)));
    expect(shared.size).toBeGreaterThanOrEqual(150);
  });

  it('mixes funding intervals (mostly 8 h), signs and extremes', () => {
    const funded = [...binance, ...okx].filter((instrument) => instrument.funding);
    const hours = funded.map((instrument) => instrument.funding!.intervalHours);
    const share = (value: number) => hours.filter((hour) => hour === value).length / hours.length;
    expect(share(8)).toBeGreaterThan(0.5);
    expect(share(4)).toBeGreaterThan(0.1);
    expect(share(1)).toBeGreaterThan(0.02);
    expect(share(2)).toBeGreaterThan(0);
    const rates = funded.map((instrument) => instrument.state.fundingRate);
    expect(rates.filter((rate) => rate < 0).length).toBeGreaterThan(20);
    expect(rates.filter((rate) => Math.abs(rate) >= 0.003).length).toBeGreaterThan(3);
    expect(funded.filter((instrument) => instrument.state.fundingRate === instrument.funding!.baseline).length).toBeGreaterThan(funded.length / 3);
    for (const instrument of funded) {
      expect(instrument.state.nextFundingTime % (instrument.funding!.intervalHours * 3_600_000)).toBe(0);
    }
  });

  it('changed the interval of a small-cap perpetual or two on each venue inside the last 30 days, in their history too', () => {
    const { market: fresh, funding } = createMarketData(42, () => START);
    for (const instruments of [fresh.binance, fresh.okx]) {
      const changed = instruments.filter((instrument) => instrument.funding?.intervalChange);
      const kinds = changed.map((instrument) => `${instrument.funding!.intervalChange!.fromHours}→${instrument.funding!.intervalChange!.toHours}`);
      expect(kinds.sort()).toEqual(['4→1', '8→4']);
      for (const instrument of changed) {
        const { at, fromHours, toHours } = instrument.funding!.intervalChange!;
        expect(START - at).toBeGreaterThan(4 * 86_400_000);
        expect(START - at).toBeLessThan(30 * 86_400_000);
        expect(instrument.funding!.intervalHours).toBe(toHours);
        const settlements = funding.settlements(instrument);
        const gapBefore = (time: number) => {
          const index = settlements.findIndex((settlement) => settlement.time === time);
          return (time - settlements[index - 1]!.time) / 3_600_000;
        };
        const times = settlements.map((settlement) => settlement.time);
        expect(times).toContain(at);
        for (const time of times.slice(1)) expect(gapBefore(time)).toBe(time <= at ? fromHours : toHours);
      }
    }
  });

  it('spreads 24 h volumes over orders of magnitude', () => {
    const volumes = binance.filter((instrument) => instrument.status === 'TRADING').map((instrument) => instrument.quoteVolume);
    expect(Math.max(...volumes) / Math.min(...volumes)).toBeGreaterThan(1000);
  });

  it('is a function of the seed', () => {
    const again = createMarketData(42, () => START).market;
    const other = createMarketData(7, () => START).market;
    const names = (m: typeof market) => m.binance.map((instrument) => `${instrument.symbol}:${instrument.state.mark}`);
    expect(names(again)).toEqual(names(market));
    expect(names(other)).not.toEqual(names(market));
  });
});

describe('live walk and history', () => {
  it('rolls the funding period at the settlement time and records the realised rate', () => {
    let clock = START;
    const data = createMarketData(42, () => clock);
    const btc = data.market.find('binance', 'BTCUSDT')!;
    const settlement = btc.state.nextFundingTime;
    expect(settlement).toBe(Date.UTC(2026, 10, 23, 8));
    const before = data.funding.settlements(btc).length;
    data.market.step();
    clock = settlement + 5;
    data.market.step();
    expect(btc.state.nextFundingTime).toBe(settlement + 8 * 3_600_000);
    const history = data.funding.settlements(btc);
    expect(history).toHaveLength(before + 1);
    expect(history.at(-1)).toMatchObject({ time: settlement, rate: btc.state.lastSettledRate });
  });

  it('ends the generated history exactly at the start state, and records live minutes after it', () => {
    let clock = START;
    const data = createMarketData(42, () => clock);
    const eth = data.market.find('okx', 'ETH-USDT-SWAP')!;
    const startMinute = Math.floor(START / MINUTE_MS);
    const startMark = eth.state.mark;
    expect(data.prices.span('mark', eth, startMinute - 1, startMinute - 1)!.close).toBeCloseTo(startMark, 8);
    expect(data.prices.span('index', eth, startMinute - 1, startMinute - 1)!.close).toBeCloseTo(eth.state.index, 8);
    for (let i = 0; i < 20; i++) {
      clock += 200;
      data.market.step();
    }
    const currentMinute = Math.floor(clock / MINUTE_MS);
    expect(currentMinute).toBe(startMinute + 1);
    const live = data.prices.span('mark', eth, startMinute, currentMinute)!;
    expect(live.open).toBe(startMark);
    expect(live.close).toBe(eth.state.mark);
    expect(data.prices.span('mark', eth, currentMinute, currentMinute)!.open).toBe(data.prices.span('mark', eth, startMinute, startMinute)!.close);
    expect(data.prices.span('mark', eth, startMinute - 30 * 1440, startMinute - 30 * 1440)).toBeDefined();
    expect(data.prices.span('mark', eth, startMinute - 30 * 1440 - 1, startMinute - 30 * 1440 - 1)).toBeUndefined();
  });

  it('keeps the premium small and on the side funding points to', () => {
    let clock = START;
    const data = createMarketData(42, () => clock);
    for (let i = 0; i < 50; i++) {
      clock += 200;
      data.market.step();
    }
    for (const instrument of data.market.binance.filter((candidate) => candidate.funding)) {
      expect(Math.abs(instrument.state.premium)).toBeLessThan(0.01);
    }
  });
});
