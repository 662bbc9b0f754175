import type { PerpMargin } from '../../domain/perp';

export const MARGIN_LABEL: Record<PerpMargin, string> = { linear: 'Linear', inverse: 'Coin-margined' };

export const MARGIN_DESCRIPTION =
  'linear: margined and paid in the quote (USDT, USDC); coin-margined (inverse): margined and paid in the coin, quoted in USD';
