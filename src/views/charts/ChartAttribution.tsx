/** The credit the Lightweight Charts licence (Apache-2.0 NOTICE) asks for, in place of the logo inside each chart. */
export function ChartAttribution() {
  return (
    <p className="chart-attribution">
      Charts by{' '}
      <a href="https://www.tradingview.com/" target="_blank" rel="noopener noreferrer">
        TradingView Lightweight Charts™
      </a>
    </p>
  );
}
