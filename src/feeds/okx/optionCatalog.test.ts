import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createConnectionHub, type Endpoint } from '../../connection/connectionHub';
import { realScheduler } from '../../connection/scheduler';
import { ScriptedServer } from '../../connection/testing/scriptedSockets';
import type { OptionEvent } from '../../domain/optionEvents';
import type { SourceStatus } from '../../domain/sourceStatus';
import type { OptionFeedDeps } from '../optionFeedDeps';
import { startOkxOptionCatalog } from './optionFeed';
import { okxProtocol, type OkxArg } from './okxProtocol';

const endpoint: Endpoint<OkxArg> = { id: 'okx', exchange: 'okx', url: 'wss://fake/ws/v5/public', protocol: okxProtocol };
const REST = 'https://fake-rest';
const FAMILIES_URL = `${REST}/api/v5/public/underlying?instType=OPTION`;
const listUrl = (family: string) => `${REST}/api/v5/public/instruments?instType=OPTION&instFamily=${family}`;
const INSTRUMENTS_CHANNEL = { channel: 'instruments', instType: 'OPTION' };
const DEC26 = Date.UTC(2026, 11, 26, 8);

/** An option's record as OKX's instruments REST answer and channel give it (the fields the parser reads, and a few more). */
const option = (family: string, strike: string, state = 'live') => ({
  instType: 'OPTION',
  instId: `${family}-261226-${strike}-C`,
  uly: family,
  instFamily: family,
  settleCcy: family.split('-')[0],
  ctValCcy: family.split('-')[0],
  optType: 'C',
  stk: strike,
  listTime: String(DEC26 - 90 * 86_400_000),
  expTime: String(DEC26),
  state,
});

const ok = (data: unknown[]) => ({ code: '0', msg: '', data });
const answer = (body: unknown, status = 200) => Promise.resolve(new Response(JSON.stringify(body), { status }));
function restStub(routes: Record<string, () => Promise<Response>>) {
  return vi.fn((url: RequestInfo | URL) => routes[String(url)]?.() ?? answer({ code: '51000', msg: 'Parameter instFamily error', data: [] }));
}
const refused = () => answer({ msg: '', code: '403' }, 403);

function startCatalog(fetchImpl: typeof fetch) {
  const server = new ScriptedServer();
  const hub = createConnectionHub({ sockets: server.factory, scheduler: realScheduler, random: () => 0.5 });
  const pushed: OptionEvent[] = [];
  const sources: SourceStatus[] = [];
  const ingest: OptionFeedDeps['ingest'] = { push: (events) => pushed.push(...events), reject: () => undefined, countCoalesced: () => undefined };
  const deps: OptionFeedDeps = { hub, ingest, fetch: fetchImpl, scheduler: realScheduler, random: () => 0.5, reportSource: (status) => sources.push(status) };
  const stop = startOkxOptionCatalog(deps, endpoint, REST);
  const socket = server.last();
  socket.open();
  const listed = () => pushed.flatMap((event) => (event.kind === 'instrument' && event.listed ? [event.symbol] : []));
  const families = () => pushed.flatMap((event) => (event.kind === 'underlyings' ? [[...event.underlyings].sort()] : [])).at(-1);
  return { socket, pushed, sources, listed, families, stop: () => (stop(), hub.stop()) };
}

beforeEach(() => vi.useFakeTimers({ now: DEC26 - 30 * 86_400_000 }));
afterEach(() => vi.useRealTimers());

describe('OKX option catalog', () => {
  it('starts from the REST list of every family while the instruments channel sends nothing', async () => {
    const fetchImpl = restStub({
      [FAMILIES_URL]: () => answer(ok([['BTC-USD', 'ETH-USD']])),
      [listUrl('BTC-USD')]: () => answer(ok([option('BTC-USD', '100000'), option('BTC-USD', '120000', 'preopen')])),
      [listUrl('ETH-USD')]: () => answer(ok([option('ETH-USD', '4000')])),
    });
    const { socket, pushed, listed, families, sources, stop } = startCatalog(fetchImpl);
    await vi.advanceTimersByTimeAsync(500);
    expect(socket.sentJson().flatMap((frame) => frame.args as OkxArg[])).toContainEqual(INSTRUMENTS_CHANNEL);
    expect(listed()).toEqual(['BTC-USD-261226-100000-C', 'ETH-USD-261226-4000-C']);
    expect(families()).toEqual(['BTC-USD', 'ETH-USD']);
    expect(pushed.filter((event) => event.kind === 'list-complete')).toHaveLength(1);
    expect(sources.filter((source) => source.id === 'okx:option-instruments').at(-1)).toMatchObject({ state: 'ok' });

    // A listing the channel announces later joins the chain.
    socket.receive({ arg: INSTRUMENTS_CHANNEL, data: [option('BTC-USD', '140000')] });
    expect(listed().at(-1)).toBe('BTC-USD-261226-140000-C');
    stop();
  });

  it('starts from the instruments channel alone when REST is refused, and names the missing source', async () => {
    const fetchImpl = restStub({ [FAMILIES_URL]: refused });
    const { socket, pushed, listed, families, sources, stop } = startCatalog(fetchImpl);
    await vi.advanceTimersByTimeAsync(500);
    expect(sources.filter((source) => source.id === 'okx:option-instruments').at(-1)).toMatchObject({
      state: 'failed',
      label: 'OKX option list',
      detail: 'HTTP 403',
    });
    expect(listed()).toEqual([]);

    socket.receive({ arg: INSTRUMENTS_CHANNEL, data: [option('BTC-USD', '100000'), option('ETH-USD', '4000')] });
    expect(listed()).toEqual(['BTC-USD-261226-100000-C', 'ETH-USD-261226-4000-C']);
    expect(families()).toEqual(['BTC-USD', 'ETH-USD']);
    // Changes say nothing of the options they leave out: nothing is called complete.
    expect(pushed.some((event) => event.kind === 'list-complete')).toBe(false);
    stop();
  });

  it('fails the REST list when one family\'s list fails, rather than calling a partial list complete', async () => {
    const fetchImpl = restStub({
      [FAMILIES_URL]: () => answer(ok([['BTC-USD', 'ETH-USD']])),
      [listUrl('BTC-USD')]: () => answer(ok([option('BTC-USD', '100000')])),
      [listUrl('ETH-USD')]: refused,
    });
    const { pushed, sources, stop } = startCatalog(fetchImpl);
    await vi.advanceTimersByTimeAsync(500);
    expect(pushed.some((event) => event.kind === 'list-complete')).toBe(false);
    expect(sources.filter((source) => source.id === 'okx:option-instruments').at(-1)).toMatchObject({ state: 'failed', detail: 'HTTP 403' });
    stop();
  });
});
