import { describe, expect, it } from 'vitest';
import { okxProtocol } from './okxProtocol';

const snapshotKey = (frame: unknown): string | null => okxProtocol.snapshotKey!(typeof frame === 'string' ? frame : JSON.stringify(frame));

describe('OKX snapshot pushes', () => {
  it('names the topic of a per-instrument push whose every frame is the whole state', () => {
    // The documented mark-price push (exchange-docs/okx-mark-price-channel.txt).
    const mark = { arg: { channel: 'mark-price', instId: 'BTC-USDT' }, data: [{ instType: 'MARGIN', instId: 'BTC-USDT', markPx: '42310.6', ts: '1630049139746' }] };
    expect(snapshotKey(mark)).toBe('{"arg":{"channel":"mark-price","instId":"BTC-USDT');
    expect(snapshotKey({ ...mark, arg: { channel: 'funding-rate', instId: 'BTC-USDT-SWAP' } })).toBe('{"arg":{"channel":"funding-rate","instId":"BTC-USDT-SWAP');
    expect(snapshotKey({ ...mark, arg: { channel: 'tickers', instId: 'BTC-USD-251226-100000-C' } })).toBe('{"arg":{"channel":"tickers","instId":"BTC-USD-251226-100000-C');
  });


  it('gives two instruments, or two channels, two keys', () => {
    const key = (channel: string, instId: string) => snapshotKey({ arg: { channel, instId }, data: [] });
    expect(new Set([key('mark-price', 'BTC-USDT-SWAP'), key('mark-price', 'BTC-USDT'), key('funding-rate', 'BTC-USDT-SWAP')]).size).toBe(3);
  });

  it('does not recognise lists, channel events, other layouts or escaped ids, which are read on arrival', () => {
    expect(snapshotKey({ arg: { channel: 'instruments', instType: 'SWAP' }, data: [] })).toBeNull();
    expect(snapshotKey({ arg: { channel: 'opt-summary', instFamily: 'BTC-USD' }, data: [] })).toBeNull();
    expect(snapshotKey({ event: 'subscribe', arg: { channel: 'mark-price', instId: 'BTC-USDT-SWAP' }, connId: 'a' })).toBeNull();
    expect(snapshotKey({ arg: { channel: 'mark-price', instId: 'BTC-USDT-SWAP', instType: 'SWAP' }, data: [] })).toBeNull();
    expect(snapshotKey({ data: [], arg: { channel: 'mark-price', instId: 'BTC-USDT-SWAP' } })).toBeNull();
    expect(snapshotKey('{ "arg": { "channel": "mark-price", "instId": "BTC-USDT-SWAP" }, "data": [] }')).toBeNull();
    expect(snapshotKey({ arg: { channel: 'mark-price', instId: 'A"}X' }, data: [] })).toBeNull();
    expect(snapshotKey({ arg: { channel: 'mark-price', instId: '' }, data: [] })).toBeNull();
    expect(snapshotKey('pong')).toBeNull();
  });
});

describe('OKX frames whose fields are objects', () => {
  it('reads an error whose code no String() can convert as an error without a code, and an arg of objects as unknown', () => {
    expect(okxProtocol.classify('{"event":"error","code":{"toString":1},"msg":"x"}')).toEqual({ kind: 'server-error', code: '', message: 'x' });
    expect(okxProtocol.classify('{"id":{"toString":1},"event":"error","code":"60012","msg":"x"}')).toEqual({ kind: 'server-error', code: '60012', message: 'x' });
    expect(okxProtocol.classify('{"arg":{"channel":"mark-price","instId":{"toString":1}},"data":[]}').kind).toBe('unknown');
    expect(okxProtocol.classify('{"event":"subscribe","arg":{"channel":{"toString":1}}}')).toEqual({ kind: 'ack', requestId: null, topicKey: null });
  });
});
