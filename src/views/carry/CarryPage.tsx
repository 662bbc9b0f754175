import { useCallback, useMemo } from 'react';
import { useFundingHistories, useHistoryProgress, useHistoryStorage } from '../../hooks/useFundingHistories';
import { useNow } from '../../hooks/useNow';
import { useShownPerps } from '../../hooks/usePerpFeeds';
import { useSearchState } from '../../hooks/useSearchState';
import { useCarrySettingsStore } from '../../store/carrySettingsStore';
import { usePerpStore } from '../../store/perpStore';
import { SourceNotices } from '../shell/SourceNotices';
import { UnreachableNotice, useUnreachable } from '../shell/UnreachableNotice';
import { DataTable } from '../table/DataTable';
import type { SortKey } from '../table/tableColumn';
import { CarryControls } from './CarryControls';
import { CarryDetail } from './CarryDetail';
import { carryColumns } from './carryColumns';
import { carrySearch, parseCarryParams, type CarryParams } from './carryParams';
import { carryRows, type CarryRow } from './carryRows';
import { CarrySettingsForm } from './CarrySettingsForm';
import { usePairHistory } from './usePairHistory';
import './carry.css';

const rowId = (row: CarryRow) => row.key;
const netOf = (row: CarryRow) => row.quote?.beforeSlippage.netAprOnNotional ?? -Infinity;
/** A pair's legs are known once both rates are; the loader refuses, with why, what a venue does not serve the page. */
const hasLegs = (row: CarryRow) => row.long !== null && row.short !== null;
const BOTH = ['binance', 'okx'] as const;

/** The carry desk: every coin on both venues, what its spread earns at the trader's size after costs, and whether it lasts. */
export function CarryPage() {
  const [params, setParams] = useSearchState(parseCarryParams, carrySearch);
  const rows = usePerpStore((state) => state.rows);
  const all = useMemo(() => Object.values(rows), [rows]);
  const settings = useCarrySettingsStore((state) => state.settings);
  const now = useNow();
  const historyOf = usePairHistory(now);
  const pairs = useMemo(() => carryRows(all, params, settings, historyOf), [all, params, settings, historyOf]);
  useShownPerps(pairs.flatMap((pair) => [pair.binance, pair.okx]));
  // Every pair's legs, the best carry first: the history queue serves the first asked first.
  const byNet = useMemo(() => [...pairs].sort((a, b) => netOf(b) - netOf(a)), [pairs]);
  const withLegs = useMemo(() => byNet.filter(hasLegs), [byNet]);
  const legs = useMemo(() => withLegs.flatMap((pair) => [pair.long!, pair.short!]), [withLegs]);
  useFundingHistories(legs);
  const legKeys = useMemo(() => withLegs.map((pair) => [pair.long!.key, pair.short!.key] as const), [withLegs]);
  const progress = useHistoryProgress(legKeys);
  const storage = useHistoryStorage();

  const update = useCallback((patch: Partial<CarryParams>) => setParams({ ...params, ...patch }), [params, setParams]);
  const onSortingChange = useCallback((sort: SortKey[]) => update({ sort }), [update]);
  const inspect = useCallback((row: CarryRow) => update({ pair: row.key }), [update]);
  const columns = useMemo(() => carryColumns(), []);
  const selected = pairs.find((pair) => pair.key === params.pair) ?? null;

  const unreachable = useUnreachable([...BOTH]);
  const loading = all.length === 0;

  return (
    <section aria-labelledby="carry-title" className="page carry">
      <h1 id="carry-title">Carry desk</h1>
      <CarrySettingsForm />
      <CarryControls params={params} onChange={update} />
      <SourceNotices exchanges={[...BOTH]} />
      <UnreachableNotice exchanges={[...BOTH]} />
      {unreachable.length > 0 ? null : loading ? (
        <p className="empty-state" role="status">
          Loading perpetuals from Binance and OKX…
        </p>
      ) : pairs.length === 0 ? (
        <p className="empty-state">No coin listed on both exchanges with the same margin matches these filters.</p>
      ) : (
        <DataTable
          label="Carry pairs"
          columns={columns}
          rows={pairs}
          rowId={rowId}
          sorting={params.sort}
          onSortingChange={onSortingChange}
          onActivate={inspect}
          activateHint="Open the pair's cost breakdown"
          exportFileName="funding-carry.csv"
          summary={
            <>
              {pairs.length} pairs of the same coin and margin on both exchanges · history {progress.loadedPairs} of {progress.pairs} pairs
              {progress.refusal !== null && ` (${progress.refusedPairs} without: ${progress.refusal})`}
              {progress.totals.failed > 0 && <span className="stale-note"> · {progress.totals.failed} contracts' history failed</span>}
              {storage.state === 'memory' && <span className="stale-note"> · history kept for this visit only ({storage.detail})</span>}
            </>
          }
        />
      )}
      {selected && <CarryDetail row={selected} settings={settings} onClose={() => update({ pair: null })} />}
    </section>
  );
}
