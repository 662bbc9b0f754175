import { ALERT_RULES_FORMAT, ALERT_RULES_VERSION, type AlertCondition, type ContractRef } from '../../src/domain/alerts/rule.ts';
import type { PageSession } from '../harness/pageSession.ts';

/**
 * A trader's rule set of `count` rules (the kinds in turn, so every kind is present from 7 on):
 * the heavy ones first, rules on every contract, then the named contracts, pairs, chains and
 * links. Levels sit inside the fake's generated range, so some rules fire as the bench runs.
 */
export function benchAlertConditions(count: number, binanceSymbols: readonly string[]): AlertCondition[] {
  const binance = (index: number): ContractRef => ({ exchange: 'binance', symbol: binanceSymbols[index % binanceSymbols.length]! });
  const okx = (coin: string): ContractRef => ({ exchange: 'okx', symbol: `${coin}-USDT-SWAP` });
  const coins = ['BTC', 'ETH', 'SOL', 'XRP', 'DOGE'];
  const makers: ((round: number) => AlertCondition)[] = [
    (round) => ({ kind: 'funding-level', target: { scope: 'every' }, basis: round % 2 === 0 ? 'current' : 'next', side: round % 2 === 0 ? 'above' : 'below', level: (round % 2 === 0 ? 1 : -1) * (0.2 + 0.1 * round) }),
    (round) => ({ kind: 'funding-level', target: { scope: 'contract', contract: binance(round) }, basis: 'current', side: 'above', level: 0.15 }),
    (round) => ({ kind: 'funding-level', target: { scope: 'watchlist', contracts: [0, 1, 2, 3, 4].map((offset) => binance(round * 5 + offset)) }, basis: 'current', side: 'above', level: 0.25 }),
    (round) => ({ kind: 'sign-change', target: round < 2 ? { scope: 'every' } : { scope: 'contract', contract: binance(round) } }),
    (round) => ({ kind: 'settlement', target: { scope: 'watchlist', contracts: [binance(round), okx(coins[round % coins.length]!)] }, minutes: 10 }),
    (round) => ({ kind: 'carry-level', pair: { coin: coins[round % coins.length]!, margin: 'linear' }, side: 'above', level: 0.1 + 0.05 * round }),
    (round) => ({ kind: 'interval-change', target: round === 0 ? { scope: 'every' } : { scope: 'contract', contract: binance(round) } }),
    (round) => ({ kind: 'atm-iv', chain: round % 2 === 0 ? { exchange: 'binance', underlying: `${coins[round % 2]}USDT` } : { exchange: 'okx', underlying: `${coins[round % 2]}-USD` }, side: 'above', level: 0.8 }),
    (round) => ({ kind: 'link-down', exchange: round % 2 === 0 ? 'binance' : 'okx', minutes: 2 }),
  ];
  return Array.from({ length: count }, (_, index) => makers[index % makers.length]!(Math.floor(index / makers.length)));
}

/** The rules as the Alerts panel's export writes them. */
export function benchAlertRulesFile(count: number, binanceSymbols: readonly string[]): string {
  const rules = benchAlertConditions(count, binanceSymbols).map((condition, index) => ({ id: `bench-${index + 1}`, condition, hysteresis: 0.05, cooldownMs: 900_000 }));
  return JSON.stringify({ format: ALERT_RULES_FORMAT, version: ALERT_RULES_VERSION, rules });
}

/** Imports the rules the way a trader does, pasted into the Alerts panel; they are kept in the context's IndexedDB for every later load. */
export async function importAlertRules(session: PageSession, appUrl: string, file: string, count: number): Promise<void> {
  const { page } = session;
  await page.goto(new URL('/alerts', appUrl).href);
  const form = 'form[aria-label="Import pasted rules"]';
  // The button waits for the rules already kept to load.
  await page.waitForSelector(`${form} button[type="submit"]:not([disabled])`);
  await page.insertText(`${form} textarea`, file);
  await page.clickButton('Import');
  const outcome = await page.waitForFunction(
    () => document.querySelector('.rules-transfer [role="status"], .rules-transfer [role="alert"]')?.textContent ?? null,
    undefined,
    { timeoutMs: 30_000, pollMs: 100 },
  );
  const imported = `Imported ${count === 1 ? '1 rule' : `${count} rules`}.`;
  if (outcome !== imported) throw new Error(`the Alerts panel did not import the bench's rules: ${outcome}`);
}
