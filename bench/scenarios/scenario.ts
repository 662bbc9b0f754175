import type { PageSession } from '../harness/pageSession.ts';

export interface ScenarioContext {
  session: PageSession;
  appUrl: string;
  controlUrl: string;
  rate: number;
  /** Text in the URL of the app's Binance sockets (their port): where the funding probes' values arrive. */
  binanceSocketMarker: string;
  binanceSymbols: readonly string[];
  /** Unique across the whole run, so each latency probe pins a value never shown before. */
  nextProbeId(): number;
}

export interface ScenarioPhase {
  name: string;
  /** What the user (or the bench) does while the window is measured; returns at the deadline. */
  activity(context: ScenarioContext, deadline: number): Promise<void>;
}

/** One view of the app, measured the same way at every rate. */
export interface ViewScenario {
  id: string;
  title: string;
  /** Why the view is not measured yet; null when it is. */
  notMeasured: string | null;
  path: string;
  /** Waits until the view is fully live; returns ms from navigation to that moment when the view defines it. */
  waitUntilLive(context: ScenarioContext): Promise<number | null>;
  phases: ScenarioPhase[];
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
