import { create } from 'zustand';
import { DEFAULT_CARRY_SETTINGS, type CarrySettings } from '../domain/carrySettings';

interface CarrySettingsState {
  settings: CarrySettings;
}

/** The Carry view's size, period, fees, fills and leverage (src/app/carrySettings.ts restores and applies them). */
export const useCarrySettingsStore = create<CarrySettingsState>()(() => ({ settings: DEFAULT_CARRY_SETTINGS }));
