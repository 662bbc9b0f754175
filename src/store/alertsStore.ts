import { create } from 'zustand';
import type { AlertRule, FiredAlert } from '../domain/alerts/rule';

/** Where rules and fired alerts are kept: IndexedDB across visits, or this page's memory only (and why). */
export type AlertStorage = { state: 'persistent' } | { state: 'memory'; detail: string };

/** The browser's answer on desktop notifications; `unsupported` where it has no Notification API. */
export type NotificationAccess = 'default' | 'granted' | 'denied' | 'unsupported';

export interface AlertsState {
  /** Null until the alert database has opened and its rules are loaded. */
  rules: AlertRule[] | null;
  /** Newest first, at most the database's 200. */
  fired: FiredAlert[];
  /** Fired since the trader last looked at the Alerts panel: the tab title counts them. */
  unseen: number;
  /** Fired alerts still shown as in-page toasts, oldest first. */
  toasts: FiredAlert[];
  storage: AlertStorage | null;
  notifications: NotificationAccess;
  /** A short tone with each alert, made with Web Audio. */
  sound: boolean;
}

/** Alert rules, fired alerts and how they are delivered (src/app/alerts/ changes them, keeps them, and tells the workers). */
export const useAlertsStore = create<AlertsState>()(() => ({
  rules: null,
  fired: [],
  unseen: 0,
  toasts: [],
  storage: null,
  notifications: 'default',
  sound: false,
}));
