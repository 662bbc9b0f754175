import { describe, expect, it } from 'vitest';
import { describeRule, firedText } from './alertText';
import type { AlertCondition, AlertRule, ContractRef } from './rule';

function rule(condition: AlertCondition): AlertRule {
  return { id: 'r', condition, paused: false, hysteresis: 0.05, cooldownMs: 0, createdAt: 0 };
}

const btc: ContractRef = { exchange: 'binance', symbol: 'BTCUSDT' };
const eth: ContractRef = { exchange: 'okx', symbol: 'ETH-USDT-SWAP' };

describe('describeRule', () => {
  it.each<[AlertCondition, string]>([
    [{ kind: 'funding-level', target: { scope: 'contract', contract: btc }, basis: 'current', side: 'above', level: 0.3 }, 'BTCUSDT (Binance) annualised funding above 30%'],
    [{ kind: 'funding-level', target: { scope: 'every' }, basis: 'next', side: 'below', level: -0.125 }, 'Any contract next-interval annualised funding below −12.5%'],
    [{ kind: 'carry-level', pair: { coin: 'BTC', margin: 'inverse' }, side: 'above', level: 0.2 }, 'BTC coin-margined pair net carry above 20%'],
    [{ kind: 'sign-change', target: { scope: 'watchlist', contracts: [btc, eth] } }, 'BTCUSDT (Binance), ETH-USDT-SWAP (OKX) funding changes sign'],
    [{ kind: 'settlement', target: { scope: 'watchlist', contracts: [btc, eth, btc, eth] }, minutes: 1 }, '4 watched contracts 1 minute before each settlement'],
    [{ kind: 'interval-change', target: { scope: 'contract', contract: eth } }, 'ETH-USDT-SWAP (OKX) funding interval changes'],
    [{ kind: 'atm-iv', chain: { exchange: 'binance', underlying: 'ETHUSDT' }, side: 'above', level: 0.805 }, 'ETHUSDT options (Binance) ATM IV (nearest expiry) above 80.5%'],
    [{ kind: 'link-down', exchange: 'okx', minutes: 5 }, 'OKX connection down for 5 minutes'],
  ])('%j', (condition, text) => {
    expect(describeRule(rule(condition))).toBe(text);
  });
});

describe('firedText', () => {
  const subject = { kind: 'contract', ...btc } as const;

  it('rounds figures to what a trader reads, with the views’ minus sign', () => {
    const condition: AlertCondition = { kind: 'funding-level', target: { scope: 'every' }, basis: 'current', side: 'below', level: -0.1 };
    expect(firedText(rule(condition), subject, { kind: 'level', value: -0.123456, level: -0.1, side: 'below' }, 0)).toBe('BTCUSDT (Binance) annualised funding −12.35% is below −10%');
  });

  it('a settlement 20 s away is in 1 minute; a link down 7.9 minutes has been down 7', () => {
    const settlement = rule({ kind: 'settlement', target: { scope: 'contract', contract: btc }, minutes: 5 });
    expect(firedText(settlement, subject, { kind: 'settlement', settlementTime: 0, msLeft: 20_000 }, 0)).toBe('BTCUSDT (Binance) settles in 1 minute');
    const down = rule({ kind: 'link-down', exchange: 'binance', minutes: 5 });
    expect(firedText(down, { kind: 'exchange', exchange: 'binance' }, { kind: 'link-down', state: 'offline', downSince: 0 }, 7.9 * 60_000)).toBe('Binance connection down for 7 minutes (offline)');
  });
});
