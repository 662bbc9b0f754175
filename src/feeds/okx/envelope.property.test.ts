import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryLike, mutatedFrom, propertyParameters } from '../testing/jsonMutations';
import { okxData } from './envelope';

const answers = [
  { code: '0', msg: '', data: [{ instId: 'BTC-USDT-SWAP', markPx: '83679.8', ts: '1790358817778' }] },
  { code: '51001', msg: 'Instrument ID does not exist', data: [] },
  { code: '50011', msg: 'Too Many Requests', data: [] },
];

describe('OKX REST envelope, as a property', () => {
  const check = (body: unknown) => {
    const unwrapped = okxData(body);
    if (unwrapped.ok) expect((body as { code: unknown }).code).toBe('0');
    else expect(typeof unwrapped.detail).toBe('string');
  };
  it('unwraps mutated recorded answers', () => {
    fc.assert(fc.property(mutatedFrom(answers), check), propertyParameters);
  });
  it('unwraps arbitrary JSON and answers with arbitrary field values', () => {
    fc.assert(fc.property(arbitraryLike(answers), check), propertyParameters);
  });
});

describe('OKX REST envelope fields that are objects', () => {
  it('says which error without converting what cannot be converted', () => {
    expect(okxData({ code: JSON.parse('{"toString":1}'), msg: JSON.parse('{"toString":1}') })).toEqual({ ok: false, detail: 'OKX error without a code: ' });
  });
});
