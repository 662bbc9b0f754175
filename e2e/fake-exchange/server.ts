import { BinanceExchange } from './binance/binanceExchange.ts';
import { historyEndpoints } from './binance/historyEndpoints.ts';
import { openInterestEndpoint } from './binance/openInterestEndpoint.ts';
import { optionEndpoints } from './binance/optionEndpoints.ts';
import { orderBookEndpoints } from './binance/orderBookEndpoints.ts';
import { BinanceTickers } from './binance/tickers.ts';
import { ControlServer } from './control/controlServer.ts';
import { Scheduler } from './core/scheduler.ts';
import { STEP_MS } from './markets/liveWalk.ts';
import { createMarketData } from './markets/marketData.ts';
import { createOptionMarket } from './markets/options.ts';
import { OkxExchange } from './okx/okxExchange.ts';
import { okxOptionSource } from './okx/options.ts';
import { OKX_REGIONS, type OkxRegion } from './okx/regions.ts';
import { DEFAULT_TIMING, type FakeTiming } from './timing.ts';

export type { FakeTiming } from './timing.ts';

export interface FakeExchangeOptions {
  /** 0 = any free port (default). */
  binancePort?: number;
  okxPort?: number;
  controlPort?: number;
  /** Markets, history and the live walk are a function of the seed (default 42). */
  seed?: number;
  /** Cadence multiplier (default 1): 10 makes every push and market step 10x as frequent. */
  rate?: number;
  /** Protocol timers, shortened by tests. */
  timing?: Partial<FakeTiming>;
  /** Server clock (default Date.now); every event time stamp reads it at send time. */
  now?: () => number;
}

export interface FakeExchange {
  binanceUrl: string;
  /** OKX Global's REST base; each region's is in `env`. */
  okxUrl: string;
  controlUrl: string;
  /** The app's VITE_* endpoint variables pointing at this fake exchange. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/** The app's variables of each OKX region (Global's have no region in their names), each region on its own port. */
function okxRegionEnv(ports: Record<OkxRegion, number>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const region of OKX_REGIONS) {
    const prefix = region === 'global' ? 'VITE_OKX' : `VITE_OKX_${region.toUpperCase()}`;
    env[`${prefix}_WS`] = `ws://127.0.0.1:${ports[region]}/ws/v5/public`;
    env[`${prefix}_BUSINESS_WS`] = `ws://127.0.0.1:${ports[region]}/ws/v5/business`;
    env[`${prefix}_REST`] = `http://127.0.0.1:${ports[region]}`;
  }
  return env;
}

/** Starts Binance, OKX and the control API on loopback ports, over one seeded market. */
export async function startFakeExchange(options: FakeExchangeOptions = {}): Promise<FakeExchange> {
  const now = options.now ?? Date.now;
  const timing: FakeTiming = { ...DEFAULT_TIMING, ...options.timing };
  const scheduler = new Scheduler(options.rate ?? 1);
  const data = createMarketData(options.seed ?? 42, now);
  const { market } = data;
  scheduler.cadence(STEP_MS, () => market.step());

  const optionMarket = createOptionMarket({ seed: market.seed, now: market.startTime, spot: (base) => market.spot(base) ?? 0 });
  const tickers = new BinanceTickers(market, data.dayStats, now);
  const binance = new BinanceExchange({
    market,
    scheduler,
    timing,
    now,
    sources: {
      optionMarkPrice: (underlying, eventTime) => optionMarket.binance.markPriceStream(underlying, eventTime),
      changedMiniTickers: (eventTime) => tickers.changedMiniTickers(eventTime),
      miniTicker: (instrument, eventTime) => tickers.miniTicker(instrument, eventTime),
    },
    extraEndpoints: {
      ...historyEndpoints(data, tickers),
      ...optionEndpoints(optionMarket, now),
      ...orderBookEndpoints(market, data.books, now),
      ...openInterestEndpoint(market, data.openInterests, now),
    },
  });
  const okx = new OkxExchange({ data, options: okxOptionSource(optionMarket, now), scheduler, timing, now });
  const control = new ControlServer({ binance, okx, data, options: optionMarket, scheduler, timing, now });

  const close = async () => {
    scheduler.stop();
    await Promise.all([binance.close(), okx.close(), control.close()]);
  };
  try {
    await binance.listen(options.binancePort ?? 0);
    await okx.listen(options.okxPort ?? 0);
    await control.listen(options.controlPort ?? 0);
  } catch (error) {
    await close();
    throw error;
  }

  data.dayStats.warmUp([...market.binance, ...market.okx], (task) => scheduler.after(0, task));

  const binanceUrl = `http://127.0.0.1:${binance.port}`;
  const okxUrl = `http://127.0.0.1:${okx.port}`;
  return {
    binanceUrl,
    okxUrl,
    controlUrl: `http://127.0.0.1:${control.port}`,
    env: {
      VITE_BINANCE_FUTURES_WS: `ws://127.0.0.1:${binance.port}/market`,
      VITE_BINANCE_FUTURES_REST: binanceUrl,
      VITE_BINANCE_OPTIONS_WS: `ws://127.0.0.1:${binance.port}/market`,
      VITE_BINANCE_OPTIONS_REST: binanceUrl,
      ...okxRegionEnv(okx.ports),
    },
    close,
  };
}
