import type { CarrySettings, CarrySettingsInput } from '../../domain/carrySettings';
import { EXCHANGES, type ExchangeId } from '../../domain/exchange';

/** The settings as the form's fields hold them: text, in the units a trader types (days, percent). */
export interface SettingsDraft {
  notionalUsd: string;
  holdingDays: string;
  fees: Record<ExchangeId, { maker: string; taker: string }>;
  fill: CarrySettings['fill'];
  leverage: string;
}

const HOURS_PER_DAY = 24;
const PERCENT = 100;

/** Up to 8 decimals, trailing zeros dropped: 0.0005 → "0.05" (percent). */
const plain = (value: number) => String(Number(value.toFixed(8)));

export function draftOf(settings: CarrySettings): SettingsDraft {
  const fees = {} as SettingsDraft['fees'];
  for (const exchange of EXCHANGES) {
    fees[exchange] = { maker: plain(settings.fees[exchange].maker * PERCENT), taker: plain(settings.fees[exchange].taker * PERCENT) };
  }
  return {
    notionalUsd: plain(settings.notionalUsd),
    holdingDays: plain(settings.holdingHours / HOURS_PER_DAY),
    fees,
    fill: settings.fill,
    leverage: plain(settings.leverage),
  };
}

/** A field's text scaled into the maths' units when it is a number; left as typed otherwise, for the check to name. */
function scaled(text: string, factor: number): unknown {
  const value = text.trim() === '' ? Number.NaN : Number(text);
  return Number.isFinite(value) ? value * factor : text;
}

/** The draft as the settings check takes it. */
export function inputOf(draft: SettingsDraft): CarrySettingsInput {
  const fees = {} as CarrySettingsInput['fees'];
  for (const exchange of EXCHANGES) {
    fees[exchange] = { maker: scaled(draft.fees[exchange].maker, 1 / PERCENT), taker: scaled(draft.fees[exchange].taker, 1 / PERCENT) };
  }
  return {
    notionalUsd: scaled(draft.notionalUsd, 1),
    holdingHours: scaled(draft.holdingDays, HOURS_PER_DAY),
    fees,
    fill: draft.fill,
    leverage: scaled(draft.leverage, 1),
  };
}
