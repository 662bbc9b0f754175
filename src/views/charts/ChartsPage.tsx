import { useCallback, useMemo } from 'react';
import { useParams } from 'react-router';
import { CHART_INTERVALS, type ChartInterval } from '../../domain/candles';
import { EXCHANGE_LABEL, EXCHANGES, type ExchangeId } from '../../domain/exchange';
import { perpKey, type PerpRow } from '../../domain/perp';
import { useShownPerps } from '../../hooks/usePerpFeeds';
import { useSearchState } from '../../hooks/useSearchState';
import { usePerpStore } from '../../store/perpStore';
import { Segmented } from '../controls/Segmented';
import { UnreachableNotice, useUnreachable } from '../shell/UnreachableNotice';
import { mainContractFor } from '../../domain/contractPairs';
import { BasisPanel } from './BasisPanel';
import { ChartAttribution } from './ChartAttribution';
import { chartSearch, parseChartParams, parseExchange, type ChartParams } from './chartParams';
import { ComparePanel } from './ComparePanel';
import { FundingHistoryPanel } from './FundingHistoryPanel';
import { MarkIndexPanel } from './MarkIndexPanel';
import { QuoteStats } from './QuoteStats';
import { SymbolPicker } from './SymbolPicker';
import './charts.css';

const OTHER: Record<ExchangeId, ExchangeId> = { binance: 'okx', okx: 'binance' };

const historyTarget = (quote: PerpRow) => ({ exchange: quote.exchange, symbol: quote.symbol, indexId: quote.indexId });

/** The same coin's main contract of the same margin on the other exchange, for compare mode. */
function useCounterpart(quote: PerpRow | undefined): PerpRow | undefined {
  const otherKey = usePerpStore((state) =>
    quote ? mainContractFor(Object.values(state.rows), OTHER[quote.exchange], quote.coin, quote.margin)?.key : undefined,
  );
  return usePerpStore((state) => (otherKey ? state.rows[otherKey] : undefined));
}

export function ChartsPage() {
  const { exchange: exchangeParam, symbol } = useParams();
  const [params, setParams] = useSearchState(parseChartParams, chartSearch);
  const exchange = parseExchange(exchangeParam);
  const key = exchange && symbol ? perpKey(exchange, symbol) : null;
  const quote = usePerpStore((state) => (key ? state.rows[key] : undefined));
  const exchangeLoaded = usePerpStore((state) => exchange !== null && Object.values(state.rows).some((q) => q.exchange === exchange));
  const counterpart = useCounterpart(quote);
  const exchangeDown = useUnreachable(exchange ? [exchange] : []).length > 0;
  // The chart's contract (from the address, before its row exists) and the other exchange's, for compare.
  useShownPerps([...(exchange && symbol ? [{ exchange, symbol }] : []), ...(counterpart ? [counterpart] : [])]);

  const update = useCallback(
    (patch: Partial<ChartParams>) => setParams({ ...params, ...patch }),
    [params, setParams],
  );

  // Stable per instrument, so a live price tick never restarts the history load.
  const target = useMemo(() => (quote ? historyTarget(quote) : null), [quote?.exchange, quote?.symbol, quote?.indexId]);
  // The coin's perpetual on each venue, this page's first: the basis curve's day-0 funding.
  const basisPerps = useMemo(() => [quote, counterpart].filter((perp) => perp !== undefined), [quote, counterpart]);
  const legs = useMemo(() => {
    if (!quote || !counterpart) return null;
    const [binance, okx] = quote.exchange === 'binance' ? [quote, counterpart] : [counterpart, quote];
    return { binance: historyTarget(binance), okx: historyTarget(okx) };
  }, [quote?.key, quote?.indexId, counterpart?.key, counterpart?.indexId]);

  return (
    <section aria-labelledby="charts-title" className="page charts">
      <h1 id="charts-title">Mark vs index</h1>
      <div className="controls" role="group" aria-label="Chart controls">
        <SymbolPicker params={params} />
        <Segmented<ChartInterval>
          legend="Interval"
          value={params.interval}
          options={CHART_INTERVALS.map((interval) => [interval, interval])}
          onChange={(interval) => update({ interval })}
        />
        <label className="compare-toggle">
          <input type="checkbox" checked={params.compare} disabled={!counterpart} onChange={(event) => update({ compare: event.target.checked })} />
          Compare premium on Binance and OKX
          {quote && !counterpart && exchangeLoaded && <span className="muted"> ({quote.coin} is not listed on {EXCHANGE_LABEL[OTHER[quote.exchange]]})</span>}
        </label>
      </div>
      <UnreachableNotice exchanges={EXCHANGES} />
      {!key ? (
        <p className="empty-state">Pick a perpetual above, or open one from the screener, to chart its mark, index and premium.</p>
      ) : !quote ? (
        exchangeLoaded ? (
          <p className="empty-state" role="alert">
            No perpetual {symbol} is listed on {EXCHANGE_LABEL[exchange!]}.
          </p>
        ) : exchangeDown ? null : (
          <p className="empty-state" role="status">
            Loading {symbol} from {EXCHANGE_LABEL[exchange!]}…
          </p>
        )
      ) : (
        <>
          <h2 className="chart-title">
            {quote.symbol} <span className="muted">{EXCHANGE_LABEL[quote.exchange]} perpetual</span>
          </h2>
          <QuoteStats quote={quote} />
          {params.compare && legs ? (
            <ComparePanel coin={quote.coin} legs={legs} interval={params.interval} />
          ) : (
            <MarkIndexPanel target={target!} interval={params.interval} />
          )}
          <FundingHistoryPanel quote={quote} />
          <BasisPanel coin={quote.coin} perps={basisPerps} />
          <ChartAttribution />
        </>
      )}
    </section>
  );
}
