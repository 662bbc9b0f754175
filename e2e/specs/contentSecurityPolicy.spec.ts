import { test as base } from '@playwright/test';
import { endpointOrigins, resolveEndpoints } from '../../build/endpointSettings.ts';
import { expect, harnessUrl, test } from '../support/fixtures.ts';
import { servedWorkerChunks } from '../support/servedBundle.ts';

/** The policy's directives by name: `connect-src` → its sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((directive) => {
      const [name, ...sources] = directive.trim().split(/\s+/);
      return [name!, sources];
    }),
  );
}

async function servedPolicies(path: string): Promise<{ meta: string | null; header: string | null }> {
  const response = await fetch(new URL(path, harnessUrl('APP_URL')));
  expect(response.ok, `GET ${path}`).toBe(true);
  const body = await response.text();
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(body)?.[1] ?? null;
  return { meta, header: response.headers.get('content-security-policy') };
}

// globalSetup baked these VITE_* variables into the build: the configuration the policy must follow.
const CONFIGURED_ORIGINS = endpointOrigins(resolveEndpoints(process.env));

base('the built page may connect only to the configured endpoints, and runs only its own scripts', async () => {
  const { meta } = await servedPolicies('/');
  expect(meta, 'the Content-Security-Policy meta tag of index.html').not.toBeNull();
  const policy = directives(meta!);
  expect(policy.get('connect-src')?.sort()).toEqual([...CONFIGURED_ORIGINS].sort());
  // Global, EEA and US/AU: the region a user picks must not need another build.
  expect(CONFIGURED_ORIGINS.length, 'Binance and the three OKX regions on their own ports').toBeGreaterThanOrEqual(4);
  expect(policy.get('script-src')).toEqual(["'self'"]);
  expect(policy.get('worker-src')).toEqual(["'self'"]);
  expect(policy.get('default-src')).toEqual(["'self'"]);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(policy.get('base-uri')).toEqual(["'none'"]);
  expect(meta).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
});

base('the preview server sends the policy as a header on the page, a route and every worker chunk', async () => {
  const { meta, header } = await servedPolicies('/');
  expect(header, 'Content-Security-Policy header on /').toBe(`${meta}; frame-ancestors 'none'`);
  expect((await servedPolicies('/screener?q=x')).header, 'on a route the page serves').toBe(header);
  const workerChunks = await servedWorkerChunks(harnessUrl('APP_URL'));
  expect(workerChunks, 'worker chunks the page starts').not.toEqual([]);
  for (const chunk of workerChunks) {
    const response = await fetch(chunk.url);
    expect.soft(response.headers.get('content-security-policy'), chunk.url).toBe(header);
  }
});

test("the ingest workers run under the policy: a connection to an origin it does not list is refused", async ({ page, app }) => {
  app.expectBrowserError(/Refused to connect to 'http:\/\/127\.0\.0\.1:9\//);
  const worker = page.waitForEvent('worker');
  await app.gotoApp('/screener');
  const refusal = await (await worker).evaluate(async () => {
    const violation = new Promise<string>((resolve) => {
      self.addEventListener('securitypolicyviolation', (event) => resolve(`${event.effectiveDirective} ${event.blockedURI}`));
    });
    await fetch('http://127.0.0.1:9/').catch(() => undefined);
    return Promise.race([violation, new Promise<string>((resolve) => setTimeout(() => resolve('no violation'), 2_000))]);
  });
  expect(refusal).toBe('connect-src http://127.0.0.1:9/');
});
