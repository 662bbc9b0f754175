import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDepth } from './binance/depth';
import { parseBooks, parseContractValue } from './okx/books';
import { arbitraryLike, mutatedFrom, propertyParameters } from './testing/jsonMutations';
import { expectSane } from './testing/parserProperties';

// The response examples of Binance's USDⓈ-M "Order Book" and OKX's "Get order book" and "Get instruments" docs.
const binanceDepth = { lastUpdateId: 1027024, E: 1589436922972, T: 1589436922959, bids: [['4.00000000', '431.00000000']], asks: [['4.00000200', '12.00000000']] };
const okxBooks = { code: '0', msg: '', data: [{ asks: [['41006.8', '0.60038921', '0', '1']], bids: [['41006.3', '0.30178218', '0', '2']], ts: '1629966436396' }] };
const okxLinearSwap = { code: '0', msg: '', data: [{ instId: 'BTC-USDT-SWAP', ctVal: '0.01', ctValCcy: 'BTC', ctType: 'linear' }] };
const okxInverseSwap = { code: '0', msg: '', data: [{ instId: 'BTC-USD-SWAP', ctVal: '100', ctValCcy: 'USD', ctType: 'inverse' }] };

describe('order books', () => {
  it('Binance: levels as they come, quantities in base units', () => {
    expect(parseDepth(binanceDepth)).toEqual({ bids: [{ price: 4, size: 431 }], asks: [{ price: 4.000002, size: 12 }] });
  });

  it('OKX: contracts times the contract value, in the coin (linear) or in USD over the price (inverse)', () => {
    const linear = parseContractValue(okxLinearSwap)!;
    expect(linear).toEqual({ value: 0.01, currency: 'BTC' });
    const book = parseBooks(okxBooks, linear)!;
    expect(book.asks[0]!.size).toBeCloseTo(0.0060038921, 12);
    // 0.30178218 contracts of 100 USD at 41,006.3: 30.178218 / 41,006.3 BTC.
    const inverse = parseBooks(okxBooks, parseContractValue(okxInverseSwap)!)!;
    expect(inverse.bids[0]!.size).toBeCloseTo(30.178218 / 41006.3, 12);
  });

  it('refuses a book with any unreadable level rather than walk a book with a hole', () => {
    expect(parseDepth({ ...binanceDepth, asks: [['4.1', '1'], ['', '2']] })).toBeNull();
    expect(parseBooks({ ...okxBooks, data: [{ ...okxBooks.data[0], bids: [['x', '1', '0', '1']] }] }, { value: 1, currency: 'BTC' })).toBeNull();
    expect(parseBooks({ code: '51001', msg: 'Instrument ID does not exist', data: [] }, { value: 1, currency: 'BTC' })).toBeNull();
    expect(parseContractValue({ code: '0', data: [{ ctVal: '0', ctValCcy: 'BTC' }] })).toBeNull();
  });

  it('never throws and keeps only sane levels, on mutated and arbitrary answers', () => {
    const check = (book: { bids: object[]; asks: object[] } | null) => {
      for (const level of [...(book?.bids ?? []), ...(book?.asks ?? [])]) expectSane(level);
    };
    fc.assert(fc.property(mutatedFrom([binanceDepth]), (body) => check(parseDepth(body))), propertyParameters);
    fc.assert(fc.property(arbitraryLike([okxBooks]), (body) => check(parseBooks(body, { value: 0.01, currency: 'BTC' }))), propertyParameters);
    fc.assert(fc.property(arbitraryLike([okxLinearSwap]), (body) => void parseContractValue(body)), propertyParameters);
  });
});
