import { describe, expect, it } from 'vitest';
import type { ConnectionHub, Endpoint, TopicListener } from '../../connection/connectionHub';
import type { OptionEvent } from '../../domain/optionEvents';
import type { OptionFeedDeps } from '../optionFeedDeps';
import { startOkxOptionChain } from './optionFeed';
import { okxProtocol, okxArgKey, type OkxArg } from './okxProtocol';

const endpoint: Endpoint<OkxArg> = { id: 'okx test', exchange: 'okx', url: 'ws://test', protocol: okxProtocol };
const DEC26 = Date.UTC(2025, 11, 26, 8);

/** A hub that records what is wanted and lets the test push to the listeners. */
function recordingHub() {
  const wanted = new Map<string, number>();
  const listeners = new Map<string, TopicListener>();
  const hub: ConnectionHub = {
    subscribe(_endpoint, topics, listener) {
      const keys = (topics as OkxArg[]).map(okxArgKey);
      for (const key of keys) {
        wanted.set(key, (wanted.get(key) ?? 0) + 1);
        listeners.set(key, listener);
      }
      return () => {
        for (const key of keys) wanted.set(key, wanted.get(key)! - 1);
      };
    },
    onReconnect: () => () => undefined,
    setOnline: () => undefined,
    status: () => {
      throw new Error('unused');
    },
    stop: () => {},
  };
  const active = () => [...wanted].filter(([, count]) => count > 0).map(([key]) => key).sort();
  const push = (key: string, payload: unknown, at: number, superseded = 0) => listeners.get(key)!(payload, key, at, superseded);
  return { hub, active, push };
}

function summaryRow(instId: string) {
  return {
    instType: 'OPTION', instId, uly: 'BTC-USD', deltaBS: '0.5', gammaBS: '0.00001', thetaBS: '-50', vegaBS: '40',
    markVol: '0.5', bidVol: '0.49', askVol: '0.51', fwdPx: '100000', ts: String(DEC26 - 86_400_000),
  };
}

function startChain() {
  const recording = recordingHub();
  const pushed: OptionEvent[] = [];
  const coalesced = { count: 0 };
  const ingest: OptionFeedDeps['ingest'] = {
    push: (events) => pushed.push(...events),
    reject: () => {},
    countCoalesced: (count) => (coalesced.count += count),
  };
  const chain = startOkxOptionChain({ hub: recording.hub, ingest } as unknown as OptionFeedDeps, endpoint, 'BTC-USD');
  return { ...recording, pushed, coalesced, chain };
}

const summary = 'opt-summary|||BTC-USD';
const quoteTopics = (symbol: string) => [`mark-price|${symbol}||`, `tickers|${symbol}||`];
const DEC27 = DEC26 + 86_400_000;
const a = 'BTC-USD-251226-100000-C';
const a2 = 'BTC-USD-251226-100000-P';
const b = 'BTC-USD-251227-100000-P'; // a day later than a

describe('startOkxOptionChain', () => {
  it('takes greeks for every expiry from opt-summary, and marks and books only for a followed expiry', () => {
    const { chain, active, push, pushed, coalesced } = startChain();
    expect(active()).toEqual([summary]);

    push(summary, [summaryRow(a), summaryRow(a2), summaryRow(b)], DEC26 - 5000);
    expect(pushed.filter((event) => event.kind === 'greeks')).toHaveLength(3);
    expect(active()).toEqual([summary]);

    // Following subscribes at once the options the last opt-summary listed, without waiting for the next.
    const release = chain.followExpiry(DEC26);
    expect(active()).toEqual([...quoteTopics(a), ...quoteTopics(a2), summary].sort());

    // The newest of three pushes the socket held: the two it replaced count as coalesced.
    push(`mark-price|${a}||`, [{ instType: 'OPTION', instId: a, markPx: '0.02', ts: String(DEC26 - 4000) }], DEC26 - 4000, 2);
    expect(pushed.at(-1)).toMatchObject({ kind: 'mark', symbol: a, mark: 0.02 });
    expect(coalesced.count).toBe(2);

    release();
    expect(active()).toEqual([summary]);
    chain.stop();
  });

  it('switches expiry: the old expiry\'s options leave and the new one\'s join in the same call stack (one hub batch)', () => {
    const { chain, active, push } = startChain();
    push(summary, [summaryRow(a), summaryRow(b)], DEC26 - 5000);
    const releaseA = chain.followExpiry(DEC26);
    expect(active()).toEqual([...quoteTopics(a), summary].sort());

    releaseA();
    const releaseB = chain.followExpiry(DEC27);
    expect(active()).toEqual([...quoteTopics(b), summary].sort());

    releaseB();
    releaseB(); // a second release is a no-op, not a second unsubscribe
    expect(active()).toEqual([summary]);
    chain.stop();
  });

  it('counts followers of an expiry: it stays followed until the last one releases', () => {
    const { chain, active, push } = startChain();
    push(summary, [summaryRow(a)], DEC26 - 5000);
    const first = chain.followExpiry(DEC26);
    const second = chain.followExpiry(DEC26);
    first();
    expect(active()).toEqual([...quoteTopics(a), summary].sort());
    second();
    expect(active()).toEqual([summary]);
    chain.stop();
  });

  it('follows an expiry named before opt-summary lists it, picks up options listed later, and drops them at expiry', () => {
    const { chain, active, push } = startChain();
    chain.followExpiry(DEC26);
    expect(active()).toEqual([summary]);

    push(summary, [summaryRow(a), summaryRow(b)], DEC26 - 5000);
    expect(active()).toEqual([...quoteTopics(a), summary].sort());
    push(summary, [summaryRow(a), summaryRow(a2), summaryRow(b)], DEC26 - 4000);
    expect(active()).toEqual([...quoteTopics(a), ...quoteTopics(a2), summary].sort());

    push(summary, [summaryRow(b)], DEC26);
    expect(active()).toEqual([summary]);
    chain.stop();
  });

  it('releases everything on stop', () => {
    const { chain, active, push } = startChain();
    push(summary, [summaryRow(a), summaryRow(b)], DEC26 - 5000);
    chain.followExpiry(DEC26);
    chain.followExpiry(DEC27);
    expect(active()).toHaveLength(5);
    chain.stop();
    expect(active()).toEqual([]);
  });
});
