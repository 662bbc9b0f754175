import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './csp.ts';
import { resolveEndpoints } from './endpointSettings.ts';

/** The policy's directives by name: `connect-src` → its sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((directive) => {
      const [name, ...sources] = directive.trim().split(/\s+/);
      return [name!, sources];
    }),
  );
}

const BUILT_HTML = '<html><head><meta name="csp-placeholder" /></head><body><script type="module" src="/assets/index.js"></script></body></html>';

describe('Content-Security-Policy of a build', () => {
  it("lets the page connect to itself, Binance and the OKX hosts of every region, and nothing else", () => {
    const connect = directives(contentSecurityPolicy(resolveEndpoints({}), BUILT_HTML, false)).get('connect-src');
    expect(connect?.sort()).toEqual(
      [
        "'self'",
        'https://fapi.binance.com',
        'https://eapi.binance.com',
        'wss://fstream.binance.com',
        'https://www.okx.com',
        'wss://ws.okx.com:8443',
        'https://eea.okx.com',
        'wss://wseea.okx.com:8443',
        'https://us.okx.com',
        'wss://wsus.okx.com:8443',
      ].sort(),
    );
  });

  it('follows the configured endpoints of every region, each origin once', () => {
    const endpoints = resolveEndpoints({
      VITE_BINANCE_FUTURES_WS: 'ws://127.0.0.1:4000/market',
      VITE_BINANCE_FUTURES_REST: 'http://127.0.0.1:4000',
      VITE_BINANCE_OPTIONS_WS: 'ws://127.0.0.1:4000/market',
      VITE_BINANCE_OPTIONS_REST: 'http://127.0.0.1:4000',
      VITE_OKX_WS: 'ws://127.0.0.1:4001/ws/v5/public',
      VITE_OKX_BUSINESS_WS: 'ws://127.0.0.1:4001/ws/v5/business',
      VITE_OKX_REST: 'http://127.0.0.1:4001',
      VITE_OKX_EEA_WS: 'ws://127.0.0.1:4002/ws/v5/public',
      VITE_OKX_EEA_BUSINESS_WS: 'ws://127.0.0.1:4002/ws/v5/business',
      VITE_OKX_EEA_REST: 'http://127.0.0.1:4002',
      VITE_OKX_US_WS: 'ws://127.0.0.1:4003/ws/v5/public',
      VITE_OKX_US_BUSINESS_WS: 'ws://127.0.0.1:4003/ws/v5/business',
      VITE_OKX_US_REST: 'http://127.0.0.1:4003',
    });
    const connect = directives(contentSecurityPolicy(endpoints, BUILT_HTML, false)).get('connect-src');
    expect(connect?.sort()).toEqual(
      [
        "'self'",
        'http://127.0.0.1:4000',
        'ws://127.0.0.1:4000',
        'http://127.0.0.1:4001',
        'ws://127.0.0.1:4001',
        'http://127.0.0.1:4002',
        'ws://127.0.0.1:4002',
        'http://127.0.0.1:4003',
        'ws://127.0.0.1:4003',
      ].sort(),
    );
  });

  it("runs only the page's own scripts: script-src 'self', no unsafe-inline or unsafe-eval anywhere", () => {
    const policy = contentSecurityPolicy(resolveEndpoints({}), BUILT_HTML, false);
    const parsed = directives(policy);
    expect(parsed.get('script-src')).toEqual(["'self'"]);
    expect(parsed.get('style-src')).toEqual(["'self'"]);
    expect(parsed.get('default-src')).toEqual(["'self'"]);
    expect(parsed.get('object-src')).toEqual(["'none'"]);
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  it('allows an inline script by its hash only, never by unsafe-inline', () => {
    const body = 'window.__boot = 1;';
    const html = BUILT_HTML.replace('</body>', `<script>${body}</script></body>`);
    const hash = `'sha256-${createHash('sha256').update(body).digest('base64')}'`;
    const policy = contentSecurityPolicy(resolveEndpoints({}), html, false);
    expect(directives(policy).get('script-src')).toEqual(["'self'", hash]);
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
  });
});
