import { describe, expect, it } from 'vitest';
import { initialLinkStatus, type LinkState } from '../../domain/connectionState';
import { unreachableOf, unreachableWords } from './unreachable';

const links = (binance: LinkState, okx: LinkState) => ({
  binance: { ...initialLinkStatus('binance'), state: binance },
  okx: { ...initialLinkStatus('okx'), state: okx },
});

describe('unreachable venues', () => {
  it('are the wanted ones whose link is down, not those still connecting or reconnecting', () => {
    expect(unreachableOf(links('down', 'down'), ['binance', 'okx'])).toEqual(['binance', 'okx']);
    expect(unreachableOf(links('down', 'reconnecting'), ['binance', 'okx'])).toEqual(['binance']);
    expect(unreachableOf(links('down', 'live'), ['okx'])).toEqual([]);
    expect(unreachableOf(links('connecting', 'idle'), ['binance', 'okx'])).toEqual([]);
  });

  it('name both when both are down, with the usual causes, and nothing still shown', () => {
    const words = unreachableWords(['binance', 'okx'], ['binance', 'okx']);
    expect(words.headline).toBe('Neither Binance nor OKX can be reached from this browser.');
    expect(words.causes).toMatch(/network blocks them .*firewall.*does not serve this region.*browser extension/);
    expect(words.stillShown).toBeNull();
  });

  it('name the one that is down and say the other is still shown', () => {
    const words = unreachableWords(['okx'], ['binance', 'okx']);
    expect(words.headline).toBe('OKX cannot be reached from this browser.');
    expect(words.causes).toMatch(/network blocks it /);
    expect(words.stillShown).toBe('Binance is reachable; its data is shown.');
  });

  it('never repeat a word or claim a status', () => {
    const words = unreachableWords(['binance', 'okx'], ['binance', 'okx']);
    const text = `${words.headline} ${words.causes}`;
    expect(text).not.toMatch(/HTTP|\d{3}|unreachable/);
  });
});
