import { describeRule } from '../../domain/alerts/alertText';
import type { FiredAlert } from '../../domain/alerts/rule';
import { useAlertsStore } from '../../store/alertsStore';
import { alertPath } from './alertPath';

/** One desktop notification, and what its click does. */
export interface DesktopNotice {
  title: string;
  body: string;
  /** The rule's id: a newer notice of the same rule replaces the older one on the desktop. */
  tag: string;
  onClick: () => void;
}

export interface AlertDeliveryOptions {
  notify: (notice: DesktopNotice) => void;
  tone: () => void;
  /** Brings the page's window to the front. */
  focus: () => void;
  navigate: (path: string) => void;
}

/**
 * Tells the trader of fired alerts outside the page: a desktop notification each while the browser
 * allows them, and one tone while the sound is on. Toasts and the title count come from the store.
 */
export function deliverAlerts(alerts: readonly FiredAlert[], options: AlertDeliveryOptions): void {
  if (alerts.length === 0) return;
  const { rules, notifications, sound } = useAlertsStore.getState();
  if (notifications === 'granted') {
    for (const alert of alerts) {
      const rule = rules?.find((held) => held.id === alert.ruleId);
      const path = alertPath(alert.subject);
      options.notify({
        title: rule ? describeRule(rule) : alert.text,
        body: alert.text,
        tag: alert.ruleId,
        onClick: () => {
          options.focus();
          if (path) options.navigate(path);
        },
      });
    }
  }
  if (sound) options.tone();
}

/** Keeps the title "(n) <title>" while n alerts are unseen, and the page's own title once they are seen. */
export function watchTitle(page: { title: string }): () => void {
  const base = page.title;
  const show = (unseen: number): void => {
    page.title = unseen > 0 ? `(${unseen}) ${base}` : base;
  };
  show(useAlertsStore.getState().unseen);
  return useAlertsStore.subscribe((state, previous) => {
    if (state.unseen !== previous.unseen) show(state.unseen);
  });
}
