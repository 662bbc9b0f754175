import { readFileSync } from 'node:fs';
import ts from 'typescript';
import type { InstrumentConfig } from '../page/instruments.ts';

const INSTRUMENTS_SOURCE = new URL('../page/instruments.ts', import.meta.url);

/**
 * The page instruments as an init script: transpiled by TypeScript alone (tsx's bundler would
 * add helpers such as `__name` that do not exist in the page) and called with its config.
 */
export function instrumentsInitScript(config: InstrumentConfig): string {
  const source = readFileSync(INSTRUMENTS_SOURCE, 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, removeComments: true },
  });
  const body = outputText.replace(/^export\s+(?=function|const|class)/gm, '').replace(/^export\s*\{\s*\};?\s*$/gm, '');
  return `(() => {\n${body}\ninstallBenchInstruments(${JSON.stringify(config)});\n})();`;
}
