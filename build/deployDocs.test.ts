import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, headerPolicy } from './csp.ts';
import { resolveEndpoints } from './endpointSettings.ts';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const INDEX_HTML = readFileSync(new URL('../index.html', import.meta.url), 'utf8');

describe("the README's Deploy section", () => {
  it('gives nginx the header policy a default build generates, word for word', () => {
    const snippet = /add_header Content-Security-Policy "([^"]+)" always;/.exec(README)?.[1];
    expect(snippet).toBe(headerPolicy(contentSecurityPolicy(resolveEndpoints({}), INDEX_HTML, false)));
  });
});
