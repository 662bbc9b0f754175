import { onUsdsFutures } from '../binance/listing.ts';
import { FUNDING_HISTORY_DAYS } from '../markets/fundingHistory.ts';
import type { ExchangeId, Instrument } from '../markets/instrument.ts';
import { changeTime } from '../markets/intervalChanges.ts';
import { shapedBook, ticksFor, type BookLevel } from '../markets/orderBooks.ts';
import { sizeDecimals } from '../markets/orderUnits.ts';
import { ControlError, type Command } from './command.ts';
import type { ControlDeps } from './controlServer.ts';

/** Funding intervals each venue uses (OKX also 6 h). */
const INTERVALS: Record<ExchangeId, readonly number[]> = { binance: [1, 2, 4, 8], okx: [1, 2, 4, 6, 8] };
/** Binance's deepest depth; OKX serves 400 of them. */
const MAX_LEVELS = 1000;
const DEFAULT_LEVELS = 20;

/** POST endpoints that set a perpetual's market: its book, its open interest, its funding interval's history. */
export function marketCommands(deps: ControlDeps): Record<string, Command> {
  const { books, openInterests, funding, market } = deps.data;
  /** `exchange` and `symbol`: a perpetual the venue serves (on Binance a USDⓈ-M one). */
  const perpetualOf = (query: URLSearchParams): { exchange: ExchangeId; instrument: Instrument } => {
    const exchange = query.get('exchange');
    if (exchange !== 'binance' && exchange !== 'okx') throw new ControlError('exchange must be binance or okx');
    const symbol = query.get('symbol') ?? '';
    const instrument = market.find(exchange, symbol);
    if (!instrument?.funding || (exchange === 'binance' && !onUsdsFutures(instrument))) throw new ControlError(`no perpetual ${symbol} on ${exchange}`);
    return { exchange, instrument };
  };

  return {
    '/book': (query) => {
      const { exchange, instrument } = perpetualOf(query);
      const exact = query.has('bids') || query.has('asks');
      const shaped = query.has('spreadBps') || query.has('depthUsd');
      if (exact === shaped) throw new ControlError('give either bids and asks, or spreadBps and depthUsd');
      const book = exact ? exactBook(instrument, query) : bookOfShape(instrument, query);
      books.pin(instrument, book);
      return { exchange, symbol: instrument.symbol, sizeUnit: exchange === 'okx' ? 'contracts' : 'base', ...book };
    },
    '/open-interest': (query) => {
      const { exchange, instrument } = perpetualOf(query);
      const openInterest = numberOf(query, 'openInterest', { min: 0 });
      openInterests.pin(instrument, openInterest);
      return { exchange, symbol: instrument.symbol, openInterest };
    },
    '/interval-change': (query) => {
      const { exchange, instrument } = perpetualOf(query);
      const intervals = INTERVALS[exchange];
      const intervalOf = (name: string) => {
        const hours = Number(query.get(name));
        if (!intervals.includes(hours)) throw new ControlError(`${name} must be one of ${intervals.join(', ')}`);
        return hours;
      };
      const fromHours = intervalOf('fromHours');
      const toHours = intervalOf('toHours');
      if (fromHours === toHours) throw new ControlError('fromHours and toHours must differ');
      const daysAgo = numberOf(query, 'daysAgo', { min: 0, max: FUNDING_HISTORY_DAYS - 1, exclusiveMin: true });
      const at = changeTime(deps.now(), daysAgo, fromHours, toHours);
      if (at >= market.startTime) throw new ControlError('daysAgo must put the change before the fake started');
      funding.changeInterval(instrument, { at, fromHours, toHours });
      // OKX's next funding push could be 90 s away; Binance streams the next funding time every second.
      if (exchange === 'okx') deps.okx.pushes.pushFundingNow(instrument.symbol);
      return { exchange, symbol: instrument.symbol, at, fromHours, toHours, nextFundingTime: instrument.state.nextFundingTime };
    },
    // `basis` annualised, as a fraction (0.0734 = 7.34 % a year), or `clear` to let the drawn one walk again.
    '/future-mark': (query) => {
      const exchange = query.get('exchange');
      if (exchange !== 'binance' && exchange !== 'okx') throw new ControlError('exchange must be binance or okx');
      const symbol = query.get('symbol') ?? '';
      const basis = query.has('clear') ? null : numberOf(query, 'basis', { min: -1, max: 1 });
      if (exchange === 'okx') {
        if (!deps.okx.futures.pin(symbol, basis)) throw new ControlError(`no dated future ${symbol} on okx`);
      } else {
        const instrument = market.find('binance', symbol);
        if (instrument?.kind !== 'delivery') throw new ControlError(`no dated future ${symbol} on binance`);
        market.pinBasis(instrument, basis);
      }
      return { exchange, symbol, basis };
    },
    // `expiry` as the symbols date it (YYMMDD, 08:00 UTC); `call` and `put` mark IVs as fractions, or `clear` to unpin.
    '/smile': (query) => {
      const exchange = query.get('exchange');
      if (exchange !== 'binance' && exchange !== 'okx') throw new ControlError('exchange must be binance or okx');
      const underlying = query.get('underlying') ?? '';
      const date = /^(\d{2})(\d{2})(\d{2})$/.exec(query.get('expiry') ?? '');
      if (!date) throw new ControlError('expiry must be YYMMDD');
      const expiry = Date.UTC(2000 + Number(date[1]), Number(date[2]) - 1, Number(date[3]), 8);
      const vols = query.has('clear') ? null : { call: numberOf(query, 'call', { min: 0, max: 5, exclusiveMin: true }), put: numberOf(query, 'put', { min: 0, max: 5, exclusiveMin: true }) };
      if (!deps.options.pinVols(exchange, underlying, expiry, vols)) throw new ControlError(`${exchange} lists no ${underlying} options expiring ${query.get('expiry')}`);
      return { exchange, underlying, expiry, vols };
    },
    // One option's best bid and ask IVs (`bidIv` < `askIv`, fractions), `freeze=1` to hold its quote unpublished (`0` to go on), `clear=1` to undo both.
    '/option-quote': (query) => {
      const exchange = query.get('exchange');
      if (exchange !== 'binance' && exchange !== 'okx') throw new ControlError('exchange must be binance or okx');
      const symbol = query.get('symbol') ?? '';
      if (!deps.options.bookOf(exchange, symbol)) throw new ControlError(`${exchange} lists no option ${symbol}`);
      const clear = query.has('clear');
      if (clear) {
        deps.options.pinBook(exchange, symbol, null);
        deps.options.freeze(exchange, symbol, false);
      }
      if (query.has('bidIv') || query.has('askIv')) {
        const bidVol = numberOf(query, 'bidIv', { min: 0, max: 5, exclusiveMin: true });
        const askVol = numberOf(query, 'askIv', { min: bidVol, max: 5, exclusiveMin: true });
        deps.options.pinBook(exchange, symbol, { bidVol, askVol });
      } else if (!clear && !query.has('freeze')) throw new ControlError('give bidIv and askIv, freeze, or clear');
      if (query.has('freeze')) deps.options.freeze(exchange, symbol, query.get('freeze') === '1');
      return { exchange, symbol, ...deps.options.bookOf(exchange, symbol)! };
    },
  };
}

