import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The ways a string becomes markup or code in a page: text from a venue or a URL must never reach one. */
const MARKUP_SINKS: readonly [name: string, pattern: RegExp][] = [
  ['dangerouslySetInnerHTML', /\bdangerouslySetInnerHTML\b/],
  ['innerHTML / outerHTML write', /\.(?:inner|outer)HTML\s*(?:\+?=)(?!=)/],
  ['insertAdjacentHTML', /\binsertAdjacentHTML\s*\(/],
  ['document.write', /\bdocument\s*\.\s*write(?:ln)?\s*\(/],
  ['createContextualFragment', /\bcreateContextualFragment\s*\(/],
  ['DOMParser', /\bDOMParser\b/],
  ['srcdoc', /\bsrcdoc\b/i],
  ['eval', /(?<![.\w])eval\s*\(/],
  ['new Function', /\bnew\s+Function\s*\(/],
];

function sinksIn(code: string): string[] {
  return MARKUP_SINKS.filter(([, pattern]) => pattern.test(code)).map(([name]) => name);
}

const SOURCE_ROOT = new URL('./', import.meta.url);
const SOURCES = readdirSync(SOURCE_ROOT, { recursive: true, encoding: 'utf8' }).filter(
  (path) => /\.tsx?$/.test(path) && !/\.test\.tsx?$/.test(path),
);

describe('markup sinks in the app', () => {
  it('finds each sink it looks for', () => {
    expect(sinksIn('<p dangerouslySetInnerHTML={{ __html: symbol }} />')).toEqual(['dangerouslySetInnerHTML']);
    expect(sinksIn('cell.innerHTML = symbol;')).toEqual(['innerHTML / outerHTML write']);
    expect(sinksIn('cell.outerHTML += symbol;')).toEqual(['innerHTML / outerHTML write']);
    expect(sinksIn("cell.insertAdjacentHTML('beforeend', symbol)")).toEqual(['insertAdjacentHTML']);
    expect(sinksIn('document.write(symbol)')).toEqual(['document.write']);
    expect(sinksIn('range.createContextualFragment(symbol)')).toEqual(['createContextualFragment']);
    expect(sinksIn('new DOMParser().parseFromString(symbol, "text/html")')).toEqual(['DOMParser']);
    expect(sinksIn('<iframe srcDoc={symbol} />')).toEqual(['srcdoc']);
    expect(sinksIn('eval(symbol)')).toEqual(['eval']);
    expect(sinksIn("new Function('return ' + symbol)")).toEqual(['new Function']);
  });

  it('leaves reads and look-alikes alone', () => {
    expect(sinksIn('if (cell.innerHTML === before) return; const text = cell.textContent;')).toEqual([]);
    expect(sinksIn('retrieval(1); medieval(2); props.evaluate(3)')).toEqual([]);
  });

  it('has none in src/: text reaches the page through React, which escapes it', () => {
    expect(SOURCES.length).toBeGreaterThan(50);
    const found = SOURCES.flatMap((path) => sinksIn(readFileSync(new URL(path, SOURCE_ROOT), 'utf8')).map((sink) => `${path}: ${sink}`));
    expect(found).toEqual([]);
  });
});
