import type { AlertKind } from '../../domain/alerts/rule';
import { NumberField } from '../controls/NumberField';
import { Segmented } from '../controls/Segmented';
import { isLevelKind, isMinutesKind, type RuleDraft, type RuleProblems } from './ruleDraft';

const LEVEL_LABEL: Record<'funding-level' | 'carry-level' | 'atm-iv', string> = {
  'funding-level': 'Level (% annualised)',
  'carry-level': 'Net APR level (%)',
  'atm-iv': 'Level (vol %)',
};

const MINUTES_LABEL: Record<'settlement' | 'link-down', string> = {
  settlement: 'Minutes before settlement',
  'link-down': 'Minutes down',
};

interface RuleFieldsProps {
  kind: AlertKind;
  draft: RuleDraft;
  problems: RuleProblems;
  onChange: (draft: RuleDraft) => void;
  /** With the cooldown and hysteresis, which a new rule takes at their defaults. */
  rearming: boolean;
}

/** The figures of a rule of one kind: basis, side and level, or minutes, and how it re-arms. */
export function RuleFields({ kind, draft, problems, onChange, rearming }: RuleFieldsProps) {
  return (
    <>
      {kind === 'funding-level' && (
        <Segmented
          legend="Rate"
          value={draft.basis}
          options={[
            ['current', 'Current'],
            ['next', 'Next interval'],
          ]}
          onChange={(basis) => onChange({ ...draft, basis })}
        />
      )}
      {isLevelKind(kind) && (
        <>
          <Segmented
            legend="Side"
            value={draft.side}
            options={[
              ['above', 'Above'],
              ['below', 'Below'],
            ]}
            onChange={(side) => onChange({ ...draft, side })}
          />
          <NumberField label={LEVEL_LABEL[kind]} value={draft.level} problem={problems.level} onChange={(level) => onChange({ ...draft, level })} />
        </>
      )}
      {isMinutesKind(kind) && (
        <NumberField label={MINUTES_LABEL[kind]} value={draft.minutes} problem={problems.minutes} onChange={(minutes) => onChange({ ...draft, minutes })} />
      )}
      {rearming && (
        <NumberField
          label="Cooldown (minutes)"
          value={draft.cooldownMinutes}
          problem={problems.cooldownMinutes}
          onChange={(cooldownMinutes) => onChange({ ...draft, cooldownMinutes })}
        />
      )}
      {rearming && isLevelKind(kind) && (
        <NumberField
          label="Hysteresis (%)"
          value={draft.hysteresisPercent}
          problem={problems.hysteresisPercent}
          onChange={(hysteresisPercent) => onChange({ ...draft, hysteresisPercent })}
        />
      )}
    </>
  );
}
