import { decimalsFor } from '../core/format.ts';
import { hashSeed, logNormal, mulberry32, type Random } from '../core/prng.ts';
import { generatedCoins, majorCoins, tradFiCoins, type Coin } from './coins.ts';
import { drawFundingTerms, drawTradFiFundingTerms, nextFundingTime } from './fundingTerms.ts';
import type { ContractKind, ExchangeId, Instrument, ListingStatus, QuoteCurrency } from './instrument.ts';
import { quarterlyExpiries, deliverySuffix } from './quarterlies.ts';

/** How the generated market is laid out; sizes match the real venues' orders of magnitude. */
const GENERATED_ON_BOTH = 125;
const GENERATED_BINANCE_ONLY = 305;
const GENERATED_OKX_ONLY = 35;
const BINANCE_USDC_MAJORS = 12;
/** COIN-M perpetuals that ride the USDⓈ-M streams (BTCUSD_PERP, ETHUSD_PERP, …). */
const BINANCE_COIN_MARGINED_MAJORS = 8;
const OKX_INVERSE_MAJORS = 22;
const OKX_USDC_MAJORS = 12;
const DELIVERY_COINS = ['BTC', 'ETH'];
const DAY_MS = 86_400_000;

export interface Universe {
  coins: Coin[];
  binance: Instrument[];
  okx: Instrument[];
}

export function buildUniverse(seed: number, now: number): Universe {
  const random = mulberry32(hashSeed(seed, 'universe'));
  const majors = majorCoins();
  const tradFi = tradFiCoins();
  const taken = new Set([...majors, ...tradFi].map((coin) => coin.name));
  const generated = generatedCoins(random, GENERATED_ON_BOTH + GENERATED_BINANCE_ONLY + GENERATED_OKX_ONLY + 2, taken);
  const shared = generated.slice(0, GENERATED_ON_BOTH);
  const binanceOnly = generated.slice(GENERATED_ON_BOTH, GENERATED_ON_BOTH + GENERATED_BINANCE_ONLY);
  const okxOnly = generated.slice(GENERATED_ON_BOTH + GENERATED_BINANCE_ONLY, -2);
  const notTrading = generated.slice(-2);

  const factory = new InstrumentFactory(random, now, seed);
  const binance: Instrument[] = [
    ...[...majors, ...shared, ...binanceOnly].map((coin) => factory.make('binance', coin, 'USDT', 'perpetual')),
    ...majors.slice(0, BINANCE_USDC_MAJORS).map((coin) => factory.make('binance', coin, 'USDC', 'perpetual')),
    ...tradFi.map((coin) => factory.make('binance', coin, 'USDT', 'tradfi')),
    ...deliveryContracts(factory, majors, now),
    factory.make('binance', notTrading[0]!, 'USDT', 'perpetual', 'SETTLING'),
    factory.make('binance', notTrading[1]!, 'USDT', 'perpetual', 'PENDING_TRADING'),
    ...majors.slice(0, BINANCE_COIN_MARGINED_MAJORS).map((coin) => factory.make('binance', coin, 'USD', 'perpetual')),
  ];
  const okx: Instrument[] = [
    ...[...majors, ...shared, ...okxOnly].map((coin) => factory.make('okx', coin, 'USDT', 'perpetual')),
    ...majors.slice(0, OKX_INVERSE_MAJORS).map((coin) => factory.make('okx', coin, 'USD', 'perpetual')),
    ...majors.slice(0, OKX_USDC_MAJORS).map((coin) => factory.make('okx', coin, 'USDC', 'perpetual')),
  ];
  return { coins: [...majors, ...tradFi, ...generated], binance, okx };
}

function deliveryContracts(factory: InstrumentFactory, majors: Coin[], now: number): Instrument[] {
  const expiries = quarterlyExpiries(now);
  return DELIVERY_COINS.flatMap((name) => {
    const coin = majors.find((candidate) => candidate.name === name)!;
    return expiries.map((expiry) => factory.make('binance', coin, 'USDT', 'delivery', 'TRADING', expiry));
  });
}

