import { useState } from 'react';
import { applyCarrySettings } from '../../app/carrySettings';
import { DEFAULT_CARRY_SETTINGS, validateCarrySettings, type CarryFill, type CarrySettingsField } from '../../domain/carrySettings';
import { EXCHANGE_LABEL, EXCHANGES, type ExchangeId } from '../../domain/exchange';
import { useCarrySettingsStore } from '../../store/carrySettingsStore';
import { NumberField } from '../controls/NumberField';
import { Segmented } from '../controls/Segmented';
import { draftOf, inputOf, type SettingsDraft } from './settingsDraft';

type Problems = Partial<Record<CarrySettingsField, string>>;

/**
 * The trader's size, period, fees, fills and leverage. Every change is checked whole: settings
 * that pass apply at once and are kept; a refused field says why and changes nothing.
 */
export function CarrySettingsForm() {
  const settings = useCarrySettingsStore((state) => state.settings);
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(settings));
  const [problems, setProblems] = useState<Problems>({});

  const change = (next: SettingsDraft) => {
    setDraft(next);
    const check = validateCarrySettings(inputOf(next));
    if (check.ok) applyCarrySettings(check.settings);
    setProblems(check.ok ? {} : check.problems);
  };
  const changeFee = (exchange: ExchangeId, fill: CarryFill, value: string) =>
    change({ ...draft, fees: { ...draft.fees, [exchange]: { ...draft.fees[exchange], [fill]: value } } });

  return (
    <form className="controls carry-settings" aria-label="Carry settings" onSubmit={(event) => event.preventDefault()}>
      <NumberField label="Notional per leg (USD)" value={draft.notionalUsd} problem={problems.notionalUsd} onChange={(notionalUsd) => change({ ...draft, notionalUsd })} />
      <NumberField label="Holding period (days)" value={draft.holdingDays} problem={problems.holdingHours} onChange={(holdingDays) => change({ ...draft, holdingDays })} />
      <NumberField label="Leverage (×)" value={draft.leverage} problem={problems.leverage} onChange={(leverage) => change({ ...draft, leverage })} />
      <Segmented<CarryFill>
        legend="Fills"
        value={draft.fill}
        options={[
          ['taker', 'Taker'],
          ['maker', 'Maker'],
        ]}
        onChange={(fill) => change({ ...draft, fill })}
      />
      {EXCHANGES.map((exchange) =>
        (['maker', 'taker'] as const).map((fill) => (
          <NumberField
            key={`${exchange}-${fill}`}
            label={`${EXCHANGE_LABEL[exchange]} ${fill} fee (%)`}
            value={draft.fees[exchange][fill]}
            problem={problems[`fees.${exchange}.${fill}`]}
            onChange={(value) => changeFee(exchange, fill, value)}
          />
        )),
      )}
      <button type="button" onClick={() => change(draftOf(DEFAULT_CARRY_SETTINGS))}>
        Reset to the defaults
      </button>
      <p className="settings-note">
        Default fees are the venues’ public entry tiers (Binance VIP 0, OKX Lv1): 0.02 % maker, 0.05 % taker. Taker fills cross half the
        bid/ask spread and walk the book; maker fills rest at the touch and may not fill.
      </p>
    </form>
  );
}
