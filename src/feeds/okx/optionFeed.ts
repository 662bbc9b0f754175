import type { Endpoint } from '../../connection/connectionHub';
import type { OptionEvent } from '../../domain/optionEvents';
import type { OptionFeedDeps } from '../optionFeedDeps';
import { okxOptionInstrument, parseOptionInstruments, parseOptionMarkPrices, parseOptionTickers, parseOptSummary } from './optionParse';
import type { OkxArg } from './protocol';

/**
 * Which OKX options exist: the `instruments` channel for OPTION pushes every family's options on
 * subscribe, then changes (new listings, state changes). The families found make the chain picker.
 */
export function startOkxOptionCatalog(deps: OptionFeedDeps, endpoint: Endpoint<OkxArg>): () => void {
  const families = new Set<string>();
  let listComplete = false;
  return deps.hub.subscribe(endpoint, [{ channel: 'instruments', instType: 'OPTION' }], (payload) => {
    const { events, rejected } = parseOptionInstruments(payload);
    deps.ingest.reject('okx', rejected);
    const batch: OptionEvent[] = [...events];
    if (!listComplete) {
      listComplete = true;
      batch.push({ kind: 'list-complete', exchange: 'okx' });
    }
    const before = families.size;
    for (const event of events) if (event.listed) families.add(event.underlying);
    if (families.size !== before) batch.push({ kind: 'underlyings', exchange: 'okx', underlyings: [...families] });
    deps.ingest.push(batch);
  });
}

const OPTION_CHANNELS = ['mark-price', 'tickers'] as const;

/**
 * One family's chain, live: `opt-summary` (one push per second with every option's vols, USD
 * greeks and forward) and, per option it lists, `mark-price` and `tickers` (best bid/ask). Only the
 * open chain's options are subscribed, which keeps the per-option arguments (two per option,
 * ~800 for BTC-USD) within what the hub spreads over OKX's per-socket limits. Options leave at
 * expiry; options listed later join as soon as opt-summary carries them.
 */
export function startOkxOptionChain(deps: OptionFeedDeps, endpoint: Endpoint<OkxArg>, family: string): () => void {
  const { hub, ingest } = deps;
  const followed = new Map<string, { expiry: number; release: () => void }>();

  const onOptionPush = (payload: unknown, topicKey: string): void => {
    const { events, rejected } = topicKey.startsWith('mark-price|') ? parseOptionMarkPrices(payload) : parseOptionTickers(payload);
    ingest.push(events);
    ingest.reject('okx', rejected);
  };

  const follow = (symbols: readonly string[], now: number): void => {
    for (const symbol of symbols) {
      if (followed.has(symbol)) continue;
      const instrument = okxOptionInstrument(symbol);
      if (!instrument || instrument.expiry <= now) continue;
      const args = OPTION_CHANNELS.map((channel) => ({ channel, instId: symbol }));
      followed.set(symbol, { expiry: instrument.expiry, release: hub.subscribe(endpoint, args, onOptionPush) });
    }
    for (const [symbol, entry] of followed) {
      if (entry.expiry > now) continue;
      entry.release();
      followed.delete(symbol);
    }
  };

  const stopSummary = hub.subscribe(endpoint, [{ channel: 'opt-summary', instFamily: family }], (payload, _topic, receivedAt) => {
    const { events, rejected } = parseOptSummary(payload);
    ingest.push(events);
    ingest.reject('okx', rejected);
    follow(events.map((event) => event.symbol), receivedAt);
  });

  return () => {
    stopSummary();
    for (const entry of followed.values()) entry.release();
    followed.clear();
  };
}
