export function ScreenerPage() {
  return (
    <section aria-labelledby="screener-title" className="page">
      <h1 id="screener-title">Funding-rate screener</h1>
      <p className="empty-state">Waiting for perpetuals from the exchanges…</p>
    </section>
  );
}
