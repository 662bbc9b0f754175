import { BinanceExchange } from './binance/binanceExchange.ts';
import { ControlServer } from './control/controlServer.ts';
import { Scheduler } from './core/scheduler.ts';
import { STEP_MS } from './markets/liveWalk.ts';
import { Market } from './markets/market.ts';
import { swapCatalog } from './okx/catalog.ts';
import { OkxExchange } from './okx/okxExchange.ts';
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
  okxUrl: string;
  controlUrl: string;
  /** The app's VITE_* endpoint variables pointing at this fake exchange. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/** Starts Binance, OKX and the control API on loopback ports, over one seeded market. */
export async function startFakeExchange(options: FakeExchangeOptions = {}): Promise<FakeExchange> {
  const now = options.now ?? Date.now;
  const timing: FakeTiming = { ...DEFAULT_TIMING, ...options.timing };
  const scheduler = new Scheduler(options.rate ?? 1);
  const market = new Market(options.seed ?? 42, now);
  scheduler.cadence(STEP_MS, () => market.step());

  const binance = new BinanceExchange({
    market,
    scheduler,
    timing,
    now,
    sources: { optionMarkPrice: () => null, changedMiniTickers: () => [], miniTicker: () => null },
    extraEndpoints: {},
  });
  const okx = new OkxExchange({ market, scheduler, timing, now, catalog: swapCatalog(market), extraEndpoints: {} });
  const control = new ControlServer({ binance, okx, market, scheduler, timing, now });

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
      VITE_OKX_WS: `ws://127.0.0.1:${okx.port}/ws/v5/public`,
      VITE_OKX_BUSINESS_WS: `ws://127.0.0.1:${okx.port}/ws/v5/business`,
      VITE_OKX_REST: okxUrl,
    },
    close,
  };
}
