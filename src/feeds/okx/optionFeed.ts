import type { Endpoint, TopicListener } from '../../connection/connectionHub';
import type { OptionEvent, OptionInstrumentEvent } from '../../domain/optionEvents';
import type { OptionFeedDeps } from '../optionFeedDeps';
import { startInstrumentList } from './instrumentList';
import { optionListSpec } from './optionList';
import { okxOptionInstrument, parseOptionMarkPrices, parseOptionTickers, parseOptSummary } from './optionParse';
import type { OkxArg } from './okxProtocol';
import { once } from '../../lib/once';

/**
 * Which OKX options exist, from REST and the `instruments` channel, either one enough
 * (instrumentList.ts, optionList.ts); reloaded after a reconnect, when channel changes may have
 * been missed. The families of the listed options make the chain picker.
 */
export function startOkxOptionCatalog(deps: OptionFeedDeps, endpoint: Endpoint<OkxArg>, restBase: string): () => void {
  let families = new Set<string>();

  const applyList = (instruments: OptionInstrumentEvent[], complete: boolean): void => {
    const batch: OptionEvent[] = [...instruments];
    // A whole list says which options are gone: those it does not name (the ingest removes them).
    if (complete) batch.push({ kind: 'list-complete', exchange: 'okx' });
    const next = new Set(complete ? [] : families);
    for (const instrument of instruments) if (instrument.listed) next.add(instrument.underlying);
    if (next.size !== families.size || [...next].some((family) => !families.has(family))) {
      batch.push({ kind: 'underlyings', exchange: 'okx', underlyings: [...next] });
    }
    families = next;
    deps.ingest.push(batch);
  };

  const list = startInstrumentList(deps, endpoint, optionListSpec(restBase), applyList);
  const stopReconnects = deps.hub.onReconnect(endpoint, () => list.reload());
  return () => {
    stopReconnects();
    list.stop();
  };
}

const OPTION_CHANNELS = ['mark-price', 'tickers'] as const;

/** A running OKX chain: greeks for every expiry, marks and books for the expiries being shown. */
export interface OkxOptionChain {
  /**
   * Adds `mark-price` and `tickers` for each option of one expiry (ms) until the returned release
   * is called; counted, so two users of one expiry share its subscriptions.
   */
  followExpiry(expiry: number): () => void;
  stop(): void;
}

/**
 * One family's chain, live: `opt-summary` (one push per second with every option's vols, USD
 * greeks and forward, for all expiries, so every expiry tab keeps its data) and, only for the
 * options of the followed expiries (the one the trader reads), `mark-price` and `tickers` (best
 * bid/ask). Following the whole family would be ~1,600 channels for BTC-USD; one expiry is a
 * tenth of that. A switch costs a handful of requests: the hub sends the old expiry's
 * unsubscribes and the new one's subscribes in the same tick, up to 400 args a request, against
 * OKX's 480 subscribe/unsubscribe requests an hour per connection (an expiry of 100 options = 1+1
 * requests, so over two hundred switches an hour before the hub has to wait).
 * Options leave at expiry; options listed later join as soon as opt-summary carries them.
 */
export function startOkxOptionChain(deps: OptionFeedDeps, endpoint: Endpoint<OkxArg>, family: string): OkxOptionChain {
  const { hub, ingest } = deps;
  /** Every live option opt-summary lists, by symbol, with its expiry. */
  const listed = new Map<string, number>();
  /** How many users follow each expiry. */
  const followers = new Map<number, number>();
  const followed = new Map<string, { expiry: number; release: () => void }>();
  let lastSummaryAt = 0;

  const onOptionPush: TopicListener = (payload, topicKey, receivedAt, coalesced) => {
    const { events, rejected } = topicKey.startsWith('mark-price|') ? parseOptionMarkPrices(payload) : parseOptionTickers(payload);
    ingest.push(events, receivedAt);
    ingest.reject('okx', rejected);
    ingest.countCoalesced(coalesced);
  };

  /** Subscribes what is listed and followed but not yet subscribed; releases what settled or is no longer followed. */
  const reconcile = (now: number): void => {
    for (const [symbol, expiry] of listed) {
      if (expiry <= now) listed.delete(symbol);
      else if (followers.has(expiry) && !followed.has(symbol)) {
        const args = OPTION_CHANNELS.map((channel) => ({ channel, instId: symbol }));
        followed.set(symbol, { expiry, release: hub.subscribe(endpoint, args, onOptionPush) });
      }
    }
    for (const [symbol, entry] of followed) {
      if (entry.expiry > now && followers.has(entry.expiry)) continue;
      entry.release();
      followed.delete(symbol);
    }
  };

  const stopSummary = hub.subscribe(endpoint, [{ channel: 'opt-summary', instFamily: family }], (payload, _topic, receivedAt) => {
    const { events, rejected } = parseOptSummary(payload);
    ingest.push(events, receivedAt);
    ingest.reject('okx', rejected);
    for (const { symbol } of events) {
      if (listed.has(symbol)) continue;
      const instrument = okxOptionInstrument(symbol);
      if (instrument) listed.set(symbol, instrument.expiry);
    }
    lastSummaryAt = receivedAt;
    reconcile(receivedAt);
  });

  return {
    followExpiry(expiry) {
      followers.set(expiry, (followers.get(expiry) ?? 0) + 1);
      // The options opt-summary listed last (at most a second ago) are subscribed at once, not at its next push.
      reconcile(lastSummaryAt);
      return once(() => {
        const count = followers.get(expiry)! - 1;
        if (count > 0) followers.set(expiry, count);
        else followers.delete(expiry);
        reconcile(lastSummaryAt);
      });
    },
    stop() {
      stopSummary();
      for (const entry of followed.values()) entry.release();
      followed.clear();
      followers.clear();
      listed.clear();
    },
  };
}
