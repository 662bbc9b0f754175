import { useEffect, useRef, type KeyboardEvent } from 'react';
import { daysToExpiry } from '../../domain/option';
import { formatExpiryDate, formatTime } from '../format/times';
import type { ExpiryTab } from './chainRows';


/** Days to expiry: one decimal while it is close ("0.7d"), whole days after ten. */
export function formatDaysToExpiry(days: number): string {
  return days < 10 ? `${Math.max(0, days).toFixed(1)}d` : `${Math.floor(days)}d`;
}

interface ExpiryTabsProps {
  tabs: readonly ExpiryTab[];
  selected: number | null;
  /** By the venue's clock: days to expiry count from it. */
  now: number;
  panelId: string;
  onSelect: (tab: ExpiryTab) => void;
}

/** Expiries by date as ARIA tabs: arrows move between them (and focus follows), Home/End jump to the ends. */
export function ExpiryTabs({ tabs, selected, now, panelId, onSelect }: ExpiryTabsProps) {
  const listRef = useRef<HTMLDivElement>(null);
  const movedByKey = useRef(false);

  useEffect(() => {
    if (!movedByKey.current) return;
    movedByKey.current = false;
    listRef.current?.querySelector<HTMLButtonElement>('[aria-selected="true"]')?.focus();
  }, [selected]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((tab) => tab.expiry === selected);
    const target =
      event.key === 'ArrowRight' ? tabs[Math.min(tabs.length - 1, index + 1)]
      : event.key === 'ArrowLeft' ? tabs[Math.max(0, index - 1)]
      : event.key === 'Home' ? tabs[0]
      : event.key === 'End' ? tabs[tabs.length - 1]
      : undefined;
    if (!target) return;
    event.preventDefault();
    if (target.expiry === selected) return;
    movedByKey.current = true;
    onSelect(target);
  };

  return (
    <div role="tablist" aria-label="Expiries" className="expiry-tabs" ref={listRef} onKeyDown={onKeyDown}>
      {tabs.map((tab) => {
        const isSelected = tab.expiry === selected;
        return (
          <button
            key={tab.expiry}
            type="button"
            role="tab"
            id={`expiry-${tab.date}`}
            aria-selected={isSelected}
            aria-controls={panelId}
            tabIndex={isSelected ? 0 : -1}
            className="expiry-tab"
            title={`${tab.options} options, expire ${formatTime(tab.expiry, (date) => date.toISOString().replace('.000Z', 'Z'))}`}
            onClick={() => onSelect(tab)}
          >
            <span className="expiry-date">{formatExpiryDate(tab.expiry)}</span>
            <span className="expiry-days">{formatDaysToExpiry(daysToExpiry(tab.expiry, now))}</span>
          </button>
        );
      })}
    </div>
  );
}
