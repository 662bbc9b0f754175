import { useCallback, useEffect, useMemo, useState } from 'react';
import { EXCHANGE_LABEL, EXCHANGES, type ExchangeId } from '../../domain/exchange';
import { chainKey, UNDERLYING_PRICE_LABEL, type OptionRow } from '../../domain/option';
import { useNow } from '../../hooks/useNow';
import { useVenueOffset } from '../../hooks/useVenueNow';
import { useSearchState } from '../../hooks/useSearchState';
import { useOptionCatalog, useOptionChainFeed } from '../../hooks/useOptionFeeds';
import { useShownPerps } from '../../hooks/usePerpFeeds';
import { selectLinkStatus, useConnectionStatusStore } from '../../store/connectionStatusStore';
import { useOptionStore } from '../../store/optionStore';
import { formatPrice } from '../format/numbers';
import { SourceNotices } from '../shell/SourceNotices';
import { UnreachableNotice } from '../shell/UnreachableNotice';
import { sideColumns, type ChainColumnId } from './chainColumns';
import { expiriesOf, expiryChain, resolveExpiry, type ExpiryTab } from './chainRows';
import { ChainTable } from './ChainTable';
import { ExpiryTabs } from './ExpiryTabs';
import { OptionsControls } from './OptionsControls';
import { defaultUnderlying, optionsSearch, parseOptionsParams, type OptionsParams } from './optionsParams';
import { SmilePanel } from './SmilePanel';
import { isOptionStale } from './staleness';
import { chainState } from './chainState';
import { isStreamSilent } from '../screener/staleness';
import './options.css';
import { formatTime } from '../format/times';
import { nearestExpiryAtm } from '../../domain/termStructure/expiryVols';
import { AlertBell } from '../alerts/AlertBell';
import { TermPanel } from './TermPanel';
import type { TermVenue } from './useTermStructure';

const PANEL_ID = 'chain-panel';
const NO_UNDERLYINGS: readonly string[] = [];

/** `BTCUSDT` / `BTC-USD` → `BTC`, to keep the coin when switching exchange. */
function baseOf(underlying: string): string {
  return underlying.replace(/-?USDT?$/, '');
}

function underlyingFor(exchange: ExchangeId, base: string): string {
  return exchange === 'binance' ? `${base}USDT` : `${base}-USD`;
}

const expiryTitle = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** The chain's underlying price comes with its options; no perpetual is on screen. */
const NO_PERPS: readonly never[] = [];