/** `bids=price:size,…&asks=…`, best first, each on the instrument's tick and lot (Binance sizes in the base asset, OKX in contracts). */
function exactBook(instrument: Instrument, query: URLSearchParams): { bids: BookLevel[]; asks: BookLevel[] } {
  const side = (name: 'bids' | 'asks'): BookLevel[] => {
    const text = query.get(name) ?? '';
    const levels = text.split(',').map((entry) => {
      const [price, size, extra] = entry.split(':');
      if (extra !== undefined || price === undefined || size === undefined) throw new ControlError(`${name} must be price:size pairs, comma separated`);
      return {
        price: decimalOf(price, `${name} price`, instrument.priceDecimals),
        size: decimalOf(size, `${name} size`, sizeDecimals(instrument)),
      };
    });
    if (levels.length > MAX_LEVELS) throw new ControlError(`${name} must hold at most ${MAX_LEVELS} levels`);
    const inOrder = levels.every((level, index) => index === 0 || (name === 'bids' ? level.price < levels[index - 1]!.price : level.price > levels[index - 1]!.price));
    if (!inOrder) throw new ControlError(`${name} must run best first, each price ${name === 'bids' ? 'below' : 'above'} the one before`);
    return levels;
  };
  const [bids, asks] = [side('bids'), side('asks')];
  if (bids[0]!.price >= asks[0]!.price) throw new ControlError('the best bid must be below the best ask');
  return { bids, asks };
}

/** `spreadBps`, `depthUsd` a level, `levels` (20) a side, `stepBps` between levels (the spread): laid around the mark at once. */
function bookOfShape(instrument: Instrument, query: URLSearchParams): { bids: BookLevel[]; asks: BookLevel[] } {
  const spreadBps = numberOf(query, 'spreadBps', { min: 0, max: 10_000, exclusiveMin: true });
  const depthUsd = numberOf(query, 'depthUsd', { min: 0, exclusiveMin: true });
  const levels = query.has('levels') ? numberOf(query, 'levels', { min: 1, max: MAX_LEVELS, integer: true }) : DEFAULT_LEVELS;
  const stepBps = query.has('stepBps') ? numberOf(query, 'stepBps', { min: 0, max: 10_000, exclusiveMin: true }) : spreadBps;
  const mid = instrument.state.mark;
  return shapedBook(instrument, mid, { spreadTicks: ticksFor(instrument, mid, spreadBps), stepTicks: ticksFor(instrument, mid, stepBps), levelUsd: () => depthUsd }, levels);
}

interface Bounds {
  min: number;
  max?: number;
  exclusiveMin?: boolean;
  integer?: boolean;
}

function numberOf(query: URLSearchParams, name: string, bounds: Bounds): number {
  const text = query.get(name);
  const value = text === null || text.trim() === '' ? Number.NaN : Number(text);
  const below = bounds.exclusiveMin ? value <= bounds.min : value < bounds.min;
  if (!Number.isFinite(value) || below || (bounds.max !== undefined && value > bounds.max) || (bounds.integer && !Number.isInteger(value))) {
    const range = `${bounds.exclusiveMin ? 'above' : 'at least'} ${bounds.min}${bounds.max === undefined ? '' : ` and at most ${bounds.max}`}`;
    throw new ControlError(`${name} must be ${bounds.integer ? 'an integer' : 'a number'} ${range}`);
  }
  return value;
}

/** A positive decimal with at most `decimals` places: what the venue can print exactly. */
function decimalOf(text: string, name: string, decimals: number): number {
  const value = Number(text);
  const places = text.includes('.') ? text.split('.')[1]!.length : 0;
  if (!/^\d+(\.\d+)?$/.test(text) || !(value > 0) || places > decimals) {
    throw new ControlError(`${name} ${text} must be a positive number with at most ${decimals} decimals`);
  }
  return value;
}