/** Binance spells the id from the coin and quote (COIN-M adds _PERP); OKX adds dashes and the -SWAP suffix. */
export function instrumentSymbol(exchange: ExchangeId, coin: Coin, quote: QuoteCurrency, deliveryTime: number | null): string {
  if (exchange === 'okx') return `${coin.name}-${quote}-SWAP`;
  if (quote === 'USD') return `${coin.name}USD_PERP`;
  const prefix = coin.binanceMultiplier > 1 ? String(coin.binanceMultiplier) : '';
  const perpetual = `${prefix}${coin.name}${quote}`;
  return deliveryTime === null ? perpetual : `${perpetual}_${deliverySuffix(deliveryTime)}`;
}

/** A small USD premium per quote currency, so BTC-USD and BTC-USDT indexes differ as they do live. */
export function quoteFactor(quote: QuoteCurrency): number {
  return quote === 'USD' ? 1.0003 : quote === 'USDC' ? 1.0001 : 1;
}

class InstrumentFactory {
  constructor(
    private readonly random: Random,
    private readonly now: number,
    private readonly seed: number,
  ) {}

  make(
    exchange: ExchangeId,
    coin: Coin,
    quote: QuoteCurrency,
    kind: ContractKind,
    status: ListingStatus = 'TRADING',
    deliveryTime: number | null = null,
  ): Instrument {
    const random = this.random;
    // Binance's COIN-M contracts are sized in USD, never per 1000 coins.
    const multiplier = exchange === 'binance' && quote !== 'USD' ? coin.binanceMultiplier : 1;
    const index = coin.price * multiplier * quoteFactor(quote);
    const funding =
      kind === 'delivery' ? null : kind === 'tradfi' ? drawTradFiFundingTerms(random) : drawFundingTerms(random, { major: coin.quoteVolume >= 1e8 });
    const volumeShare = exchange === 'binance' ? 1 : 0.45;
    const quoteShare = quote === 'USDT' ? 1 : 0.12;
    const annualBasis = kind === 'delivery' ? 0.05 + random() * 0.05 : 0;
    const premium = funding ? startingPremium(random, funding.regime - funding.baseline) : 0;
    const mark = index * (1 + premium + basisAt(annualBasis, deliveryTime, this.now));
    const rate = funding ? funding.regime : 0;
    const symbol = instrumentSymbol(exchange, coin, quote, deliveryTime);
    return {
      exchange,
      symbol,
      coin,
      multiplier,
      quote,
      kind,
      status,
      deliveryTime,
      onboardTime: this.now - Math.floor((60 + random() * 1500) * DAY_MS / 1000) * 1000,
      priceDecimals: decimalsFor(index, 6),
      funding,
      quoteVolume: status === 'TRADING' ? logNormal(random, coin.quoteVolume * volumeShare * quoteShare, 0.35) : 0,
      contractValue: contractValue(coin, quote),
      annualBasis,
      basisPin: null,
      noiseRoot: hashSeed(this.seed, exchange, symbol),
      state: {
        index,
        mark,
        premium,
        fundingRate: rate,
        nextFundingTime: funding && kind !== 'delivery' ? nextFundingTime(this.now, funding.intervalHours) : 0,
        lastSettledRate: rate,
        estimatedSettle: index,
        last: mark,
        lastQty: 0,
        markChangedAt: this.now,
        tradedAt: this.now,
      },
    };
  }
}

/** Mark/index − 1 sits a few bps from where funding points (premium drives funding). */
function startingPremium(random: Random, target: number): number {
  return target + (random() - 0.5) * 0.0004;
}

/** The delivery basis left at `now`: it decays to zero at expiry. */
export function basisAt(annualBasis: number, deliveryTime: number | null, now: number): number {
  if (deliveryTime === null) return 0;
  return annualBasis * Math.max(0, deliveryTime - now) / (365 * DAY_MS);
}

/** OKX sizes contracts so one is worth roughly $10-$1000; coin-margined ones (OKX and Binance COIN-M) are $100 (BTC) or $10. */
function contractValue(coin: Coin, quote: QuoteCurrency): number {
  if (quote === 'USD') return coin.name === 'BTC' ? 100 : 10;
  return 10 ** Math.round(Math.log10(500 / coin.price));
}
