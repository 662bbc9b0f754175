import { describe, expect, it } from 'vitest';
import type { ConnectionHub, Endpoint, TopicListener } from '../../connection/connectionHub';
import type { OptionEvent } from '../../domain/optionEvents';
import type { OptionFeedDeps } from '../optionFeedDeps';
import { startOkxOptionChain } from './optionFeed';
import { okxProtocol, okxArgKey, type OkxArg } from './protocol';

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
    status: () => {
      throw new Error('unused');
    },
    stop: () => {},
  };
  const active = () => [...wanted].filter(([, count]) => count > 0).map(([key]) => key).sort();
  const push = (key: string, payload: unknown, at: number) => listeners.get(key)!(payload, key, at);
  return { hub, active, push };
}

function summaryRow(instId: string) {
  return {
    instType: 'OPTION', instId, uly: 'BTC-USD', deltaBS: '0.5', gammaBS: '0.00001', thetaBS: '-50', vegaBS: '40',
    markVol: '0.5', bidVol: '0.49', askVol: '0.51', fwdPx: '100000', ts: String(DEC26 - 86_400_000),
  };
}

describe('startOkxOptionChain', () => {
  it('follows the options opt-summary lists with mark-price and tickers, drops them at expiry, releases all on stop', () => {
    const { hub, active, push } = recordingHub();
    const pushed: OptionEvent[] = [];
    const deps = { hub, ingest: { push: (events: readonly OptionEvent[]) => pushed.push(...events), reject: () => {}, flushNow: () => {} } };
    const stop = startOkxOptionChain(deps as unknown as OptionFeedDeps, endpoint, 'BTC-USD');
    const summary = 'opt-summary|||BTC-USD';
    expect(active()).toEqual([summary]);

    const a = 'BTC-USD-251226-100000-C';
    const b = 'BTC-USD-251227-100000-P'; // a day later than a
    push(summary, [summaryRow(a), summaryRow(b)], DEC26 - 1000);
    expect(active()).toEqual([`mark-price|${a}||`, `mark-price|${b}||`, summary, `tickers|${a}||`, `tickers|${b}||`]);
    expect(pushed.filter((event) => event.kind === 'greeks')).toHaveLength(2);

    push(summary, [summaryRow(b)], DEC26);
    expect(active()).toEqual([`mark-price|${b}||`, summary, `tickers|${b}||`]);

    push(`mark-price|${b}||`, [{ instType: 'OPTION', instId: b, markPx: '0.02', ts: String(DEC26) }], DEC26);
    expect(pushed.at(-1)).toMatchObject({ kind: 'mark', symbol: b, mark: 0.02 });

    stop();
    expect(active()).toEqual([]);
  });
});
