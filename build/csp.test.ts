import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, headerPolicy } from './csp.ts';
import { endpointOrigins, ENDPOINT_DEFAULTS, resolveEndpoints } from './endpointSettings.ts';

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
  it('lets a build connect to Binance and the OKX hosts of every region, and nothing else, not even itself', () => {
    const connect = directives(contentSecurityPolicy(resolveEndpoints({}), BUILT_HTML, false)).get('connect-src');
    expect(connect?.sort()).toEqual(
      [
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

  it("lets the dev server's hot-reload socket reach the page's own origin", () => {
    const connect = directives(contentSecurityPolicy(resolveEndpoints({}), BUILT_HTML, true)).get('connect-src');
    expect(connect?.sort()).toEqual(["'self'", ...endpointOrigins(resolveEndpoints(ENDPOINT_DEFAULTS))].sort());
  });

  it("forbids framing in the header, where browsers honour it, and leaves it out of the meta tag, where they ignore it", () => {
    const meta = contentSecurityPolicy(resolveEndpoints({}), BUILT_HTML, false);
    expect(directives(meta).has('frame-ancestors')).toBe(false);
    const header = directives(headerPolicy(meta));
    expect(header.get('frame-ancestors')).toEqual(["'none'"]);
    expect(new Map([...header].filter(([name]) => name !== 'frame-ancestors'))).toEqual(directives(meta));
  });
});
