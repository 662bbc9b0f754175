import { useCallback, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { EXCHANGES } from '../../domain/exchange';
import type { PerpRow } from '../../domain/perp';
import { useColumnChoice } from '../../hooks/useColumnChoice';
import { useFundingHistories, useHistoryStorage } from '../../hooks/useFundingHistories';
import { useNow } from '../../hooks/useNow';
import { usePolledPerps, useShownPerps } from '../../hooks/usePerpFeeds';
import { useSearchState } from '../../hooks/useSearchState';
import { useConnectionStatusStore } from '../../store/connectionStatusStore';
import { holdsAll, refusalAmong, useFundingHistoryStore } from '../../store/fundingHistoryStore';
import { usePerpStore } from '../../store/perpStore';
import { SourceNotices } from '../shell/SourceNotices';
import { UnreachableNotice, useUnreachable } from '../shell/UnreachableNotice';
import { ColumnChooser } from '../table/ColumnChooser';
import { DataTable } from '../table/DataTable';
import { perpColumns } from './perpColumns';
import { ScreenerControls } from './ScreenerControls';
import type { SortKey } from '../table/tableColumn';
import { parseScreenerParams, screenerSearch, type ScreenerParams } from './screenerParams';
import { filterPerps } from './selectRows';
import { isStale, isStreamSilent } from './staleness';

const perpRowId = (quote: PerpRow) => quote.key;

/** The screener's cross-exchange view became the Carry desk: old links land there, keeping their coin search. */
function retiredCrossView(search: string): string | null {
  const params = new URLSearchParams(search);
  if (params.get('view') !== 'cross') return null;
  const coin = params.get('q');
  return coin ? `/carry?${new URLSearchParams({ q: coin })}` : '/carry';
}

export function ScreenerPage() {
  const carryLink = retiredCrossView(useLocation().search);
  return carryLink ? <Navigate to={carryLink} replace /> : <PerpetualsScreener />;
}

function PerpetualsScreener() {
  // Every row: sorting and filtering read them all, not only those scrolled into view.
  useShownPerps('all');
  const [params, setParams] = useSearchState(parseScreenerParams, screenerSearch);
  const quotes = usePerpStore((state) => state.rows);
  const all = useMemo(() => Object.values(quotes), [quotes]);
  const now = useNow();
  const silent = useConnectionStatusStore(
    useShallow((state) => ({ binance: isStreamSilent(state.byExchange.binance.state), okx: isStreamSilent(state.byExchange.okx.state) })),
  );
  const navigate = useNavigate();
  // The rows on screen: polled for Binance's open interest and loaded with their funding history.
  const [inView, setInView] = useState<PerpRow[]>([]);
  usePolledPerps(inView);
  useFundingHistories(inView);
  const historyHeld = useFundingHistoryStore((state) => inView.filter((quote) => holdsAll(state.contracts[quote.key])).length);
  const historyRefused = useFundingHistoryStore((state) => inView.filter((quote) => state.contracts[quote.key]?.status === 'refused').length);
  const historyRefusal = useFundingHistoryStore((state) => refusalAmong(state.contracts, inView.map((quote) => quote.key)));
  const historyStorage = useHistoryStorage();
  const columnChoice = useColumnChoice('screener');

  const update = useCallback(
    (patch: Partial<ScreenerParams>) => setParams({ ...params, ...patch }),
    [params, setParams],
  );
  const onSortingChange = useCallback((sort: SortKey[]) => update({ sort }), [update]);
  const openChart = useCallback(
    (quote: PerpRow) => navigate(`/charts/${quote.exchange}/${encodeURIComponent(quote.symbol)}`),
    [navigate],
  );

  const allColumns = useMemo(() => perpColumns(params.rate), [params.rate]);
  const perpCols = useMemo(() => allColumns.filter(columnChoice.isShown), [allColumns, columnChoice.isShown]);
  const perps = useMemo(() => filterPerps(all, params), [all, params]);
  const staleCount = perps.reduce((count, quote) => count + (isStale(quote, now, silent) ? 1 : 0), 0);
  const rowClass = useCallback((quote: PerpRow) => (isStale(quote, now, silent) ? 'stale' : ''), [now, silent]);

  const perExchange = EXCHANGES.map((exchange) => `${perps.filter((quote) => quote.exchange === exchange).length} ${exchange === 'binance' ? 'Binance' : 'OKX'}`);
  const unreachable = useUnreachable(params.exchanges);
  const noneReachable = params.exchanges.length > 0 && unreachable.length === params.exchanges.length;
  const loading = all.length === 0;

  return (
    <section aria-labelledby="screener-title" className="page screener">
      <h1 id="screener-title">Funding-rate screener</h1>
      <ScreenerControls params={params} onChange={update} />
      <SourceNotices exchanges={params.exchanges} />
      <UnreachableNotice exchanges={params.exchanges} />
      {noneReachable && loading ? null : loading ? (
        <p className="empty-state" role="status">
          Loading perpetuals from Binance and OKX…
        </p>
      ) : perps.length === 0 ? (
        <p className="empty-state">No perpetuals match these filters.</p>
      ) : (
        <DataTable
          label="Perpetuals"
          columns={perpCols}
          rows={perps}
          rowId={perpRowId}
          sorting={params.sort}
          onSortingChange={onSortingChange}
          onActivate={openChart}
          activateHint="Open mark vs index chart"
          rowClass={rowClass}
          exportFileName="funding-screener.csv"
          onRowsInView={setInView}
          tools={<ColumnChooser columns={allColumns} isShown={columnChoice.isShown} onChange={columnChoice.choose} />}
          summary={
            <>
              {perps.length} perpetuals ({perExchange.join(' · ')})
              {staleCount > 0 && <span className="stale-note"> · {staleCount} stale</span>}
              {' · '}history {historyHeld} of {inView.length} rows in view
              {historyRefusal !== null && ` (${historyRefused} without: ${historyRefusal})`}
              {historyStorage.state === 'memory' && <span className="stale-note"> · history kept for this visit only ({historyStorage.detail})</span>}
            </>
          }
        />
      )}
    </section>
  );
}