export function OptionsPage() {
  const [params, setParams] = useSearchState(parseOptionsParams, optionsSearch);
  const { exchange } = params;
  const listed = useOptionStore((state) => state.underlyings[exchange]) ?? NO_UNDERLYINGS;
  // Streams first: a linked chain opens before (or without) the exchange's option list.
  const underlying = params.underlying !== null && (listed.length === 0 || listed.includes(params.underlying))
    ? params.underlying
    : defaultUnderlying(listed);
  const unknownUnderlying = params.underlying !== null && underlying !== params.underlying ? params.underlying : null;

  useOptionCatalog();
  useShownPerps(NO_PERPS);

  const rows = useOptionStore((state) => (underlying === null ? undefined : state.chains[chainKey(exchange, underlying)]));
  // Ages are local times against local times; expiries are the venue's and count on its clock.
  const now = useNow();
  const venueOffset = useVenueOffset(exchange);
  const venueNow = now + venueOffset;
  const link = useConnectionStatusStore(selectLinkStatus(exchange));
  const exchangeDown = link.state === 'down';
  const streamSilent = isStreamSilent(link.state);
  const tabs = useMemo(() => expiriesOf(rows, venueNow), [rows, venueNow]);
  const selected = resolveExpiry(tabs, params.expiry);
  // The linked (or nearest) expiry, as shown: on OKX only its options get marks and books.
  useOptionChainFeed(exchange, underlying, selected?.expiry ?? null);
  const chain = useMemo(() => (selected ? expiryChain(rows, selected.expiry) : null), [rows, selected?.expiry]);
  const chainAtmIv = useMemo(() => (rows ? nearestExpiryAtm(Object.values(rows), venueNow) : null), [rows, venueNow]);
  const [hidden, setHidden] = useState<ReadonlySet<ChainColumnId>>(() => new Set());
  const columns = useMemo(() => sideColumns(hidden), [hidden]);
  const isStale = useCallback((quote: OptionRow) => isOptionStale(quote, now, streamSilent), [now, streamSilent]);
  const [settledNotice, setSettledNotice] = useState<string | null>(null);
  const [termOpen, setTermOpen] = useState(false);
  const allListed = useOptionStore((state) => state.underlyings);
  const coin = underlying === null ? null : baseOf(underlying);
  const termVenues = useMemo(
    (): TermVenue[] =>
      coin === null
        ? []
        : EXCHANGES.map((venue) => ({ exchange: venue, underlying: underlyingFor(venue, coin) })).filter(
            (venue) => venue.exchange === exchange || (allListed[venue.exchange] ?? []).includes(venue.underlying),
          ),
    [coin, exchange, allListed],
  );
  const termNow = useCallback(() => Date.now() + venueOffset, [venueOffset]);

  const choose = useCallback(
    (patch: Partial<OptionsParams>) => {
      setSettledNotice(null);
      setParams({ ...params, underlying, ...patch });
    },
    [setParams, params, underlying],
  );

  // Keep the link shareable: it always names the chain and expiry on screen. An expiry that
  // settled while open (or in an old link) gives way to the next one, and the page says so.
  useEffect(() => {
    if (underlying === null || selected === null) return;
    if (params.underlying === underlying && params.expiry === selected.date) return;
    if (params.expiry !== null && params.expiry !== selected.date && params.underlying === underlying) {
      setSettledNotice(`The ${params.expiry} expiry is no longer listed (settled); showing ${selected.date}.`);
    }
    setParams({ exchange, underlying, expiry: selected.date });
  }, [exchange, underlying, selected, params.underlying, params.expiry, setParams]);

  const onExchange = (next: ExchangeId) =>
    choose({ exchange: next, underlying: underlying === null ? null : underlyingFor(next, baseOf(underlying)), expiry: null });
  const onSelectExpiry = useCallback((tab: ExpiryTab) => choose({ expiry: tab.date }), [choose]);
  const onToggleColumn = (id: ChainColumnId) =>
    setHidden((previous) => {
      const next = new Set(previous);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const sample = chain?.rows[0]?.call ?? chain?.rows[0]?.put;
  const priceCurrency = sample?.priceCurrency ?? (exchange === 'binance' ? 'USDT' : underlying === null ? '' : baseOf(underlying));
  const strikeCurrency = exchange === 'binance' ? 'USDT' : 'USD';
  const newestUpdate = chain?.rows.reduce((newest, row) => Math.max(newest, row.call?.appliedAt ?? 0, row.put?.appliedAt ?? 0), 0) ?? 0;
  const staleStrikes = chain?.rows.filter((row) => (row.call && isStale(row.call)) || (row.put && isStale(row.put))).length ?? 0;
  const exchangeLabel = EXCHANGE_LABEL[exchange];

  const state = chainState(link, newestUpdate, staleStrikes > 0, now);

  return (
    <section aria-labelledby="options-title" className="page options">
      <div className="page-title">
        <h1 id="options-title">Options chain</h1>
        {underlying !== null && <AlertBell origin={{ scope: 'chain', chain: { exchange, underlying }, atmIv: chainAtmIv }} label="Alert" />}
      </div>
      <OptionsControls
        exchange={exchange}
        underlyings={listed}
        underlying={underlying}
        unreachable={exchangeDown}
        hidden={hidden}
        onExchange={onExchange}
        onUnderlying={(value) => choose({ underlying: value, expiry: null })}
        onToggleColumn={onToggleColumn}
      />
      <SourceNotices exchanges={[exchange]} />
      {(unknownUnderlying || settledNotice) && (
        <ul className="notices" aria-label="Chain notices">
          {unknownUnderlying && (
            <li className="notice">
              {exchangeLabel} lists no options on {unknownUnderlying}; showing {underlying}.
            </li>
          )}
          {settledNotice && <li className="notice">{settledNotice}</li>}
        </ul>
      )}
      <UnreachableNotice exchanges={EXCHANGES} />
      {underlying === null ? (
        exchangeDown ? null : (
          <p className="empty-state" role="status">
            Loading the option lists of Binance and OKX…
          </p>
        )
      ) : selected === null || chain === null ? (
        exchangeDown ? null : (
          <p className="empty-state" role="status">
            Loading {underlying} options from {exchangeLabel}…
          </p>
        )
      ) : (
        <>
          <p className="chain-status" role="status" aria-label="Chain status">
            <strong>{underlying}</strong>
            <span>
              {UNDERLYING_PRICE_LABEL[exchange]} {formatPrice(chain.underlyingPrice)}
            </span>
            <span>ATM {chain.atmStrike === null ? '—' : formatPrice(chain.atmStrike, Number.isInteger(chain.atmStrike) ? 0 : undefined)}</span>
            <span>{chain.rows.length} strikes</span>
            <span className={state === 'live' ? 'state-live' : 'state-warn'}>{state}</span>
          </p>
          <ExpiryTabs tabs={tabs} selected={selected.expiry} now={venueNow} panelId={PANEL_ID} onSelect={onSelectExpiry} />
          <div id={PANEL_ID} role="tabpanel" aria-labelledby={`expiry-${selected.date}`} className="chain-panel">
            <p className="chain-legend">
              Prices in {priceCurrency}; IV annualised. Greeks are Black-Scholes in USD for one option on one {baseOf(underlying)}
              {exchange === 'okx' ? ' (OKX’s BS greeks, not its coin-terms ones)' : ''}: delta and gamma per $1 move of the
              underlying, theta in $ per calendar day, vega in $ per 1 vol point. Shaded cells are in the money against the{' '}
              {UNDERLYING_PRICE_LABEL[exchange].toLowerCase()}.
            </p>
            <ChainTable
              label={`${underlying} options expiring ${formatTime(selected.expiry, (date) => expiryTitle.format(date))}`}
              rows={chain.rows}
              calls={columns.calls}
              puts={columns.puts}
              currency={priceCurrency}
              strikeCurrency={strikeCurrency}
              underlyingPrice={chain.underlyingPrice}
              atmStrike={chain.atmStrike}
              isStale={isStale}
              scrollKey={`${exchange}|${underlying}|${selected.expiry}`}
            />
            <SmilePanel exchange={exchange} underlying={underlying} expiry={selected.expiry} expiryLabel={formatTime(selected.expiry, (date) => expiryTitle.format(date))} />
          </div>
          <button type="button" className="button" aria-expanded={termOpen} aria-controls="term-panel" onClick={() => setTermOpen(!termOpen)}>
            Term structure
          </button>
          <div id="term-panel">{termOpen && coin !== null && <TermPanel coin={coin} venues={termVenues} venueNow={termNow} />}</div>
        </>
      )}
    </section>
  );
}
