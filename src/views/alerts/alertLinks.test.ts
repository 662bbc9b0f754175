import { describe, expect, it } from 'vitest';
import { parseCarryParams } from '../carry/carryParams';
import { parseOptionsParams } from '../options/optionsParams';
import { alertPath } from '../../app/alerts/alertPath';
import { firedValuesText, watchedText } from './alertLinks';

describe('a fired alert’s link', () => {
  it('opens a contract’s chart', () => {
    expect(alertPath({ kind: 'contract', exchange: 'okx', symbol: 'BTC-USDT-SWAP' })).toBe('/charts/okx/BTC-USDT-SWAP');
  });

  it('opens the pair on the Carry desk, as its page reads the pair', () => {
    const link = alertPath({ kind: 'pair', coin: 'ETH', margin: 'inverse' })!;
    expect(link.startsWith('/carry?')).toBe(true);
    expect(parseCarryParams(new URLSearchParams(link.slice('/carry?'.length))).pair).toBe('ETH:inverse');
  });

  it('opens the chain on the Options page, and nothing for an exchange', () => {
    const link = alertPath({ kind: 'chain', exchange: 'okx', underlying: 'BTC-USD' })!;
    expect(parseOptionsParams(new URLSearchParams(link.slice('/options?'.length)))).toEqual({ exchange: 'okx', underlying: 'BTC-USD', expiry: null });
    expect(alertPath({ kind: 'exchange', exchange: 'binance' })).toBeNull();
  });
});

describe('the words of the Alerts panel', () => {
  it('names what a rule watches', () => {
    const contract = { exchange: 'binance', symbol: 'BTCUSDT' } as const;
    expect(watchedText({ kind: 'sign-change', target: { scope: 'contract', contract } })).toBe('BTCUSDT (Binance)');
    expect(watchedText({ kind: 'sign-change', target: { scope: 'watchlist', contracts: [contract, contract] } })).toBe('2 watched contracts');
    expect(watchedText({ kind: 'interval-change', target: { scope: 'every' } })).toBe('Any contract');
    expect(watchedText({ kind: 'carry-level', pair: { coin: 'BTC', margin: 'linear' }, side: 'above', level: 0.1 })).toBe('BTC linear pair');
  });

  it('shows the values that fired an alert as the views show figures', () => {
    expect(firedValuesText({ kind: 'level', value: 0.315, level: 0.3, side: 'above' })).toBe('+31.50% (above +30.00%)');
    expect(firedValuesText({ kind: 'sign-change', rate: -0.0001, previousRate: 0.0002 })).toBe('−0.0100% (was +0.0200%)');
    expect(firedValuesText({ kind: 'interval-change', intervalHours: 4, previousHours: 8 })).toBe('8 h → 4 h');
  });
});
