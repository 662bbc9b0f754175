/**
 * `npm run demo [-- --rate N --seed N]`: the app's dev server wired to a local fake exchange,
 * for trying the dashboard without reaching the real exchanges. Ctrl-C stops both.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createServer } from 'vite';
import { startFakeExchange } from '../e2e/fake-exchange/server.ts';
import { numberFlag } from './lib/flags.ts';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

const { values: flags } = parseArgs({ options: { rate: { type: 'string' }, seed: { type: 'string' } } });

const fake = await startFakeExchange({
  binancePort: 0,
  okxPort: 0,
  controlPort: 0,
  seed: numberFlag('seed', flags.seed),
  rate: numberFlag('rate', flags.rate),
});
// vite.config.ts reads the endpoint variables from process.env.
Object.assign(process.env, fake.env);
const server = await createServer({
  root: REPO_ROOT,
  configFile: `${REPO_ROOT}vite.config.ts`,
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
});
await server.listen();

console.log(`Fake exchange: Binance ${fake.binanceUrl}, OKX ${fake.okxUrl}, control ${fake.controlUrl}`);
server.printUrls();
console.log('Press Ctrl-C to stop.');

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await server.close();
  await fake.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
