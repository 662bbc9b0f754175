import { describe, expect, it } from 'vitest';
import { headersFileText, headersFor, parseHeadersFile, type HeaderRules } from './staticHeaders.ts';

describe('the _headers file static hosts read', () => {
  const rules: HeaderRules = new Map<string, Record<string, string>>([
    ['/*', { 'Content-Security-Policy': "default-src 'self'; frame-ancestors 'none'" }],
    ['/assets/*', { 'Cache-Control': 'public, max-age=31536000, immutable' }],
  ]);

  it('writes each path with its headers indented below it, as Netlify and Cloudflare Pages read it', () => {
    expect(headersFileText(rules)).toBe(
      "/*\n  Content-Security-Policy: default-src 'self'; frame-ancestors 'none'\n\n/assets/*\n  Cache-Control: public, max-age=31536000, immutable\n",
    );
  });

  it('reads back what it writes, a header value keeping its colons', () => {
    const withColon = new Map([['/*', { 'Content-Security-Policy': 'connect-src wss://ws.okx.com:8443' }]]);
    expect(parseHeadersFile(headersFileText(withColon))).toEqual(withColon);
    expect(parseHeadersFile(headersFileText(rules))).toEqual(rules);
  });

  it('gives a path the headers of every pattern it matches', () => {
    expect(headersFor(rules, '/')).toEqual({ 'Content-Security-Policy': "default-src 'self'; frame-ancestors 'none'" });
    expect(Object.keys(headersFor(rules, '/assets/ingestWorker-abc.js'))).toEqual(['Content-Security-Policy', 'Cache-Control']);
    expect(headersFor(rules, '/assetsX')).toEqual({ 'Content-Security-Policy': "default-src 'self'; frame-ancestors 'none'" });
  });

  it('refuses a header line that belongs to no path', () => {
    expect(() => parseHeadersFile("  Content-Security-Policy: default-src 'self'\n")).toThrow(/outside a path/);
  });
});
