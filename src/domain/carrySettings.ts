import { EXCHANGES, EXCHANGE_LABEL, type ExchangeId } from './exchange';

export type CarryFill = 'maker' | 'taker';

/** Fee rates per fill, as fractions of the notional (0.0005 = 0.05 %). */
export interface VenueFees {
  maker: number;
  taker: number;
}

export interface CarrySettings {
  /** USD per leg. */
  notionalUsd: number;
  holdingHours: number;
  fees: Record<ExchangeId, VenueFees>;
  fill: CarryFill;
  leverage: number;
}

/** Binance USDⓈ-M and OKX swaps, regular users' entry tier (VIP 0 / Lv1). */
export const ENTRY_TIER_FEES: Readonly<Record<ExchangeId, VenueFees>> = {
  binance: { maker: 0.0002, taker: 0.0005 },
  okx: { maker: 0.0002, taker: 0.0005 },
};

export const DEFAULT_CARRY_SETTINGS: Readonly<CarrySettings> = {
  notionalUsd: 10_000,
  holdingHours: 7 * 24,
  fees: ENTRY_TIER_FEES,
  // Taker: a carry opened on two venues must fill both legs at once, or one leg sits unhedged.
  fill: 'taker',
  // 1×: the legs' margins sit on two venues and never offset, so each leg must survive a move alone.
  leverage: 1,
};

/**
 * Deepest maker rebate accepted: Binance's USDⓈ-M tiers bottom at 0 % (VIP 9) and OKX's top swap tier
 * pays about −0.01 %; −0.02 % leaves room for a market-maker programme, and below it is a mistyped figure.
 */
export const MIN_MAKER_FEE = -0.0002;
/** Twenty times the entry taker tier: a larger figure is a percent typed where a fraction belongs. */
export const MAX_FEE = 0.01;

/** What the page has in hand: form fields or stored values, any of them possibly not a number. */
export interface CarrySettingsInput {
  notionalUsd: unknown;
  holdingHours: unknown;
  fees: Record<ExchangeId, { maker: unknown; taker: unknown }>;
  fill: unknown;
  leverage: unknown;
}

export type CarrySettingsField = 'notionalUsd' | 'holdingHours' | 'fill' | 'leverage' | `fees.${ExchangeId}.${CarryFill}`;

export type CarrySettingsCheck =
  | { ok: true; settings: CarrySettings }
  | { ok: false; problems: Partial<Record<CarrySettingsField, string>> };

/** A number, or a string that is one; anything else (empty, NaN, ±Infinity) is null. */
function numberOf(value: unknown): number | null {
  const parsed = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(parsed) ? parsed : null;
}

type Check = { value: number } | { problem: string };

function positive(value: unknown, name: string, unit: string): Check {
  const parsed = numberOf(value);
  if (parsed === null) return { problem: `${name} must be a number.` };
  return parsed > 0 ? { value: parsed } : { problem: `${name} must be more than 0${unit}.` };
}

function fee(value: unknown, name: string, fill: CarryFill): Check {
  const parsed = numberOf(value);
  if (parsed === null) return { problem: `${name} must be a number.` };
  if (fill === 'taker' && parsed < 0) return { problem: `${name} cannot be negative: no venue pays takers.` };
  if (parsed < MIN_MAKER_FEE) return { problem: `${name} cannot be below −0.02 %, beyond any venue’s maker rebate.` };
  if (parsed > MAX_FEE) return { problem: `${name} cannot be above 1 % a fill.` };
  return { value: parsed };
}

/** The settings, or one message per refused field and nothing applied. */
export function validateCarrySettings(input: CarrySettingsInput): CarrySettingsCheck {
  const problems: Partial<Record<CarrySettingsField, string>> = {};
  // A refused field's 0 never leaves: any problem returns before the settings are built.
  const take = (field: CarrySettingsField, check: Check): number => {
    if ('value' in check) return check.value;
    problems[field] = check.problem;
    return 0;
  };
  const notionalUsd = take('notionalUsd', positive(input.notionalUsd, 'Notional', ' USD'));
  const holdingHours = take('holdingHours', positive(input.holdingHours, 'Holding period', ' hours'));
  const leverage = take('leverage', positive(input.leverage, 'Leverage', '×'));
  const fees = {} as Record<ExchangeId, VenueFees>;
  for (const exchange of EXCHANGES) {
    const given = input.fees?.[exchange];
    const label = EXCHANGE_LABEL[exchange];
    fees[exchange] = {
      maker: take(`fees.${exchange}.maker`, fee(given?.maker, `${label} maker fee`, 'maker')),
      taker: take(`fees.${exchange}.taker`, fee(given?.taker, `${label} taker fee`, 'taker')),
    };
  }
  const fill = input.fill === 'maker' || input.fill === 'taker' ? input.fill : null;
  if (fill === null) problems.fill = 'Fills must be maker or taker.';
  if (fill === null || Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, settings: { notionalUsd, holdingHours, fees, fill, leverage } };
}
