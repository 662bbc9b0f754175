import { parseArgs } from 'node:util';
import { startFakeExchange } from './server.ts';

/**
 * `npm run fake-exchange -- --seed 7 --rate 10`: starts the fake exchange and prints one JSON
 * line with its URLs and the app's env, so launchers can read it from stdout.
 */
const { values } = parseArgs({
  options: {
    'binance-port': { type: 'string' },
    'okx-port': { type: 'string' },
    'control-port': { type: 'string' },
    seed: { type: 'string' },
    rate: { type: 'string' },
  },
});

function numberFlag(name: keyof typeof values): number | undefined {
  const text = values[name];
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a non-negative number, got ${text}`);
  return value;
}

const exchange = await startFakeExchange({
  binancePort: numberFlag('binance-port'),
  okxPort: numberFlag('okx-port'),
  controlPort: numberFlag('control-port'),
  seed: numberFlag('seed'),
  rate: numberFlag('rate'),
});
process.stdout.write(
  `${JSON.stringify({ binance: exchange.binanceUrl, okx: exchange.okxUrl, control: exchange.controlUrl, env: exchange.env })}\n`,
);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  exchange.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
