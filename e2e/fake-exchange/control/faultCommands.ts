import { CORS_MODES, isCorsMode, isRefuseScope, noFaults, REFUSE_SCOPES, type ExchangeFaults } from '../core/faults.ts';
import { defaultListModes } from '../okx/listModes.ts';
import { ControlError, type Command } from './command.ts';
import type { ControlDeps } from './controlServer.ts';
import { requestCounterOf } from './queries.ts';

const NOTICE_64008 = 'The connection will soon be closed for a service upgrade. Please reconnect.';

/** POST endpoints of the control API, by path. */
export function faultCommands(deps: ControlDeps): Record<string, Command> {
  const { binance, okx } = deps;
  const { market } = deps.data;
  /** The timing the fake started with: /timing changes it for a test, /reset puts it back. */
  const startTiming = { ...deps.timing };
  const milliseconds = (name: string, text: string): number => {
    const value = Number(text);
    if (!Number.isFinite(value) || value < 0) throw new ControlError(`${name} must be a non-negative number of milliseconds`);
    return value;
  };
  const exchangeOf = (query: URLSearchParams): { faults: ExchangeFaults; drop(): void; name: string } => {
    const name = query.get('exchange');
    if (name === 'binance') return { faults: binance.faults, drop: () => binance.sockets.terminateAll(), name };
    if (name === 'okx') return { faults: okx.faults, drop: () => okx.sockets.terminateAll(), name };
    throw new ControlError('exchange must be binance or okx');
  };

  return {
    '/reset': () => {
      for (const faults of [binance.faults, okx.faults]) Object.assign(faults, noFaults());
      binance.rest.resetBudget();
      binance.sockets.refusedStreams.clear();
      okx.rest.resetBudget();
      okx.sockets.resetConnectionRate();
      Object.assign(okx.listModes, defaultListModes());
      Object.assign(deps.timing, startTiming);
      market.restoreSymbols();
      deps.data.books.clearPins();
      deps.data.openInterests.clearPins();
      deps.options.clearPins();
      market.clearBasisPins();
      okx.futures.clearPins();
      return {};
    },
    '/reset-requests': (query) => {
      const exchange = query.get('exchange');
      const counters = exchange === null ? [binance.rest.requests, okx.rest.requests] : [requestCounterOf(deps, exchange)];
      for (const counter of counters) counter.reset();
      return { exchange: exchange ?? 'all', since: counters[0]!.since };
    },
    '/timing': (query) => {
      const firstFunding = query.get('okxFirstFundingPushMs');
      if (firstFunding !== null) {
        const range = firstFunding.split(',').map((part) => milliseconds('okxFirstFundingPushMs', part));
        if (range.length !== 2 || range[0]! > range[1]!) throw new ControlError('okxFirstFundingPushMs must be min,max');
        deps.timing.okxFirstFundingPushMs = [range[0]!, range[1]!];
      }
      const noticeDelay = query.get('okxNoticeCloseDelayMs');
      if (noticeDelay !== null) deps.timing.okxNoticeCloseDelayMs = milliseconds('okxNoticeCloseDelayMs', noticeDelay);
      const lifetime = query.get('binanceMaxLifetimeMs');
      if (lifetime !== null) deps.timing.binanceMaxLifetimeMs = milliseconds('binanceMaxLifetimeMs', lifetime);
      const { okxFirstFundingPushMs, okxNoticeCloseDelayMs, binanceMaxLifetimeMs } = deps.timing;
      return { okxFirstFundingPushMs, okxNoticeCloseDelayMs, binanceMaxLifetimeMs };
    },
    '/okx-instruments': (query) => {
      const channel = query.get('channel') ?? okx.listModes.channelOnSubscribe;
      const rest = query.get('rest') ?? okx.listModes.rest;
      if (channel !== 'changes' && channel !== 'full') throw new ControlError('channel must be changes or full');
      if (rest !== 'served' && rest !== 'refused') throw new ControlError('rest must be served or refused');
      okx.listModes.channelOnSubscribe = channel;
      okx.listModes.rest = rest;
      return { channel, rest };
    },
    '/okx-instrument-change': (query) => {
      const instId = query.get('instId') ?? '';
      if (!market.find('okx', instId)?.funding) throw new ControlError(`no OKX swap ${instId}`);
      return { instId, connections: okx.pushes.pushInstrumentChange(instId) };
    },
    '/drop': (query) => {
      const target = exchangeOf(query);
      target.drop();
      return { exchange: target.name };
    },
    '/refuse': (query) => {
      const target = exchangeOf(query);
      const status = Number(query.get('status') ?? 451);
      if (!Number.isInteger(status) || status < 400 || status > 599) throw new ControlError('status must be an HTTP error status');
      const scope = query.get('scope') ?? 'all';
      if (!isRefuseScope(scope)) throw new ControlError(`scope must be one of ${REFUSE_SCOPES.join(', ')}`);
      target.faults.refuseStatus = status;
      target.faults.refuseScope = scope;
      return { exchange: target.name, status, scope };
    },
    '/accept': (query) => {
      const target = exchangeOf(query);
      target.faults.refuseStatus = null;
      target.faults.refuseScope = 'all';
      return { exchange: target.name };
    },
    '/cors': (query) => {
      const target = exchangeOf(query);
      const mode = query.get('mode') ?? '';
      if (!isCorsMode(mode)) throw new ControlError(`mode must be one of ${CORS_MODES.join(', ')}`);
      target.faults.cors = mode;
      return { exchange: target.name, mode };
    },
    '/okx-funding-history-cut': (query) => {
      const pages = Number(query.get('pages') ?? 0);
      if (!Number.isInteger(pages) || pages < 0) throw new ControlError('pages must be a non-negative integer');
      okx.faults.fundingHistoryCut = { pages, served: {} };
      return { pages };
    },
    '/stall': (query) => {
      const target = exchangeOf(query);
      target.faults.stalled = true;
      return { exchange: target.name };
    },
    '/resume': (query) => {
      const target = exchangeOf(query);
      target.faults.stalled = false;
      return { exchange: target.name };
    },
    '/malformed': (query) => {
      const target = exchangeOf(query);
      // A frame cut off mid-object, as a broken proxy or a torn write would deliver it.
      const truncated = target.name === 'binance' ? '{"stream":"!markPrice@arr@1s","data":[{"e":"markPriceUpd' : '{"arg":{"channel":"mark-price","instId":"BTC-USDT-SWAP"},"data":[{"instType":"SW';
      const connections = target.name === 'binance' ? binance.sockets.connections : okx.sockets.connections;
      for (const connection of connections) connection.sendRaw(truncated);
      return { exchange: target.name };
    },
    '/inject': (query, body) => {
      const target = exchangeOf(query);
      if (body === '') throw new ControlError('the request body must be the frame to send');
      const connections = target.name === 'binance' ? binance.sockets.connections : okx.sockets.connections;
      for (const connection of connections) connection.sendRaw(body);
      return { exchange: target.name, connections: connections.size };
    },
    '/unknown': (query) => {
      const target = exchangeOf(query);
      const time = deps.now();
      if (target.name === 'binance') {
        for (const connection of binance.sockets.connections) {
          const payload = JSON.stringify({ e: 'fakeUnknownEvent', E: time, s: 'BTCUSDT' });
          connection.sendRaw(connection.combined ? `{"stream":"btcusdt@fakeUnknown","data":${payload}}` : payload);
        }
      } else {
        okx.sockets.broadcastRaw((connection) => JSON.stringify({ event: 'fake-unknown-event', msg: '', connId: connection.connId }));
      }
      return { exchange: target.name };
    },
    '/refuse-stream': (query) => {
      if (query.get('exchange') !== 'binance') throw new ControlError('exchange must be binance');
      const stream = query.get('stream') ?? '';
      if (stream === '') throw new ControlError('stream is required');
      binance.sockets.refusedStreams.add(stream);
      return { exchange: 'binance', stream };
    },
    '/okx-error': () => {
      okx.sockets.broadcastRaw((connection) =>
        JSON.stringify({
          event: 'error',
          code: '60018',
          msg: "Subscribe failed, wrong URL or channel:mark-price,instId:BTC-USDT-SWAP doesn't exist. Please use the correct URL, channel and parameters referring to API document.",
          connId: connection.connId,
        }),
      );
      return {};
    },
    '/okx-notice': (query) => {
      const closeAfterMs = Number(query.get('closeAfterMs') ?? deps.timing.okxNoticeCloseDelayMs);
      if (!Number.isFinite(closeAfterMs) || closeAfterMs < 0) throw new ControlError('closeAfterMs must be a non-negative number');
      // OKX sends 64008 on its public and private hosts only, never on /business.
      const noticed = [...okx.sockets.connections].filter((connection) => !connection.path.startsWith('/ws/v5/business'));
      for (const connection of noticed) {
        connection.sendRaw(JSON.stringify({ event: 'notice', code: '64008', msg: NOTICE_64008, connId: connection.connId }));
      }
      deps.scheduler.after(closeAfterMs, () => {
        for (const connection of noticed) connection.socket.close(1001, 'Service upgrade');
      });
      return { connections: noticed.length, closeAfterMs };
    },
    '/relist': (query) => {
      if (query.get('exchange') !== 'binance') throw new ControlError('exchange must be binance');
      const symbol = query.get('symbol') ?? '';
      const instrument = market.find('binance', symbol);
      if (!instrument || instrument.kind !== 'perpetual' || instrument.quote === 'USD') throw new ControlError(`no USDⓈ-M perpetual ${symbol} on binance`);
      const listedAs = query.get('as') ?? '';
      if (!listedAs.endsWith(instrument.quote) || listedAs.length === instrument.quote.length) {
        throw new ControlError(`as must be a base asset followed by ${instrument.quote}`);
      }
      if (market.find('binance', listedAs)) throw new ControlError(`${listedAs} is already listed`);
      market.relist(instrument, listedAs);
      return { exchange: 'binance', symbol: listedAs, was: symbol };
    },
    '/funding': (query) => {
      const target = exchangeOf(query);
      const symbol = query.get('symbol') ?? '';
      const instrument = market.find(target.name === 'binance' ? 'binance' : 'okx', symbol);
      if (!instrument?.funding) throw new ControlError(`no perpetual ${symbol} on ${target.name}`);
      const rate = Number(query.get('rate'));
      const intervalHours = Number(query.get('intervalHours') ?? instrument.funding.intervalHours);
      const settledRate = query.has('settledRate') ? Number(query.get('settledRate')) : null;
      if (!Number.isFinite(rate)) throw new ControlError('rate must be a number');
      if (settledRate !== null && !Number.isFinite(settledRate)) throw new ControlError('settledRate must be a number');
      const intervals = target.name === 'okx' ? [1, 2, 4, 6, 8] : [1, 2, 4, 8];
      if (!intervals.includes(intervalHours)) throw new ControlError(`intervalHours must be one of ${intervals.join(', ')}`);
      market.pinFunding(instrument, rate, intervalHours);
      if (settledRate !== null) instrument.state.lastSettledRate = settledRate;
      // Binance streams funding every second anyway; OKX's next push could be 90 s away.
      if (target.name === 'okx') okx.pushes.pushFundingNow(symbol);
      return { exchange: target.name, symbol, rate, intervalHours, settledRate: instrument.state.lastSettledRate, nextFundingTime: instrument.state.nextFundingTime };
    },
  };
}
