import { describe, expect, it } from 'vitest';
import { codeText, finite, LATEST_DATE_MS, positive, timestamp } from './numbers';

describe('numbers at the edge', () => {
  it('reads numeric strings and numbers, and nothing blank, non-numeric or infinite', () => {
    expect(finite('0')).toBe(0);
    expect(finite('-0.0001')).toBe(-0.0001);
    expect(finite('95047.5')).toBe(95047.5);
    expect(finite(12)).toBe(12);
    for (const value of ['', '   ', '\t', 'abc', '1.2.3', 'Infinity', '-Infinity', 'NaN', NaN, Infinity, null, undefined, {}, [], true]) {
      expect(finite(value)).toBeNull();
    }
  });

  it('keeps positive and timestamp strict about zero, sign and fractions', () => {
    expect(positive('0')).toBeNull();
    expect(positive('-1')).toBeNull();
    expect(positive(' ')).toBeNull();
    expect(positive('0.5')).toBe(0.5);
    expect(timestamp('1597026383085')).toBe(1597026383085);
    expect(timestamp('1597026383085.5')).toBeNull();
    expect(timestamp('0')).toBeNull();
  });

  it('takes as a timestamp only a time a Date can hold', () => {
    expect(timestamp(LATEST_DATE_MS)).toBe(8.64e15);
    expect(timestamp(9e15)).toBeNull();
    expect(timestamp('9000000000000000')).toBeNull();
    expect(timestamp(1e308)).toBeNull();
  });

  it('writes a code out as text, and nothing that is no string or finite number', () => {
    expect(codeText(2)).toBe('2');
    expect(codeText('60012')).toBe('60012');
    for (const value of ['', Infinity, null, {}, [], JSON.parse('{"toString":1}')]) expect(codeText(value)).toBeNull();
  });
});
