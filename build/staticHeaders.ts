/**
 * The `_headers` file static hosts (Netlify, Cloudflare Pages) read: a path pattern, then its
 * headers indented below it. The build writes one and the preview server answers with it.
 */
export type HeaderRules = ReadonlyMap<string, Readonly<Record<string, string>>>;

export const HEADERS_FILE = '_headers';

export function headersFileText(rules: HeaderRules): string {
  return [...rules]
    .map(([path, headers]) => [path, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)].join('\n'))
    .join('\n\n')
    .concat('\n');
}

export function parseHeadersFile(text: string): HeaderRules {
  const rules = new Map<string, Record<string, string>>();
  let current: Record<string, string> | null = null;
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      current = {};
      rules.set(line.trim(), current);
      continue;
    }
    const colon = line.indexOf(':');
    if (current === null || colon < 0) throw new Error(`${HEADERS_FILE}: a header line outside a path, or without a colon: ${line.trim()}`);
    current[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return rules;
}

/** The headers for a request path: every rule whose pattern matches, in file order (`*` matches anything, as on the hosts). */
export function headersFor(rules: HeaderRules, path: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [pattern, ruleHeaders] of rules) {
    const source = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
    if (new RegExp(`^${source}$`).test(path)) Object.assign(headers, ruleHeaders);
  }
  return headers;
}
